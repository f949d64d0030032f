import { defineCollection } from '../../core/ports/document-store.port'

/** What a job handler says: finished, or try again later (e.g. WeChat is still processing). */
export type JobOutcome = 'done' | 'again'

/**
 * The outbox (ARCHITECTURE.md §7): a use case that must call an external system after a state
 * change writes a job here in the same transaction; a worker delivers it with retries and backoff.
 * The job id is the external call's deterministic key, so enqueueing twice is a no-op and a retry
 * repeats the same call, which WeChat Pay answers with the first result.
 */
export interface OutboxJobRecord {
  _id: string
  kind: string
  orderId: string | null
  status: 'pending' | 'done' | 'failed'
  attempts: number
  /** Not before this time (backoff); a claimed job is pushed forward by the lease. */
  nextAt: number
  lastError: string | null
  createdAt: number
  doneAt: number | null
  version: number
}

export const OutboxJobs = defineCollection<OutboxJobRecord>('outbox', [
  { name: 'status_next', fields: [{ field: 'status' }, { field: 'nextAt' }] },
  { name: 'order', fields: [{ field: 'orderId' }] },
])
