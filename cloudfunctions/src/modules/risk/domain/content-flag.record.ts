import type { RiskHit } from '@shared/domain/content-risk'
import { defineCollection } from '../../core/ports/document-store.port'

/** What a flag is about: the thing that would be hidden, edited or removed. */
export type FlaggedKind = 'listing' | 'chat-message' | 'review' | 'nickname' | 'community' | 'image'

/**
 * Who raised it: the local lexicon, WeChat's text check, WeChat's image check, or the listing-risk
 * rules (price, photo reuse, new account: listing-risk.use-case.ts).
 */
export type FlagSource = 'lexicon' | 'wechat-text' | 'wechat-image' | 'listing-risk'

/**
 * Which listing-risk rule: a price improbable for its brand (a possible counterfeit), a photo
 * another seller published first, a new account publishing many high-value listings at once.
 */
export type ListingRisk = 'price' | 'photo-reuse' | 'new-account'

/** What a listing-risk rule saw, for the moderator (and the triage score). */
export type ListingRiskDetail =
  | { risk: 'price'; brand: string; priceFen: number; referenceFen: number; ratio: number }
  | {
      risk: 'photo-reuse'
      fileId: string
      /** The other seller's listing showing the same photo, and how many bits the hashes differ. */
      otherListingId: string
      otherSellerId: string
      distance: number
    }
  | { risk: 'new-account'; accountAgeMs: number; highValueInWindow: number }

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
  /** source 'listing-risk': the rule, and what it saw. Absent on other flags. */
  risk?: ListingRisk
  riskDetail?: ListingRiskDetail
  status: 'open' | 'closed'
  createdAt: number
  /**
   * When the moderation queue took the flag in (it joined or opened a case, or was found to need
   * none): the queue's sweep reads open flags not yet taken in. Absent on flags it has not seen.
   */
  takenAt?: number | null
  /** The moderation decision that closed it, and when (status 'closed'). */
  closedBy?: string | null
  closedAt?: number | null
}

export const ContentFlags = defineCollection<ContentFlagRecord>('content_flags', [
  // The moderation queue: open flags, oldest first.
  { name: 'status_created', fields: [{ field: 'status' }, { field: 'createdAt' }] },
  // The queue's sweep: open flags it has not taken in yet, oldest first.
  {
    name: 'status_taken_created',
    fields: [{ field: 'status' }, { field: 'takenAt' }, { field: 'createdAt' }],
  },
  // Everything flagged on one thing (a listing's text and photos).
  { name: 'target', fields: [{ field: 'targetId' }, { field: 'createdAt', direction: 'desc' }] },
  // What is still open on one thing (openFlagsOn: the report triage).
  {
    name: 'target_status',
    fields: [{ field: 'targetId' }, { field: 'status' }, { field: 'createdAt', direction: 'desc' }],
  },
])
