import type { RiskHit } from '@shared/domain/content-risk'
import { defineCollection } from '../../core/ports/document-store.port'

/** What a flag is about: the thing that would be hidden, edited or removed. */
export type FlaggedKind = 'listing' | 'chat-message' | 'review' | 'nickname' | 'community' | 'image'

/** Who raised it: the local lexicon, WeChat's text check, WeChat's image check. */
export type FlagSource = 'lexicon' | 'wechat-text' | 'wechat-image'

/**
 * Content a check held for review or let through with a warning: the record the moderation queue
 * (issue 15 points 3–4) reads and closes. Blocked content is never written, so it leaves no flag.
 */
export interface ContentFlagRecord {
  _id: string
  kind: FlaggedKind
  /** The listing, message, review, user or community id; for an image, its fileId. */
  targetId: string
  /** The author. */
  userId: string
  source: FlagSource
  /** review: hidden or held until a moderator decides; warn: shown, noted. */
  action: 'review' | 'warn'
  /** The lexicon's hits, with the field each was in. */
  hits: (RiskHit & { path: string })[]
  /** WeChat's verdict (label, trace id) when it raised the flag. */
  wechat: { suggest: string; label: number; traceId: string } | null
  status: 'open' | 'closed'
  createdAt: number
}

export const ContentFlags = defineCollection<ContentFlagRecord>('content_flags', [
  // The moderation queue: open flags, oldest first.
  { name: 'status_created', fields: [{ field: 'status' }, { field: 'createdAt' }] },
  // Everything flagged on one thing (a listing's text and photos).
  { name: 'target', fields: [{ field: 'targetId' }, { field: 'createdAt', direction: 'desc' }] },
])
