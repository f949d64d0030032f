import { revealDue } from '@shared/domain/review'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { assertOwnUploads } from '../../upload'
import type { UserRecord } from '../../user'
import { assertTagsFor } from '../domain/review-content'
import { flagReview, screenReviewText } from './screen-review-text'
import { type ReviewRecord, Reviews, ReviewWindows, reviewKey } from '../domain/review.records'
import { loadOpenWindowFor } from './review-access'
import { publishReviews, revealedPatch, windowReviews } from './publish-reviews'
import { orderReviewsView } from './review-views'

export interface SubmitInput {
  orderId: string
  stars: number
  tags: string[]
  text?: string
  photoFileIds: string[]
}

/** Why a review cannot be submitted now, or null when it can. */
const refusal = (review: ReviewRecord | null, closesAt: number, now: number) => {
  if (!review)
    return new AppError(ErrorCodes.REVIEW_NOT_REVIEWABLE, '按纠纷处理结果，你不能评价这笔订单')
  if (review.state === 'lapsed' || (review.state === 'due' && now >= closesAt))
    return new AppError(ErrorCodes.REVIEW_WINDOW_CLOSED)
  if (review.state !== 'due') return new AppError(ErrorCodes.REVIEW_ALREADY_SUBMITTED)
  return null
}

/**
 * A party rates the other party of their order, once, within the window: identity from the
 * context, the role from the order (a stranger is told the order does not exist). Text passes the
 * chat's content guard and photos must be the caller's own review uploads, all before anything is
 * written. The review stays hidden until the other party's is in or the window closes: the submit
 * that completes the set publishes both in its transaction. Every submit writes the window by
 * compare-and-set, so two racing submits cannot both miss each other; the loser looks again.
 */
export const submitReview = async (
  deps: Deps,
  user: Pick<UserRecord, '_id'>,
  input: SubmitInput,
) => {
  const text = input.text ? input.text : null
  const screening = await screenReviewText(deps, user._id, text)
  for (let attempt = 0; ; attempt++) {
    const { window, party } = await loadOpenWindowFor(deps.store, user, input.orderId)
    const now = deps.clock.now()
    const stored = await deps.store.get(Reviews, reviewKey(window._id, party))
    const refused = refusal(stored, window.closesAt, now)
    if (refused) throw refused
    assertTagsFor(party, input.tags)
    await assertOwnUploads(
      deps,
      user._id,
      'review-photos',
      input.photoFileIds.map((fileId, i) => ({ fileId, path: `photoFileIds.${i}` })),
    )
    const submitted: ReviewRecord = {
      ...stored!,
      publicId: stored!.publicId ?? deps.ids.next(),
      state: 'submitted',
      stars: input.stars,
      tags: input.tags,
      text,
      photoFileIds: input.photoFileIds,
      submittedAt: now,
    }
    try {
      await deps.store.transaction(async (tx) => {
        const current = await windowReviews(tx, window)
        const reviews = current.map((r) => (r._id === submitted._id ? submitted : r))
        const parties = reviews.filter((r) => r.state !== 'due').map((r) => r.by)
        if (revealDue(window, parties, now)) {
          await updateIfUnchanged(tx, ReviewWindows, window._id, window, revealedPatch(now))
          await publishReviews(tx, deps, reviews, now)
        } else {
          await updateIfUnchanged(tx, ReviewWindows, window._id, window, {})
          const { _id, version, ...content } = submitted
          await updateIfUnchanged(tx, Reviews, _id, { version }, content)
        }
      })
      await flagReview(deps, screening, submitted._id, user._id)
      return (await orderReviewsView(deps, input.orderId, user))!
    } catch (e) {
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT && attempt < 3) continue
      throw e
    }
  }
}
