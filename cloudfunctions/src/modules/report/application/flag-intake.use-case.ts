import type { ReportTarget } from '@shared/contracts/report.contract'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { listingsShowingImage } from '../../listing'
import { type ContentFlagRecord, flagsAwaitingCase, takeFlagIn } from '../../risk'
import { loadUser } from '../../user'
import {
  type CaseFlag,
  caseKey,
  caseTarget,
  ModerationCases,
  openedCase,
  OpenCases,
} from '../domain/report.records'
import { flagOpensCase } from '../domain/flag-severity'
import { flagLabel } from './flag-labels'
import { loadTarget } from './report-targets'
import { rescoreCase } from './triage.use-case'

/**
 * Risk flags reach the moderation queue (issue 15): the cron's sweep reads open flags the queue
 * has not taken in (risk's flagsAwaitingCase), and each one that asks for a moderator joins its
 * target's open case or opens one with no reporter (系统标记). Taking a flag in is marked on the
 * flag in the same transaction that writes the case, so a flag joins a case at most once and
 * running the sweep again changes nothing. Risk sits below report and never calls it: the sweep
 * is the report module's, over flags risk hands out.
 *
 * Covered: a listing's text and its listing-risk rules, an image on listings (every listing of
 * its owner showing it or keeping it hidden) or as an avatar, a chat message, a nickname. Reviews
 * and community names are not report targets yet: their flags are taken in without a case and
 * weigh in nothing but their own record.
 */

type Target = NonNullable<Awaited<ReturnType<typeof loadTarget>>>

/** Flags per read, and reads per run: a backlog drains over a few runs, never in one long one. */
const PAGE = 100
const PAGES_PER_RUN = 5
const MAX_ATTEMPTS = 3

/** The report targets a flag is about (none: nothing a moderator can act on through a case). */
const targetsOf = async (
  deps: Pick<Deps, 'store'>,
  f: ContentFlagRecord,
): Promise<ReportTarget[]> => {
  switch (f.kind) {
    case 'listing':
      return [{ kind: 'listing', id: f.targetId }]
    case 'chat-message':
      return [{ kind: 'message', id: f.targetId }]
    case 'nickname':
      return [{ kind: 'user', id: f.targetId }]
    case 'image': {
      const listings = await listingsShowingImage(deps, f.userId, f.targetId)
      if (listings.length) return listings.map((id) => ({ kind: 'listing', id }))
      const owner = await loadUser(deps, f.userId)
      return owner?.avatarFileId === f.targetId ? [{ kind: 'user', id: owner._id }] : []
    }
    default:
      return []
  }
}

/** In the intake's transaction: the flag joins the target's open case, or opens one. */
const joinOrOpen = async (
  deps: Pick<Deps, 'ids'>,
  tx: TransactionOps,
  target: Target,
  flag: CaseFlag,
  now: number,
): Promise<{ caseId: string; opened: boolean }> => {
  const key = caseKey(target.kind, target.id, target.ownerId)
  // A listing nobody but its seller may open: held by the risk checks (or a ban).
  const riskHidden = target.kind === 'listing' && !target.visibleTo('', now)
  const open = await tx.get(OpenCases, key)
  const found = open ? await tx.get(ModerationCases, open.caseId) : null
  if (found?.status === 'open') {
    if (!found.flags?.some((f) => f.id === flag.id))
      await tx.update(
        ModerationCases,
        found._id,
        {
          flags: [...(found.flags ?? []), flag],
          riskHidden,
          updatedAt: now,
          version: found.version + 1,
        },
        { expect: { version: found.version } },
      )
    return { caseId: found._id, opened: false }
  }
  const caseId = deps.ids.next()
  if (open) await tx.update(OpenCases, key, { caseId })
  else await tx.insert(OpenCases, { _id: key, caseId })
  await tx.insert(ModerationCases, {
    ...openedCase(caseId, caseTarget(target), now, {
      reporters: {},
      reasons: {},
      openedBy: 'flags',
      flags: [flag],
    }),
    riskHidden,
  })
  return { caseId, opened: true }
}

type Outcome = 'opened' | 'joined' | 'none'

/** Takes one flag in: its cases written and the flag marked in one transaction, then scored. */
export const takeInFlag = async (deps: Deps, f: ContentFlagRecord): Promise<Outcome> => {
  const resolved = flagOpensCase(f)
    ? (
        await Promise.all((await targetsOf(deps, f)).map((t) => loadTarget(deps, t, null, null)))
      ).filter((t): t is NonNullable<typeof t> => t !== null && t.ownerId === f.userId)
    : []
  const entry: CaseFlag = { id: f._id, source: f.source, label: flagLabel(f), at: f.createdAt }
  for (let attempt = 1; ; attempt++) {
    try {
      const cases = await deps.store.transaction(async (tx) => {
        const now = deps.clock.now()
        if (!(await takeFlagIn(tx, f._id, now))) return null
        const out: { caseId: string; opened: boolean; target: Target }[] = []
        for (const target of resolved)
          out.push({ ...(await joinOrOpen(deps, tx, target, entry, now)), target })
        return out
      })
      if (!cases?.length) return 'none'
      for (const c of cases) await rescoreCase(deps, c.caseId, c.target.flagTargets)
      return cases.some((c) => c.opened) ? 'opened' : 'joined'
    } catch (e) {
      // A report or another flag moved the case meanwhile: read it again.
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT) || attempt >= MAX_ATTEMPTS) throw e
    }
  }
}

/**
 * The cron's sweep: every open flag not yet taken in, oldest first. A flag that fails (a target
 * half gone, a store hiccup) is logged and left for the next run; the rest go on.
 */
export const sweepFlagsIntoCases = async (deps: Deps) => {
  const counts = { casesOpened: 0, flagsJoined: 0, flagsWithoutCase: 0, flagsFailed: 0 }
  const failed = new Set<string>()
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const flags = (await flagsAwaitingCase(deps, PAGE + failed.size)).filter(
      (f) => !failed.has(f._id),
    )
    for (const f of flags) {
      try {
        const outcome = await takeInFlag(deps, f)
        if (outcome === 'opened') counts.casesOpened++
        else if (outcome === 'joined') counts.flagsJoined++
        else counts.flagsWithoutCase++
      } catch (e) {
        failed.add(f._id)
        counts.flagsFailed++
        console.warn(`[report] flag ${f._id} not taken in:`, (e as Error).message)
      }
    }
    if (flags.length < PAGE) break
  }
  return counts
}
