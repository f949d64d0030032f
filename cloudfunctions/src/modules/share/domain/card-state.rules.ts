import type { OrderState } from '@shared/domain/order-process'
import type { CardStatus } from '@shared/domain/share'
import type { UpdatableMessageInput } from '../ports/wechat-share.port'
import { targetPath } from './share.rules'

/**
 * What a listing's card says while one of its orders is in a state: 已预订 from payment until the
 * order is done, 已售出 once completed, 在售 again when it was refunded before completion. An
 * unpaid or closed order changes nothing (the card never left 在售 for it).
 */
const CARD_FOR: Partial<Record<OrderState, CardStatus>> = {
  paid: 'reserved',
  shipped: 'reserved',
  delivered: 'reserved',
  received: 'reserved',
  refund_requested: 'reserved',
  returning: 'reserved',
  disputed: 'reserved',
  completed: 'sold',
  compensating: 'sold',
  compensated: 'sold',
  refunded: 'on_sale',
}

/** The card's next status after an order moved, or null when it stays. 已售出 is final. */
export const nextCardStatus = (current: CardStatus, orderState: OrderState): CardStatus | null => {
  const next = CARD_FOR[orderState]
  if (!next || next === current || current === 'sold') return null
  return next
}

/** Whether WeChat may be told `to` for a card that shows `from`: its state 1 (已开始) is final. */
export const maySend = (from: CardStatus, to: CardStatus) => from !== to && from !== 'sold'

/** member_count / room_limit of state 0: 0/1 on sale, 1/1 reserved (the one buyer's place is taken). */
export const templateParameters = (status: 'on_sale' | 'reserved') => [
  { name: 'member_count' as const, value: status === 'reserved' ? '1' : '0' },
  { name: 'room_limit' as const, value: '1' },
]

/** The updatablemsg/send body that moves one card to `status`. */
export const updateMessage = (
  activityId: string,
  listingId: string,
  status: CardStatus,
): UpdatableMessageInput =>
  status === 'sold'
    ? {
        activityId,
        targetState: 1,
        parameters: [
          { name: 'path', value: targetPath('listing', listingId) },
          { name: 'version_type', value: 'release' },
        ],
      }
    : { activityId, targetState: 0, parameters: templateParameters(status) }
