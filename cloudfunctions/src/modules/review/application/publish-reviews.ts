import { updateIfUnchanged } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { insertNotice } from '../../inbox'
import { receivedNotice } from '../domain/review-notices'
import {
  type ReviewRecord,
  Reviews,
  type ReviewWindowRecord,
  reviewKey,
} from '../domain/review.records'

/** The window's own patch once its reviews are out: no publication or reminder is due any more. */
export const revealedPatch = (now: number): Partial<ReviewWindowRecord> => ({
  state: 'revealed',
  publishAt: null,
  remindAt: null,
  revealedAt: now,
})

/** The window's reviews as stored, read inside `tx` (ops by id only), one per party who may review. */
export const windowReviews = async (
  tx: Pick<TransactionOps, 'get'>,
  w: Pick<ReviewWindowRecord, '_id' | 'reviewers'>,
): Promise<ReviewRecord[]> => {
  const found = await Promise.all(w.reviewers.map((by) => tx.get(Reviews, reviewKey(w._id, by))))
  return found.filter((r): r is ReviewRecord => r !== null)
}

/** What submission wrote into a review: kept as it is when the review is published. */
const contentOf = (r: ReviewRecord): Partial<ReviewRecord> => ({
  publicId: r.publicId,
  stars: r.stars,
  tags: r.tags,
  text: r.text,
  photoFileIds: r.photoFileIds,
  submittedAt: r.submittedAt,
})

/**
 * Reveals a window's reviews inside `tx`: every submitted one is published, and the
 * reviewPublished reactions run on it in this transaction, and its reviewee hears of it under 消息;
 * one still due lapses (the window is over). `reviews` are the records as this transaction is
 * about to leave them: a review being submitted right now comes in already `submitted`, with the
 * version it was read at, and is written once, published. The caller writes `revealedPatch` on the
 * window in the same transaction.
 */
export const publishReviews = async (
  tx: TransactionOps,
  deps: Pick<Deps, 'hooks'>,
  reviews: ReviewRecord[],
  now: number,
): Promise<ReviewRecord[]> => {
  const out: ReviewRecord[] = []
  for (const r of reviews) {
    if (r.state === 'submitted') {
      const published = await updateIfUnchanged(tx, Reviews, r._id, r, {
        ...contentOf(r),
        state: 'published',
        publishedAt: now,
      })
      for (const react of deps.hooks.reviewPublished) await react(tx, published)
      await insertNotice(tx, {
        _id: `review:${r._id}:published`,
        userId: r.revieweeId,
        kind: 'review',
        ...receivedNotice(r),
        listingId: null,
        orderId: r.orderId,
        createdAt: now,
      })
      out.push(published)
    } else if (r.state === 'due') {
      out.push(await updateIfUnchanged(tx, Reviews, r._id, r, { state: 'lapsed' }))
    } else out.push(r)
  }
  return out
}
