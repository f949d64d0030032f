import type { ReportTarget } from '@shared/contracts/report.contract'
import { REASONS_FOR, type ReportReason } from '@shared/domain/report'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { messageWithParties } from '../../chat'
import { SCENES, screenText } from '../../risk'
import { assertOwnUploads } from '../../upload'
import { openidOf, type UserRecord } from '../../user'
import {
  caseKey,
  caseTarget,
  openedCase,
  ModerationCases,
  OpenCases,
  type ReportedMessage,
  type ReportRecord,
  Reports,
} from '../domain/report.records'
import { REPORTS_PER_DAY, REPORTS_TOO_OFTEN } from '../domain/report.limits'
import { targetForReporter } from './report-targets'
import { rescoreCase } from './triage.use-case'

/** Lexicon categories a report's text may name (the rest still block: abuse in a report is abuse). */
const REPORT_MAY_NAME = ['counterfeit', 'diversion', 'restricted'] as const

export interface CreateReportInput {
  target: ReportTarget
  reason: ReportReason
  text: string
  photoFileIds: string[]
  messageRefs: string[]
}

/** The chosen messages, copied as they are: each must be of a conversation the reporter is in. */
const pickedMessages = async (
  deps: Pick<Deps, 'store'>,
  reporterId: string,
  ownerId: string,
  refs: readonly string[],
): Promise<ReportedMessage[]> => {
  const out: ReportedMessage[] = []
  for (const [i, ref] of [...new Set(refs)].entries()) {
    const found = await messageWithParties(deps, ref)
    const mine =
      found &&
      (found.conversation.buyerId === reporterId || found.conversation.sellerId === reporterId)
    if (!mine)
      throw new AppError(ErrorCodes.REPORT_MESSAGE_NOT_YOURS, undefined, {
        path: ['messageRefs', i],
      })
    const m = found.message
    out.push({
      id: m._id,
      from: m.senderId === reporterId ? 'reporter' : m.senderId === ownerId ? 'reported' : 'other',
      // A removed message is evidence only as what it was; an image is named, not shown.
      text: m.text ?? (m.kind === 'image' ? '[图片]' : ''),
      at: m.at,
    })
  }
  return out
}

/**
 * 举报: every attempt counts against the day's limit first; then the reason must fit the target,
 * the target exist, be visible to the reporter and not be theirs, the photos be their own evidence
 * uploads and the messages from their own conversations, and the text pass the content check.
 * The report joins the target's open case (or opens one); a second report by the same person on
 * it answers the first with `duplicate` and changes nothing. The case is scored again, and hidden
 * once it reaches the threshold.
 */
export const createReport = async (
  deps: Deps,
  reporter: UserRecord,
  input: CreateReportInput,
): Promise<{ id: string; duplicate: boolean }> => {
  await enforceLimit(deps.limits, REPORTS_PER_DAY, reporter._id, REPORTS_TOO_OFTEN)
  if (!REASONS_FOR[input.target.kind].includes(input.reason))
    throw new AppError(ErrorCodes.REPORT_REASON_MISMATCH, undefined, { path: 'reason' })
  const openCaseOf = async (ownerId: string) =>
    (await deps.store.get(OpenCases, caseKey(input.target.kind, input.target.id, ownerId))) !== null
  const target = await targetForReporter(deps, reporter, input.target, openCaseOf)
  await assertOwnUploads(
    deps,
    reporter._id,
    'evidence',
    input.photoFileIds.map((fileId, i) => ({ fileId, path: `photoFileIds.${i}` })),
  )
  const messages = await pickedMessages(deps, reporter._id, target.ownerId, input.messageRefs)
  await screenText(deps, {
    openid: input.text ? await openidOf(deps, reporter._id) : null,
    scene: SCENES.comment,
    fields: [{ path: 'text', text: input.text }],
    // A report names what it reports: "卖假货", "让我加微信" are its point, not an offence.
    skip: REPORT_MAY_NAME,
  })
  const key = caseKey(target.kind, target.id, target.ownerId)
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await deps.store.transaction(async (tx) => {
        const now = deps.clock.now()
        const open = await tx.get(OpenCases, key)
        const found = open ? await tx.get(ModerationCases, open.caseId) : null
        const existing = found?.status === 'open' ? found : null
        const prior = existing?.reporters[reporter._id]
        if (existing && prior) return { id: prior, duplicate: true, caseId: existing._id }
        const reportId = deps.ids.next()
        const caseId = existing?._id ?? deps.ids.next()
        const report: ReportRecord = {
          _id: reportId,
          reporterId: reporter._id,
          caseId,
          targetKind: target.kind,
          targetId: target.id,
          targetLabel: target.label,
          reason: input.reason,
          text: input.text,
          photoFileIds: input.photoFileIds,
          messages,
          status: 'pending',
          createdAt: now,
          decidedAt: null,
        }
        await tx.insert(Reports, report)
        const reasons = {
          ...(existing?.reasons ?? {}),
          [input.reason]: (existing?.reasons[input.reason] ?? 0) + 1,
        }
        const reporters = { ...(existing?.reporters ?? {}), [reporter._id]: reportId }
        if (existing) {
          await tx.update(
            ModerationCases,
            caseId,
            { reasons, reporters, updatedAt: now, version: existing.version + 1 },
            { expect: { version: existing.version } },
          )
        } else {
          const fresh = openedCase(caseId, caseTarget(target), now, { reporters, reasons })
          if (open) await tx.update(OpenCases, key, { caseId })
          else await tx.insert(OpenCases, { _id: key, caseId })
          await tx.insert(ModerationCases, fresh)
        }
        return { id: reportId, duplicate: false, caseId }
      })
      if (!result.duplicate) await rescoreCase(deps, result.caseId, target.flagTargets)
      return { id: result.id, duplicate: result.duplicate }
    } catch (e) {
      // Two first reports on one target at once: the loser joins the case the winner opened.
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT) || attempt >= 3) throw e
    }
  }
}
