import { HIDE_THRESHOLD, slaHours } from '@shared/domain/report'
import { HOUR } from '@shared/domain/time'
import { isAppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { updateIfUnchanged } from '../../core'
import { moderateMessage } from '../../chat'
import { creditTierOf } from '../../credit'
import { holdListingsForReport } from '../../listing'
import { openFlagsOn as openFlagsOnOne } from '../../risk'
import {
  ModerationCases,
  type ModerationCaseRecord,
  ReporterStats,
  Reports,
} from '../domain/report.records'
import { READ_LIMIT } from '../domain/report.limits'
import { flagSeverity } from '../domain/flag-severity'
import { credibility, triageScore } from '../domain/triage'

/** A reporter's credibility now (0–1). */
export const credibilityOf = async (deps: Pick<Deps, 'store'>, reporterId: string) =>
  credibility(await deps.store.get(ReporterStats, reporterId))

/** Open risk flags on these ids (a listing and its photos, a message, a user). */
export const openFlagsOn = async (deps: Pick<Deps, 'store'>, targetIds: readonly string[]) =>
  (await Promise.all(targetIds.map((id) => openFlagsOnOne(deps, id)))).flat()

/** The case's reports, first first. */
export const reportsOf = async (deps: Pick<Deps, 'store'>, caseId: string) =>
  (
    await deps.store.find(
      Reports,
      { caseId },
      { orderBy: { field: 'createdAt', direction: 'asc' }, limit: READ_LIMIT },
    )
  ).items

/**
 * Scores a case again from what stands now (each reporter's credibility, open flags, the owner's
 * tier), with the SLA that follows; at HIDE_THRESHOLD a reported target is hidden pending review, once:
 * a listing is held, a message hidden from the other party, a user's listings on sale held.
 */
export const rescoreCase = async (
  deps: Deps,
  caseId: string,
  flagTargets: readonly string[],
): Promise<ModerationCaseRecord | null> => {
  for (let attempt = 1; ; attempt++) {
    const c = await deps.store.get(ModerationCases, caseId)
    if (!c || c.status !== 'open') return c
    const reports = await reportsOf(deps, caseId)
    const weighed = await Promise.all(
      reports.map(async (r) => ({
        reason: r.reason,
        credibility: await credibilityOf(deps, r.reporterId),
      })),
    )
    const flags = await openFlagsOn(deps, flagTargets)
    const tier = await creditTierOf(deps, c.ownerId)
    const score = triageScore({
      reports: weighed,
      openFlags: flags.length,
      flagSeverity: Math.max(0, ...flags.map(flagSeverity)),
      ownerTier: tier.key,
    })
    const now = deps.clock.now()
    // Only people's reports hide content here: what the risk checks hid, they hid themselves.
    const reported = Object.keys(c.reporters).length > 0
    const hold =
      c.hold ?? (reported && score >= HIDE_THRESHOLD ? await hideTarget(deps, c, now) : null)
    try {
      return await updateIfUnchanged(deps.store, ModerationCases, c._id, c, {
        score,
        riskFlags: flags.length,
        slaDueAt: c.openedAt + slaHours(score) * HOUR,
        hold,
        updatedAt: now,
      })
    } catch (e) {
      // Another report scored it meanwhile: score again from what that one wrote.
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT) || attempt >= 3) throw e
    }
  }
}

const hideTarget = async (deps: Deps, c: ModerationCaseRecord, now: number) => {
  switch (c.targetKind) {
    case 'listing':
      return {
        at: now,
        listingIds: await holdListingsForReport(deps, { listingIds: [c.targetId] }, now),
        messageId: null,
      }
    case 'user':
      return {
        at: now,
        listingIds: await holdListingsForReport(deps, { sellerId: c.targetId }, now),
        messageId: null,
      }
    case 'message':
      await moderateMessage(deps, c.targetId, 'hidden')
      return { at: now, listingIds: [], messageId: c.targetId }
    case 'order':
      // An order has nothing to hide from others; it waits in the queue at the top.
      return { at: now, listingIds: [], messageId: null }
  }
}
