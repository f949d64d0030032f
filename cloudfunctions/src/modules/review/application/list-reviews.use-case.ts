import type { ReviewBox } from '@shared/contracts/review.contract'
import type { ReviewParty } from '@shared/domain/review'
import type { PageRequest } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { Reviews } from '../domain/review.records'
import { toPending, toPublicReviews, toReviews } from './review-views'

/** 待评价: the caller's due reviews whose window is still open (the sweep may not have closed a past one yet). */
const pendingFilter = (userId: string, now: number) => ({
  reviewerId: userId,
  state: 'due',
  dueAt: { $gt: now },
})

/**
 * The caller's reviews by box: 待评价 (due, soonest deadline first, with how many there are),
 * given (their own, newest first: unpublished ones too, which only they see) or received (what
 * others wrote about them, once published).
 */
export const myReviews = async (
  deps: Deps,
  user: Pick<UserRecord, '_id'>,
  q: PageRequest & { box: ReviewBox },
) => {
  const now = deps.clock.now()
  const pendingCount = await deps.store.count(Reviews, pendingFilter(user._id, now))
  const page = { limit: q.limit, cursor: q.cursor }
  if (q.box === 'pending') {
    const due = await deps.store.find(Reviews, pendingFilter(user._id, now), {
      ...page,
      orderBy: { field: 'dueAt', direction: 'asc' },
    })
    return {
      pending: await toPending(deps, due.items),
      reviews: [],
      nextCursor: due.nextCursor,
      pendingCount,
    }
  }
  const found =
    q.box === 'given'
      ? await deps.store.find(
          Reviews,
          { reviewerId: user._id, state: { $in: ['submitted', 'published'] } },
          { ...page, orderBy: { field: 'submittedAt', direction: 'desc' } },
        )
      : await deps.store.find(
          Reviews,
          { revieweeId: user._id, state: 'published' },
          { ...page, orderBy: { field: 'publishedAt', direction: 'desc' } },
        )
  return {
    pending: [],
    reviews: await toReviews(deps, found.items),
    nextCursor: found.nextCursor,
    pendingCount,
  }
}

/**
 * A user's published reviews, newest first: as a seller (what buyers said), as a buyer, or both;
 * public, with the people by nickname and avatar only. The summary counts them and the 好评 among
 * them (4 stars and up).
 */
export const reviewsForUser = async (
  deps: Deps,
  q: PageRequest & { userId: string; role?: ReviewParty },
) => {
  const filter = {
    revieweeId: q.userId,
    ...(q.role ? { revieweeRole: q.role } : {}),
    state: 'published',
  }
  const [found, count, goodCount] = await Promise.all([
    deps.store.find(Reviews, filter, {
      limit: q.limit,
      cursor: q.cursor,
      orderBy: { field: 'publishedAt', direction: 'desc' },
    }),
    deps.store.count(Reviews, filter),
    deps.store.count(Reviews, { ...filter, stars: { $gte: 4 } }),
  ])
  return {
    items: await toPublicReviews(deps, found.items),
    nextCursor: found.nextCursor,
    summary: { count, goodCount },
  }
}
