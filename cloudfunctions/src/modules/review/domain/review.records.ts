import type { ReviewParty } from '@shared/domain/review'
import { defineCollection } from '../../core/ports/document-store.port'

/**
 * An order's review window, keyed by the order id: opened in the transaction that completes the
 * order, it is the one document both parties' submissions write (compare-and-set on `version`),
 * so the second review always sees the first and publishes both.
 */
export interface ReviewWindowRecord {
  _id: string
  buyerId: string
  sellerId: string
  /** Who may review this order (the dispute's outcome may leave the seller out). */
  reviewers: ReviewParty[]
  /** blind: nothing is published yet; revealed: what exists is published. */
  state: 'blind' | 'revealed'
  openedAt: number
  closesAt: number
  followUpUntil: number
  /** While blind: when the cron publishes (the close); null once revealed (the timer's index). */
  publishAt: number | null
  /** The reminder a day before the close; null once sent or when nobody is left to remind. */
  remindAt: number | null
  revealedAt: number | null
  version: number
}

export interface ReviewFollowUp {
  text: string
  photoFileIds: string[]
  at: number
}

export interface ReviewReply {
  text: string
  at: number
}

/**
 * One party's review of an order, keyed `${orderId}:${by}` (reviewKey) and created `due` (待评价)
 * when the window opens, so a second review of the same order by the same party cannot exist. Its
 * author sees it from submission on; anyone else once it is published. A due review left at the
 * close lapses.
 */
export interface ReviewRecord {
  _id: string
  /** The id views show, given at submission: the key holds the order id, which strangers must not learn. */
  publicId: string | null
  orderId: string
  /** Whose review it is: the buyer's rates the seller, the seller's rates the buyer. */
  by: ReviewParty
  reviewerId: string
  revieweeId: string
  /** The reviewee's part in the order (`seller` for a buyer's review): forUser filters by it. */
  revieweeRole: ReviewParty
  state: 'due' | 'submitted' | 'published' | 'lapsed'
  /** The window's close: a due review may be submitted until then. */
  dueAt: number
  /** What was traded, copied from the order (titles change, the trade does not). */
  title: string
  coverFileId: string | null
  completedAt: number
  stars: number | null
  tags: string[]
  text: string | null
  photoFileIds: string[]
  submittedAt: number | null
  publishedAt: number | null
  followUp: ReviewFollowUp | null
  reply: ReviewReply | null
  createdAt: number
  version: number
}

export const ReviewWindows = defineCollection<ReviewWindowRecord>('review_windows', [
  // The cron: blind windows whose close has come, and reminders due.
  { name: 'publish', fields: [{ field: 'publishAt' }] },
  { name: 'remind', fields: [{ field: 'remindAt' }] },
])

export const Reviews = defineCollection<ReviewRecord>('reviews', [
  // 待评价 by deadline; what the caller gave, newest first.
  {
    name: 'reviewer_state',
    fields: [{ field: 'reviewerId' }, { field: 'state' }, { field: 'dueAt' }],
  },
  {
    name: 'reviewer_submitted',
    fields: [{ field: 'reviewerId' }, { field: 'submittedAt', direction: 'desc' }],
  },
  // What a user received (forUser, mine), newest published first, all or as seller / buyer.
  {
    name: 'reviewee_state',
    fields: [
      { field: 'revieweeId' },
      { field: 'state' },
      { field: 'publishedAt', direction: 'desc' },
    ],
  },
  {
    name: 'reviewee_role_state',
    fields: [
      { field: 'revieweeId' },
      { field: 'revieweeRole' },
      { field: 'state' },
      { field: 'publishedAt', direction: 'desc' },
    ],
  },
])

export const reviewKey = (orderId: string, by: ReviewParty) => `${orderId}:${by}`
