import type { TransitionName } from '@shared/domain/order-process'
import { DAY, HOUR, MINUTE, SECOND } from '@shared/domain/time'
import { fixedRule, slidingRule } from '../../core/ports/rate-limiter.port'

/**
 * A buyer's question counts as answered when the seller writes back within a day: 闲鱼 shows
 * 回复率 on the same footing, and a day covers a seller who reads messages after work.
 */
export const REPLY_WINDOW_MS = DAY

/**
 * What a message changes in the reply-rate fields: the buyer's first message opens the question,
 * the seller's first message after it answers it. Later messages change nothing.
 */
export const replyTracking = (
  conv: { askedAt?: number | null; answeredAt?: number | null },
  sender: 'buyer' | 'seller' | null,
  now: number,
): { askedAt?: number; answeredAt?: number; replyDueAt?: number } => {
  if (sender === 'buyer' && conv.askedAt == null)
    return { askedAt: now, replyDueAt: now + REPLY_WINDOW_MS }
  if (sender === 'seller' && conv.askedAt != null && conv.answeredAt == null)
    return { answeredAt: now }
  return {}
}

/** Sends per sender: a person typing fast sends a few a minute; a script sends hundreds. */
export const SEND_PER_USER = slidingRule('chat-send', 30, MINUTE)
export const SEND_TOO_OFTEN = '发得太快了，请稍后再发'

/**
 * New conversations a buyer may start an hour: asking twenty sellers is a busy afternoon, not
 * spam; each start writes a conversation and an entry in the seller's 消息 list.
 */
export const OPEN_PER_USER = slidingRule('chat-open', 20, HOUR)
export const OPEN_TOO_OFTEN = '咨询的宝贝太多了，请稍后再试'

/**
 * Off-platform strikes (phone numbers, WeChat ids, 私下转账…) per sender and conversation over a
 * day: every flagged message is delivered with a warning to the recipient and counts one strike;
 * from the 3rd the sender is slowed to one message in 30 seconds there, after the 5th muted there
 * until the day's window has moved on.
 */
export const OFF_PLATFORM_STRIKES = slidingRule('chat-off-platform', 5, DAY)
export const SLOWED_FROM_STRIKES = 3
export const SLOWED_SEND = fixedRule('chat-slowed', 1, 30 * SECOND)
export const SLOWED_MESSAGE = '你的消息多次涉及平台外交易，发送已被限速'

/** Someone who marked read this recently is likely looking at the conversation: no subscribe message. */
export const PRESENT_MS = 2 * MINUTE
/** A subscribe message waits this long, so a reply read at once sends nothing. */
export const NOTIFY_DELAY_MS = MINUTE
/** At most one subscribe message per conversation and recipient in each bucket. */
export const NOTIFY_BUCKET_MS = HOUR

/** The preview kept on the conversation and shown in the list. */
export const PREVIEW_CHARS = 40
export const previewOf = (kind: string, text: string | null) =>
  kind === 'image'
    ? '[图片]'
    : [...(kind === 'listing' ? `[宝贝] ${text ?? ''}` : (text ?? ''))]
        .slice(0, PREVIEW_CHARS)
        .join('')

/**
 * Steps whose news is for one party although the platform takes them: 付款 arrives as WeChat's
 * notification (actor system), yet only the seller has anything to learn from it.
 */
export const ORDER_EVENT_NEWS_TO: Partial<Record<TransitionName, 'buyer' | 'seller'>> = {
  pay: 'seller',
}

/** What the order process posts into the chat of a listing and its buyer, per step. */
export const ORDER_EVENT_TEXTS: Partial<Record<TransitionName, string>> = {
  pay: '买家已付款，钱款由平台担保',
  expire: '订单超时未付款，已关闭',
  cancelUnpaid: '订单已取消',
  ship: '卖家已发货',
  deliver: '包裹已签收',
  deliverService: '卖家已标记服务完成',
  handOver: '面交完成，交易成功',
  confirm: '买家已确认收货，交易完成',
  autoConfirm: '已自动确认收货，交易完成',
  cancelPaid: '订单已取消，钱款原路退回',
  autoCancel: '卖家超时未发货，订单已取消并退款',
  requestRefund: '买家申请退款',
  agreeRefund: '卖家同意退款',
  agreeReturn: '卖家同意退货，请买家寄回',
  refuseRefund: '卖家拒绝退款，平台介入处理',
  receiveReturn: '卖家已收到退货，已退款',
  contestReturn: '卖家对退货有异议，平台介入处理',
  resolveRefund: '平台判定退款给买家',
  resolveRelease: '平台判定放款给卖家',
  resolvePartial: '平台判定部分退款',
  settleRefund: '双方协商一致，全额退款',
  settlePartial: '双方协商一致，部分退款',
  settleReturn: '双方协商一致，退货退款',
  settleRelease: '双方协商一致，放款给卖家',
  juryRefund: '小法庭判定退款给买家',
  juryRelease: '小法庭判定放款给卖家',
  compensate: '平台先行赔付中',
  compensationPaid: '平台已先行赔付',
}
