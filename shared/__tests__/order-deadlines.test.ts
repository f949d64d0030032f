import {
  GUARDS,
  STEPS,
  TIMERS,
  TRANSITIONS,
  actionsFor,
  deadlineFor,
  payBy,
  remindAt,
  type OrderClocks,
  type OrderFacts,
} from '../domain/order-process'
import { DAY, MINUTE } from '../domain/time'

const T0 = Date.UTC(2026, 11, 1, 2, 0)
const noFacts: OrderFacts = {
  refundType: null,
  returnSent: false,
  returnDelivered: false,
  released: false,
  outboundPickupActive: false,
  returnPickupActive: false,
}
const noClocks: OrderClocks = {
  createdAt: T0,
  paidAt: null,
  shippedAt: null,
  deliveredAt: null,
  refundRequestedAt: null,
  returnAgreedAt: null,
  returnShippedAt: null,
  returnDeliveredAt: null,
  outboundPickupUntil: null,
  returnPickupUntil: null,
}
const clocks = (c: Partial<OrderClocks>) => ({ ...noClocks, ...c })
const facts = (f: Partial<OrderFacts>) => ({ ...noFacts, ...f })

describe('order deadlines: every timer from the graph, counted from the clock it names', () => {
  it('unpaid orders close 15 minutes after checkout, reminded 5 minutes before', () => {
    const d = deadlineFor('pending_payment', 'courier', noFacts, noClocks)
    expect(d).toEqual({ transition: 'expire', at: T0 + 15 * MINUTE })
    expect(payBy(T0)).toBe(d!.at)
    expect(remindAt(d)).toBe(T0 + 10 * MINUTE)
  })

  it('paid: 7 days to ship, meet or serve, whatever the fulfilment; a courier booked late holds the clock', () => {
    for (const f of ['courier', 'meetup', 'service'] as const)
      expect(deadlineFor('paid', f, noFacts, clocks({ paidAt: T0 }))).toEqual({
        transition: 'autoCancel',
        at: T0 + 7 * DAY,
      })
    const held = clocks({ paidAt: T0, outboundPickupUntil: T0 + 8 * DAY })
    expect(deadlineFor('paid', 'courier', facts({ outboundPickupActive: true }), held)).toEqual({
      transition: 'autoCancel',
      at: T0 + 8 * DAY,
    })
    // A booking well inside the 7 days changes nothing.
    expect(
      deadlineFor(
        'paid',
        'courier',
        noFacts,
        clocks({ paidAt: T0, outboundPickupUntil: T0 + DAY }),
      )!.at,
    ).toBe(T0 + 7 * DAY)
  })

  it('courier orders confirm 10 days after shipment, 签收 or not; services 2 days after delivery', () => {
    const shipped = clocks({ paidAt: T0, shippedAt: T0 + DAY, deliveredAt: T0 + 3 * DAY })
    expect(deadlineFor('shipped', 'courier', noFacts, shipped)).toEqual({
      transition: 'autoConfirm',
      at: T0 + 11 * DAY,
    })
    expect(deadlineFor('delivered', 'courier', noFacts, shipped)).toEqual({
      transition: 'autoConfirm',
      at: T0 + 11 * DAY,
    })
    expect(
      deadlineFor('delivered', 'service', noFacts, clocks({ paidAt: T0, deliveredAt: T0 + DAY })),
    ).toEqual({ transition: 'autoConfirm', at: T0 + 3 * DAY })
  })

  it('a silent seller agrees after 2 days to what the buyer asked for', () => {
    const asked = clocks({ refundRequestedAt: T0 })
    expect(
      deadlineFor('refund_requested', 'courier', facts({ refundType: 'refund_only' }), asked),
    ).toEqual({ transition: 'autoAgreeRefund', at: T0 + 2 * DAY })
    expect(
      deadlineFor('refund_requested', 'courier', facts({ refundType: 'return' }), asked),
    ).toEqual({ transition: 'autoAgreeReturn', at: T0 + 2 * DAY })
  })

  it('returns: 7 days to send (held by a booked courier), 10 days for a 签收, then 3 days to inspect', () => {
    const agreed = clocks({ returnAgreedAt: T0 })
    const due = facts({ refundType: 'return' })
    expect(deadlineFor('returning', 'courier', due, agreed)).toEqual({
      transition: 'returnLapsed',
      at: T0 + 7 * DAY,
    })
    expect(
      deadlineFor(
        'returning',
        'courier',
        facts({ refundType: 'return', returnPickupActive: true }),
        { ...agreed, returnPickupUntil: T0 + 9 * DAY },
      )!.at,
    ).toBe(T0 + 9 * DAY)
    const sent = facts({ refundType: 'return', returnSent: true })
    expect(
      deadlineFor('returning', 'courier', sent, { ...agreed, returnShippedAt: T0 + DAY }),
    ).toEqual({ transition: 'returnUnconfirmed', at: T0 + 11 * DAY })
    const delivered = facts({ refundType: 'return', returnSent: true, returnDelivered: true })
    expect(
      deadlineFor('returning', 'courier', delivered, {
        ...agreed,
        returnShippedAt: T0 + DAY,
        returnDeliveredAt: T0 + 2 * DAY,
      }),
    ).toEqual({ transition: 'autoReceiveReturn', at: T0 + 5 * DAY })
  })

  it('no timer where the next step is a person’s, or the order is over', () => {
    for (const state of [
      'disputed',
      'received',
      'completed',
      'refunded',
      'closed',
      'compensating',
      'compensated',
    ] as const)
      expect(
        deadlineFor(state, 'courier', noFacts, clocks({ paidAt: T0, shippedAt: T0 })),
      ).toBeNull()
  })

  it('every timer fires a system transition, and every guard is used by a transition or a step', () => {
    for (const t of TIMERS)
      expect(TRANSITIONS.find((x) => x.name === t.transition)?.actor).toBe('system')
    const used = new Set(
      [...TRANSITIONS, ...STEPS].map((t) => ('guard' in t ? t.guard : undefined)).filter(Boolean),
    )
    expect([...used].sort()).toEqual(Object.keys(GUARDS).sort())
  })
})

