import { type JobOutcome, type OutboxJobRecord, OutboxJobs } from '../domain/outbox-job.record'
import type { JobHandler } from '../../deps'
import { updateIfUnchanged } from '../../core'
import { HOUR } from '@shared/domain/time'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { type TransactionOps, type PageRequest } from '../../core/ports/document-store.port'
import { hasBrand } from '../../core/ports/provider-error'

export type { JobOutcome } from '../domain/outbox-job.record'
export type { JobHandler } from '../../deps'

const PERMANENT_JOB_ERROR = Symbol.for('linquan.PermanentJobError')

/**
 * Thrown by a handler when retrying cannot help (WeChat refused the request for good). Told apart
 * by a brand, not by class identity: in the local cloud a bundle's outbox runs handlers from the
 * host's copy of the modules, whose class is another object.
 */
export class PermanentJobError extends Error {
  readonly [PERMANENT_JOB_ERROR] = true

  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, PERMANENT_JOB_ERROR)
  }
}

const LEASE_MS = 60_000
const MAX_BACKOFF_MS = HOUR
export const backoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, 15_000 * 2 ** Math.max(0, attempts - 1))

/** Adds a job inside the caller's transaction; a job with the same key is left as it is. */
export const enqueue = async (
  tx: TransactionOps,
  job: { key: string; kind: string; orderId: string | null; at: number },
) => {
  if (await tx.get(OutboxJobs, job.key)) return
  await tx.insert(OutboxJobs, {
    _id: job.key,
    kind: job.kind,
    orderId: job.orderId,
    status: 'pending',
    attempts: 0,
    nextAt: job.at,
    lastError: null,
    createdAt: job.at,
    doneAt: null,
    version: 0,
  })
}

/** Claims a job for one runner (compare-and-set), so two workers never call out at once. */
const claim = async (deps: Deps, job: OutboxJobRecord): Promise<OutboxJobRecord | null> => {
  try {
    return await deps.store.update(
      OutboxJobs,
      job._id,
      { nextAt: deps.clock.now() + LEASE_MS, attempts: job.attempts + 1, version: job.version + 1 },
      { expect: { version: job.version, status: 'pending' } },
    )
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return null
    throw e
  }
}

const runOne = async (
  deps: Deps,
  handlers: Record<string, JobHandler>,
  job: OutboxJobRecord,
): Promise<JobOutcome | 'failed' | 'skipped'> => {
  const claimed = await claim(deps, job)
  if (!claimed) return 'skipped'
  const handler = handlers[claimed.kind]
  const finish = (patch: Partial<OutboxJobRecord>) =>
    updateIfUnchanged(deps.store, OutboxJobs, claimed._id, claimed, { ...patch })
  try {
    if (!handler) throw new PermanentJobError(`no handler for ${claimed.kind}`)
    const outcome = await handler(deps, claimed)
    const now = deps.clock.now()
    if (outcome === 'done') await finish({ status: 'done', doneAt: now, lastError: null })
    else await finish({ nextAt: now + backoffMs(claimed.attempts), lastError: null })
    return outcome
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const permanent = e instanceof PermanentJobError
    await finish(
      permanent
        ? { status: 'failed', lastError: message }
        : { nextAt: deps.clock.now() + backoffMs(claimed.attempts), lastError: message },
    ).catch(() => undefined)
    return permanent ? 'failed' : 'again'
  }
}

/** Runs due jobs (all of them, or one order's); answers how each ended. */
export const drainOutbox = async (
  deps: Deps,
  handlers: Record<string, JobHandler>,
  options: { orderId?: string; limit?: number } = {},
) => {
  const now = deps.clock.now()
  const page = options.orderId
    ? await deps.store.find(
        OutboxJobs,
        { orderId: options.orderId, status: 'pending' },
        { limit: 20 },
      )
    : await deps.store.find(
        OutboxJobs,
        { status: 'pending', nextAt: { $lte: now } },
        {
          orderBy: { field: 'nextAt', direction: 'asc' },
          limit: options.limit ?? 200,
        },
      )
  const tally = { done: 0, again: 0, failed: 0, skipped: 0 }
  for (const job of page.items) {
    if (job.nextAt > now) continue
    tally[await runOne(deps, handlers, job)]++
  }
  return tally
}

/** Dead letters: jobs a handler gave up on for good, newest first, for a person to look at. */
export const failedJobs = (deps: Deps, page: PageRequest) =>
  deps.store.find(
    OutboxJobs,
    { status: 'failed' },
    { orderBy: { field: 'nextAt', direction: 'desc' }, limit: page.limit, cursor: page.cursor },
  )

/**
 * Puts a dead letter back in the queue, due now and with a fresh count (compare-and-set, so two
 * operators retrying at once requeue it once). Its key is unchanged, so WeChat or the courier
 * recognise the call if an earlier attempt did land after all.
 */
export const requeueFailedJob = async (
  deps: Deps,
  jobId: string,
): Promise<OutboxJobRecord | null> => {
  const job = await deps.store.get(OutboxJobs, jobId)
  if (!job || job.status !== 'failed') return null
  try {
    return await deps.store.update(
      OutboxJobs,
      jobId,
      { status: 'pending', attempts: 0, nextAt: deps.clock.now(), version: job.version + 1 },
      { expect: { version: job.version, status: 'failed' } },
    )
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return null
    throw e
  }
}

export const loadJob = (deps: Pick<Deps, 'store'>, jobId: string) =>
  deps.store.get(OutboxJobs, jobId)
