import type { OrderMessageTemplates } from '../../messaging/ports/wechat-api.port'

/** The two journeys a parcel of an order can make: the seller's to the buyer, the buyer's return. */
export type Leg = 'outbound' | 'return'
const legLetter = (leg: Leg) => (leg === 'return' ? 'R' : 'O')

/**
 * The outbox jobs an order produces, with their deterministic keys: the key is both the job's
 * id (enqueueing twice is a no-op) and, for WeChat Pay, the external idempotency key
 * (out_refund_no, out_order_no ≤ 32 characters).
 */
export const JOBS = {
  refund: { kind: 'refund', key: (orderId: string) => `RF${orderId}` },
  release: { kind: 'release', key: (orderId: string) => `PS${orderId}` },
  /** One out_refund_no per try: the first keeps the old form, a retry after a refusal gets `-<n>`. */
  compensate: {
    kind: 'compensate',
    key: (orderId: string, attempt = 1) =>
      attempt > 1 ? `CP${orderId}-${attempt}` : `CP${orderId}`,
  },
  subscribe: {
    kind: 'track-subscribe',
    key: (orderId: string, leg: 'outbound' | 'return') =>
      `TK${leg === 'return' ? 'R' : ''}${orderId}`,
  },
  shippingInfo: { kind: 'shipping-info', key: (orderId: string) => `SI${orderId}` },
  confirmReceive: { kind: 'confirm-receive', key: (orderId: string) => `CR${orderId}` },
  /** kuaidi100's order key for a booking too (^[\w-]{1,64}$): one key per leg and attempt. */
  pickupPlace: {
    kind: 'pickup-place',
    key: (orderId: string, leg: Leg, attempt: number) => `PK${legLetter(leg)}${attempt}-${orderId}`,
  },
  pickupCancel: {
    kind: 'pickup-cancel',
    key: (orderId: string, leg: Leg, attempt: number) => `PC${legLetter(leg)}${attempt}-${orderId}`,
  },
  message: {
    kind: 'message',
    key: (event: keyof OrderMessageTemplates, orderId: string, at: number) =>
      `MSG:${event}:${orderId}:${at}`,
  },
} as const

/** The order an out_refund_no (RF…, CP…[-n]) belongs to: order ids are 26-character ULIDs. */
export const orderIdOfRefundNo = (outRefundNo: string) => outRefundNo.slice(2, 28)

/** The leg and attempt a pickup job is about, read back from its key. */
export const parsePickupJobKey = (key: string): { leg: Leg; attempt: number } => {
  const m = /^P[KC]([OR])(\d+)-/.exec(key)
  if (!m) throw new Error(`not a pickup job key: ${key}`)
  return { leg: m[1] === 'R' ? 'return' : 'outbound', attempt: Number(m[2]) }
}