describe('order buttons: actionsFor alone decides, guards included', () => {
  it('the seller ships by waybill or books a courier; a booked courier stands in for the waybill', () => {
    expect(actionsFor('paid', 'seller', 'courier', noFacts)).toEqual(['bookPickup', 'ship'])
    expect(actionsFor('paid', 'seller', 'courier', facts({ outboundPickupActive: true }))).toEqual([
      'cancelPickup',
    ])
    expect(actionsFor('paid', 'seller', 'meetup', noFacts)).toEqual(['handOver'])
  })

  it('the buyer pays while unpaid, and sends a return back once one is agreed', () => {
    expect(actionsFor('pending_payment', 'buyer', 'courier', noFacts)).toEqual([
      'pay',
      'cancelUnpaid',
    ])
    expect(actionsFor('returning', 'buyer', 'courier', facts({ refundType: 'return' }))).toEqual([
      'bookPickup',
      'shipReturn',
    ])
    expect(
      actionsFor(
        'returning',
        'buyer',
        'courier',
        facts({ refundType: 'return', returnPickupActive: true }),
      ),
    ).toEqual(['cancelPickup'])
    expect(
      actionsFor(
        'returning',
        'buyer',
        'courier',
        facts({ refundType: 'return', returnSent: true }),
      ),
    ).toEqual([])
  })

  it('the seller’s answer fits the request; a return can be contested only once it was sent', () => {
    expect(
      actionsFor('refund_requested', 'seller', 'courier', facts({ refundType: 'refund_only' })),
    ).toEqual(['agreeRefund', 'refuseRefund'])
    expect(
      actionsFor('refund_requested', 'seller', 'courier', facts({ refundType: 'return' })),
    ).toEqual(['agreeReturn', 'refuseRefund'])
    expect(actionsFor('returning', 'seller', 'courier', facts({ refundType: 'return' }))).toEqual([
      'receiveReturn',
    ])
    expect(
      actionsFor(
        'returning',
        'seller',
        'courier',
        facts({ refundType: 'return', returnSent: true }),
      ),
    ).toEqual(['receiveReturn', 'contestReturn'])
  })

  it('先行赔付 only after the release went through', () => {
    expect(actionsFor('completed', 'operator', 'courier', noFacts)).toEqual([])
    expect(actionsFor('completed', 'operator', 'courier', facts({ released: true }))).toEqual([
      'compensate',
    ])
  })
})
