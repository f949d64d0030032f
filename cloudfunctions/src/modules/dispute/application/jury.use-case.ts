import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Verdict } from '@shared/domain/dispute'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { loadOrder } from '../../order'
import { SCENES, screenText } from '../../risk'
import { openidOf, type UserRecord } from '../../user'
import { Disputes, dutyId, JuryDuties } from '../domain/dispute.records'
import { decideIfDue } from './arbitration'
import { juryCaseView, jurorStats } from './dispute-views'

/** The caller's seat on a case; anyone not drawn for it is told it does not exist. */
const loadSeat = async (deps: Deps, user: UserRecord, caseId: string) => {
  const duty = await deps.store.get(JuryDuties, dutyId(caseId, user._id))
  const dispute = duty ? await deps.store.get(Disputes, duty.disputeId) : null
  const order = dispute ? await loadOrder(deps.store, dispute.orderId) : null
  if (!duty || !dispute || !order) throw new AppError(ErrorCodes.NOT_FOUND, '案件不存在')
  return { duty, dispute, order }
}

export const juryCase = async (deps: Deps, user: UserRecord, caseId: string) => {
  const { duty, dispute, order } = await loadSeat(deps, user, caseId)
  return juryCaseView(deps, dispute, order, duty)
}

/** 小法庭: the cases the caller was drawn for, newest first, and their juror record. */
export const jurorCases = async (deps: Deps, user: UserRecord) => {
  const duties = await deps.store.find(
    JuryDuties,
    { jurorId: user._id },
    { orderBy: { field: 'assignedAt', direction: 'desc' }, limit: 50 },
  )
  const items = await Promise.all(
    duties.items.map(async (duty) => {
      const d = await deps.store.get(Disputes, duty.disputeId)
      const order = d ? await loadOrder(deps.store, d.orderId) : null
      const live = d?.caseId === duty.caseId && d.stage === 'jury'
      return {
        caseId: duty.caseId,
        title: order
          ? '交易纠纷 · ' + (order.fulfilment === 'service' ? '服务' : '商品')
          : '交易纠纷',
        totalFen: d?.totalFen ?? 0,
        dueAt: duty.dueAt,
        voted: duty.vote !== null,
        status: live
          ? ('open' as const)
          : d?.outcome?.by === 'jury' && d.caseId === duty.caseId
            ? ('decided' as const)
            : ('platform' as const),
      }
    }),
  )
  return { items, stats: await jurorStats(deps, user._id) }
}

/**
 * A juror's one vote with a reason, before the deadline: the seat is written by compare-and-set
 * (no vote → this vote), the reason screened like any user text, then the jury is counted: a
 * majority of the panel decides the case at once.
 */
export const vote = async (
  deps: Deps,
  user: UserRecord,
  input: { caseId: string; side: Verdict; reason: string },
) => {
  const { duty, dispute } = await loadSeat(deps, user, input.caseId)
  const now = deps.clock.now()
  if (dispute.caseId !== duty.caseId || dispute.stage !== 'jury' || now >= duty.dueAt)
    throw new AppError(ErrorCodes.JURY_CLOSED)
  if (duty.vote !== null) throw new AppError(ErrorCodes.JURY_ALREADY_VOTED)
  await screenText(deps, {
    openid: await openidOf(deps, user._id),
    scene: SCENES.comment,
    fields: [{ path: 'reason', text: input.reason }],
  })
  await updateIfUnchanged(deps.store, JuryDuties, duty._id, duty, {
    vote: input.side,
    reason: input.reason,
    votedAt: now,
  }).catch((e) => {
    throw isAppError(e) && e.code === ErrorCodes.CONFLICT
      ? new AppError(ErrorCodes.JURY_ALREADY_VOTED)
      : e
  })
  await decideIfDue(deps, (await deps.store.get(Disputes, dispute._id))!, false)
  return juryCase(deps, user, input.caseId)
}
