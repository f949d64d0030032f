import fc from 'fast-check'
import { ORDER_STATES } from '@shared/domain/order-process'
import type { CardStatus } from '@shared/domain/share'
import { maySend, nextCardStatus, updateMessage } from '../domain/card-state.rules'

describe('updatable cards follow the order process', () => {
  it('paid → 已预订, completed → 已售出, refunded before completion → 在售', () => {
    expect(nextCardStatus('on_sale', 'paid')).toBe('reserved')
    expect(nextCardStatus('reserved', 'shipped')).toBeNull()
    expect(nextCardStatus('reserved', 'completed')).toBe('sold')
    expect(nextCardStatus('reserved', 'refunded')).toBe('on_sale')
  })

  it('an unpaid or closed order leaves the card as it is', () => {
    expect(nextCardStatus('on_sale', 'pending_payment')).toBeNull()
    expect(nextCardStatus('on_sale', 'closed')).toBeNull()
  })

  it('property: once 已售出, no order move changes the card again', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDER_STATES), { maxLength: 30 }), (moves) => {
        let card: CardStatus = 'on_sale'
        let sold = false
        for (const m of moves) {
          card = nextCardStatus(card, m) ?? card
          if (sold) expect(card).toBe('sold')
          sold ||= card === 'sold'
        }
      }),
    )
  })

  it('WeChat is never asked to take a card out of state 1', () => {
    expect(maySend('sold', 'on_sale')).toBe(false)
    expect(maySend('sold', 'reserved')).toBe(false)
    expect(maySend('reserved', 'reserved')).toBe(false)
    expect(maySend('reserved', 'sold')).toBe(true)
  })

  it('state 0 carries member_count/room_limit, state 1 the path and version_type', () => {
    expect(updateMessage('act1', 'L1', 'on_sale')).toEqual({
      activityId: 'act1',
      targetState: 0,
      parameters: [
        { name: 'member_count', value: '0' },
        { name: 'room_limit', value: '1' },
      ],
    })
    expect(updateMessage('act1', 'L1', 'reserved').parameters[0]).toEqual({
      name: 'member_count',
      value: '1',
    })
    expect(updateMessage('act1', 'L1', 'sold')).toEqual({
      activityId: 'act1',
      targetState: 1,
      parameters: [
        { name: 'path', value: '/package-listing/detail/index?id=L1' },
        { name: 'version_type', value: 'release' },
      ],
    })
  })
})
