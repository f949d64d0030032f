import type { TransitionName } from '@shared/domain/order-process'
import type { OrderMoveReaction } from '../../deps'
import { ORDER_EVENT_NEWS_TO, ORDER_EVENT_TEXTS } from '../domain/chat.rules'
import type { Party } from '../domain/chat.records'
import { postLine } from './post-line'

/**
 * Order events in the chat: each step of an order posts a line (买家已付款, 卖家已发货…) into the
 * conversation of its listing and buyer, in the order's own transaction, so the chat never shows
 * a step that did not happen. An order with no conversation gets none. It counts as unread for
 * the party that did not take the step (both when the platform or an operator did, unless the
 * step is news to one of them only).
 */
export const chatOrderReaction: OrderMoveReaction = {
  inTx: async (tx, order, now) => {
    const step = order.events.at(-1)
    // Events also record steps beside the graph (checkout, 上门取件): only the graph's have a line.
    const text =
      step && Object.hasOwn(ORDER_EVENT_TEXTS, step.transition)
        ? ORDER_EVENT_TEXTS[step.transition as TransitionName]
        : undefined
    if (!step || !text) return
    const newsTo = ORDER_EVENT_NEWS_TO[step.transition as TransitionName]
    const unreadFor: Party[] = newsTo
      ? [newsTo]
      : step.actor === 'buyer'
        ? ['seller']
        : step.actor === 'seller'
          ? ['buyer']
          : ['buyer', 'seller']
    await postLine(
      tx,
      order,
      { kind: 'order', text, senderId: null, orderId: order._id },
      now,
      unreadFor,
    )
  },
}
