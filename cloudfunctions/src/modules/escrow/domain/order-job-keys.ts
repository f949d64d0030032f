import type { OrderMessageTemplates } from '../../notify/ports/wechat-api.port'

/**
 * The outbox jobs an order produces, with their deterministic keys: the key is both the job's
 * id (enqueueing twice is a no-op) and, for WeChat Pay, the external idempotency key
 * (out_refund_no, out_order_no ≤ 32 characters).
 */
export const JOBS = {
  refund: { kind: 'refund', key: (orderId: string) => `RF${orderId}` },
  release: { kind: 'release', key: (orderId: string) => `PS${orderId}` },
  compensate: { kind: 'compensate', key: (orderId: string) => `CP${orderId}` },
  subscribe: { kind: 'track-subscribe', key: (orderId: string, leg: 'outbound' | 'return') => `TK${leg === 'return' ? 'R' : ''}${orderId}` },
  shippingInfo: { kind: 'shipping-info', key: (orderId: string) => `SI${orderId}` },
  confirmReceive: { kind: 'confirm-receive', key: (orderId: string) => `CR${orderId}` },
  message: { kind: 'message', key: (event: keyof OrderMessageTemplates, orderId: string, at: number) => `MSG:${event}:${orderId}:${at}` },
} as const
