import { RecommendContract } from '@shared/contracts/recommend.contract'
import { recommendFeed } from '../modules/recommend/application/recommend-feed.use-case'
import { createHandler } from '../platform/create-handler'

/** recommend: the 推荐 feed, ranked by the caller's own history, or by what is popular nearby. */
export const main = createHandler(RecommendContract, {
  feed: async (input, { caller, deps }) =>
    recommendFeed(deps, { userId: caller.user?._id ?? null, ip: caller.ip }, input),
})
