import { otherParty } from '@shared/domain/review'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { assertOwnUploads } from '../../upload'
import type { UserRecord } from '../../user'
import { flagReview, screenReviewText } from './screen-review-text'
import { type ReviewRecord, Reviews, reviewKey } from '../domain/review.records'
import { loadOpenWindowFor } from './review-access'
import { orderReviewsView } from './review-views'

/**
 * Adds to a published review by compare-and-set: `check` refuses (the addition is used, the time
 * is up) on the review as read, and a racing write (the other party's reply, a second tap) makes
 * this one read and check again, so a second tap is refused and a reply never loses to a 追评.
 */
const addOnce = async (
  deps: Deps,
  key: string,
  check: (review: ReviewRecord | null, now: number) => asserts review is ReviewRecord,
  patch: (now: number) => Partial<ReviewRecord>,
) => {
  for (let attempt = 0; ; attempt++) {
    const review = await deps.store.get(Reviews, key)
    const now = deps.clock.now()
    check(review, now)
    try {
      return await updateIfUnchanged(deps.store, Reviews, review._id, review, patch(now))
    } catch (e) {
      if (isAppError(e) && e.code === ErrorCodes.CONFLICT && attempt < 3) continue
      throw e
    }
  }
}

/**
 * 追评: the caller adds one follow-up (text, up to 6 of their own review photos) to their review of
 * the order once it is published, within 30 days of completion. The text passes the content guard.
 */
export const followUpReview = async (
  deps: Deps,
  user: Pick<UserRecord, '_id'>,
  input: { orderId: string; text: string; photoFileIds: string[] },
) => {
  const screening = await screenReviewText(deps, user._id, input.text)
  const { window, party } = await loadOpenWindowFor(deps.store, user, input.orderId)
  await assertOwnUploads(
    deps,
    user._id,
    'review-photos',
    input.photoFileIds.map((fileId, i) => ({ fileId, path: `photoFileIds.${i}` })),
  )
  const reviewId = reviewKey(window._id, party)
  await addOnce(
    deps,
    reviewId,
    (review, now) => {
      if (!review || review.state === 'lapsed')
        throw new AppError(ErrorCodes.REVIEW_NOT_REVIEWABLE, '你没有评价这笔订单，不能追评')
      if (review.state !== 'published') throw new AppError(ErrorCodes.REVIEW_NOT_PUBLISHED)
      if (review.followUp) throw new AppError(ErrorCodes.REVIEW_FOLLOW_UP_USED)
      if (now >= window.followUpUntil) throw new AppError(ErrorCodes.REVIEW_FOLLOW_UP_CLOSED)
    },
    (now) => ({ followUp: { text: input.text, photoFileIds: input.photoFileIds, at: now } }),
  )
  await flagReview(deps, screening, reviewId, user._id)
  return (await orderReviewsView(deps, input.orderId, user))!
}

/**
 * The caller answers, once, the published review the other party wrote about them on this order
 * (explains a bad rating, thanks for a good one). The text passes the content guard.
 */
export const replyToReview = async (
  deps: Deps,
  user: Pick<UserRecord, '_id'>,
  input: { orderId: string; text: string },
) => {
  const screening = await screenReviewText(deps, user._id, input.text)
  const { window, party } = await loadOpenWindowFor(deps.store, user, input.orderId)
  const reviewId = reviewKey(window._id, otherParty(party))
  await addOnce(
    deps,
    reviewId,
    (review) => {
      if (!review || review.state !== 'published')
        throw new AppError(ErrorCodes.REVIEW_NOTHING_TO_REPLY)
      if (review.reply) throw new AppError(ErrorCodes.REVIEW_ALREADY_REPLIED)
    },
    (now) => ({ reply: { text: input.text, at: now } }),
  )
  await flagReview(deps, screening, reviewId, user._id)
  return (await orderReviewsView(deps, input.orderId, user))!
}
