import { ReviewContract } from '@shared/contracts/review.contract'
import { followUpReview, replyToReview } from '../modules/review/application/add-to-review.use-case'
import { myReviews, reviewsForUser } from '../modules/review/application/list-reviews.use-case'
import { orderReviewsView } from '../modules/review/application/review-views'
import { submitReview } from '../modules/review/application/submit-review.use-case'
import { createHandler } from '../platform/create-handler'

/** review: double-blind reviews of completed orders, 追评 and replies; credit reads them through a hook. */
export const main = createHandler(ReviewContract, {
  submit: async (input, { caller, deps }) => submitReview(deps, caller.user, input),
  followUp: async (input, { caller, deps }) => followUpReview(deps, caller.user, input),
  reply: async (input, { caller, deps }) => replyToReview(deps, caller.user, input),
  mine: async (query, { caller, deps }) => myReviews(deps, caller.user, query),
  forUser: async (query, { deps }) => reviewsForUser(deps, query),
  forOrder: async ({ orderId }, { caller, deps }) => orderReviewsView(deps, orderId, caller.user),
})
