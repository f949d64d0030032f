import { defineCollection } from '../../core/ports/document-store.port'

/** Every verified WeChat Pay notification we acted on, by WeChat's notification id. */
export interface NotificationRecord {
  _id: string
  eventType: string
  key: string
  outcome: string
  at: number
}

export const WechatNotifications = defineCollection<NotificationRecord>('wechat_notifications')

/** Money WeChat reported that does not fit our books: left for an operator, never auto-fixed. */
export interface PaymentAnomalyRecord {
  _id: string
  kind:
    | 'amount_mismatch'
    | 'unknown_order'
    | 'payment_after_close'
    | 'refund_failed'
    | 'refund_mismatch'
    | 'books_mismatch'
  detail: string
  at: number
}

export const PaymentAnomalies = defineCollection<PaymentAnomalyRecord>('payment_anomalies')

/** One day's comparison of our ledger with WeChat Pay's books, per seller. */
export interface ReconciliationReportRecord {
  _id: string
  at: number
  sellers: number
  mismatches: {
    subMchid: string
    ledger: { frozen: number; available: number }
    wechat: { frozen: number; available: number }
  }[]
}

export const ReconciliationReports =
  defineCollection<ReconciliationReportRecord>('reconciliation_reports')
