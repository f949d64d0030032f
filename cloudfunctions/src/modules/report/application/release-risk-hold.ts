import type { Deps } from '../../deps'
import { insertNotice } from '../../inbox'
import { releaseRiskHold } from '../../listing'
import {
  caseKey,
  type DecisionRecord,
  Decisions,
  ModerationCases,
  OpenCases,
} from '../domain/report.records'
import { READ_LIMIT } from '../domain/report.limits'

/** Whether another decision's removal stands on the listing (its takedown keeps it held for good). */
const removalStands = async (deps: Pick<Deps, 'store'>, d: DecisionRecord) =>
  (
    await deps.store.find(
      Decisions,
      { ownerId: d.ownerId, targetId: d.targetId },
      { orderBy: { field: 'at', direction: 'desc' }, limit: READ_LIMIT },
    )
  ).items.some(
    (other) =>
      other._id !== d._id &&
      other.targetKind === 'listing' &&
      other.action === 'remove' &&
      other.appeal?.status !== 'overturned',
  )

/**
 * The seller's open user case that hides their listings on sale (a 举报 of the seller above the
 * threshold): a listing the risk checks held was skipped by it, so when the risk hold ends the
 * listing passes into that case's hold (its stamp, its list) and that case's decision releases it.
 */
const sellerCaseHolding = async (deps: Pick<Deps, 'store'>, d: DecisionRecord) => {
  const open = await deps.store.get(OpenCases, caseKey('user', d.ownerId, d.ownerId))
  const c = open ? await deps.store.get(ModerationCases, open.caseId) : null
  return c?.status === 'open' && c.hold ? { ...c, hold: c.hold } : null
}

/**
 * After a decision short of removal on a listing (or an appeal overturning one): the review hold
 * the risk checks put on it ends, unless a removal stands or another open case takes it over;
 * with `restorePhotos` the photos WeChat's image check hid come back (the moderator found the
 * content fine). The seller is told when it is on view again (`notice`: null under a ban).
 */
export const releaseRiskHoldOf = async (
  deps: Deps,
  d: DecisionRecord,
  options: { restorePhotos: boolean; notice: 'released' | 'restored' | null },
) => {
  if (await removalStands(deps, d)) return
  const now = deps.clock.now()
  const other = await sellerCaseHolding(deps, d)
  if (other && !other.hold.listingIds.includes(d.targetId))
    await deps.store.update(
      ModerationCases,
      other._id,
      {
        hold: { ...other.hold, listingIds: [...other.hold.listingIds, d.targetId] },
        updatedAt: now,
        version: other.version + 1,
      },
      { expect: { version: other.version } },
    )
  const released = await releaseRiskHold(
    deps,
    d.targetId,
    { restorePhotos: options.restorePhotos, handTo: other?.hold.at ?? null },
    now,
  )
  if (released && options.notice)
    await deps.store.transaction((tx) =>
      insertNotice(tx, {
        _id: `moderation:${d._id}:${options.notice}`,
        userId: released.sellerId,
        kind: 'moderation',
        title: '宝贝审核通过',
        body: `你的「${released.title}」已通过平台审核，重新对所有人可见。`,
        listingId: released._id,
        orderId: null,
        createdAt: now,
      }),
    )
}
