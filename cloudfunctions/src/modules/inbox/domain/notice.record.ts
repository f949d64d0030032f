import type { Notice } from '@shared/contracts/user.contract'
import { defineCollection } from '../../core/ports/document-store.port'

/** A system notice to one user (消息 → 系统通知). The id is derived from its cause, so a timer
 * that runs twice writes it once. */
export interface NoticeRecord {
  _id: string
  userId: string
  kind: Notice['kind']
  title: string
  body: string
  listingId: string | null
  /** Absent on notices written before orders existed. */
  orderId?: string | null
  createdAt: number
  read: boolean
}

export const Notices = defineCollection<NoticeRecord>('notices', [
  {
    name: 'user_created',
    fields: [{ field: 'userId' }, { field: 'createdAt', direction: 'desc' }],
  },
  { name: 'user_read', fields: [{ field: 'userId' }, { field: 'read' }] },
])
