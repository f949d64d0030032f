import { defineCollection } from '../../core/ports/document-store.port'

/**
 * One uploaded image's WeChat check (mediaCheckAsync v2): queued with the upload, sent by the
 * outbox (which learns the trace_id), judged when WeChat's wxa_media_check push arrives. The push
 * is matched by trace_id, and `judgedAt` makes a duplicate push change nothing.
 */
export interface ImageCheckRecord {
  _id: string
  fileId: string
  ownerId: string
  /** The uploader's openid (WeChat checks the user visited in the last 2 hours). */
  openid: string
  status: 'queued' | 'sent' | 'judged' | 'skipped'
  traceId: string | null
  suggest: 'pass' | 'review' | 'risky' | null
  label: number | null
  createdAt: number
  judgedAt: number | null
}

export const ImageChecks = defineCollection<ImageCheckRecord>('image_checks', [
  { name: 'trace', fields: [{ field: 'traceId' }] },
  { name: 'file', fields: [{ field: 'fileId' }] },
])

/** The outbox job that sends one check: its key carries the check's id. */
export const IMAGE_CHECK_JOB = {
  kind: 'image-check',
  key: (checkId: string) => `MC:${checkId}`,
  checkIdOf: (key: string) => key.slice('MC:'.length),
}
