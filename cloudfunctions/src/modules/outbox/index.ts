/** outbox: jobs written in a use case's transaction and delivered to external systems with retries. */
export {
  drainOutbox,
  enqueue,
  failedJobs,
  loadJob,
  PermanentJobError,
  requeueFailedJob,
  type JobHandler,
  type JobOutcome,
} from './application/outbox'
export type { OutboxJobRecord } from './domain/outbox-job.record'
