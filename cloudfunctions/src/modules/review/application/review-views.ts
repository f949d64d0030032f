import type {
  OrderReviews,
  PendingReview,
  PublicReview,
  Review,
  ReviewStatus,
} from '@shared/contracts/review.contract'
import { mayRead, otherParty, type ReviewParty } from '@shared/domain/review'
import type { Deps } from '../../deps'
import { loadPublicUsers } from '../../user'
import type { UserRecord } from '../../user'
import type { ReviewRecord, ReviewWindowRecord } from '../domain/review.records'
import { loadWindowFor } from './review-access'
import { windowReviews } from './publish-reviews'

type ViewDeps = Pick<Deps, 'store' | 'files' | 'clock'>

const person = (users: Awaited<ReturnType<typeof loadPublicUsers>>, id: string) => {
  const u = users.get(id)
  return { nickname: u?.nickname ?? '邻圈用户', avatarUrl: u?.avatarUrl ?? null }
}

/** People and file URLs for a set of reviews, read once for all of them. */
const lookups = async (deps: ViewDeps, reviews: ReviewRecord[]) => {
  const users = await loadPublicUsers(
    deps,
    reviews.flatMap((r) => [r.reviewerId, r.revieweeId]),
  )
  const fileIds = reviews.flatMap((r) => [
    ...(r.coverFileId ? [r.coverFileId] : []),
    ...r.photoFileIds,
    ...(r.followUp?.photoFileIds ?? []),
  ])
  const urls = fileIds.length ? await deps.files.urls([...new Set(fileIds)]) : {}
  const urlsOf = (ids: string[]) => ids.flatMap((id) => (urls[id] ? [urls[id]] : []))
  return { users, urls, urlsOf }
}

/**
 * Reviews as anyone may see them: the people by nickname and avatar only, no order id. Only
 * submitted reviews have content; due or lapsed ones are left out.
 */
export const toPublicReviews = async (
  deps: ViewDeps,
  reviews: ReviewRecord[],
): Promise<PublicReview[]> => {
  const { users, urls, urlsOf } = await lookups(deps, reviews)
  return reviews.flatMap((r) =>
    r.stars === null || r.submittedAt === null || r.publicId === null
      ? []
      : [
          {
            id: r.publicId,
            by: r.by,
            reviewer: person(users, r.reviewerId),
            reviewee: person(users, r.revieweeId),
            stars: r.stars,
            tags: r.tags,
            text: r.text,
            photoUrls: urlsOf(r.photoFileIds),
            item: {
              title: r.title,
              coverUrl: r.coverFileId ? (urls[r.coverFileId] ?? null) : null,
            },
            submittedAt: r.submittedAt,
            publishedAt: r.publishedAt,
            followUp: r.followUp && {
              text: r.followUp.text,
              photoUrls: urlsOf(r.followUp.photoFileIds),
              at: r.followUp.at,
            },
            reply: r.reply && { text: r.reply.text, at: r.reply.at },
          },
        ],
  )
}

/** Reviews as a party of their order sees them (their own before publication too). */
export const toReviews = async (deps: ViewDeps, reviews: ReviewRecord[]): Promise<Review[]> => {
  const shown = reviews.filter((r) => r.state === 'submitted' || r.state === 'published')
  const views = await toPublicReviews(deps, shown)
  return views.map((v, i) => ({
    ...v,
    orderId: shown[i]!.orderId,
    state: shown[i]!.state as Review['state'],
  }))
}

const statusOf = (r: ReviewRecord | undefined): ReviewStatus => r?.state ?? 'none'

/**
 * What a party may do on their order's reviews now: rate within the window, one 追评 on their
 * published review until followUpUntil, one reply to the other's published review.
 */
const actionsOf = (
  w: ReviewWindowRecord,
  mine: ReviewRecord | undefined,
  theirs: ReviewRecord | undefined,
  now: number,
): OrderReviews['actions'] => [
  ...(mine?.state === 'due' && now < w.closesAt ? (['submit'] as const) : []),
  ...(mine?.state === 'published' && !mine.followUp && now < w.followUpUntil
    ? (['followUp'] as const)
    : []),
  ...(theirs?.state === 'published' && !theirs.reply ? (['reply'] as const) : []),
]

/**
 * An order's reviews for one of its parties under the blind rule (shared/domain/review.ts
 * `mayRead`): their own review from submission on, the other party's only once published, and of
 * an unpublished one nothing but that it is in.
 */
export const toOrderReviews = async (
  deps: ViewDeps,
  w: ReviewWindowRecord,
  reviews: ReviewRecord[],
  party: ReviewParty,
): Promise<OrderReviews> => {
  const mine = reviews.find((r) => r.by === party)
  const theirs = reviews.find((r) => r.by === otherParty(party))
  const readable = reviews.filter((r) =>
    mayRead({ by: r.by, published: r.state === 'published' }, party),
  )
  const views = await toReviews(deps, readable)
  const viewOf = (r: ReviewRecord | undefined) =>
    (r && views.find((v) => v.orderId === r.orderId && v.by === r.by)) ?? null
  return {
    orderId: w._id,
    role: party,
    state: w.state,
    closesAt: w.closesAt,
    followUpUntil: w.followUpUntil,
    mine: { status: statusOf(mine), review: viewOf(mine) },
    theirs: { status: statusOf(theirs), review: viewOf(theirs) },
    actions: actionsOf(w, mine, theirs, deps.clock.now()),
  }
}

/** forOrder: the caller's view of an order's reviews; null while the order gives none. */
export const orderReviewsView = async (
  deps: ViewDeps,
  orderId: string,
  user: Pick<UserRecord, '_id'>,
): Promise<OrderReviews | null> => {
  const { window, party } = await loadWindowFor(deps.store, user, orderId)
  if (!window) return null
  return toOrderReviews(deps, window, await windowReviews(deps.store, window), party)
}

/** 待评价 rows: whom the caller rates, what was traded, and until when. */
export const toPending = async (
  deps: ViewDeps,
  reviews: ReviewRecord[],
): Promise<PendingReview[]> => {
  const { users, urls } = await lookups(deps, reviews)
  return reviews.map((r) => ({
    orderId: r.orderId,
    role: r.by,
    counterpart: person(users, r.revieweeId),
    item: { title: r.title, coverUrl: r.coverFileId ? (urls[r.coverFileId] ?? null) : null },
    completedAt: r.completedAt,
    closesAt: r.dueAt,
  }))
}
