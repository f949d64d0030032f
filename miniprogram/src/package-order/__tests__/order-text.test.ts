import { TIMERS, TRANSITIONS } from '@shared/domain/order-process'
import type { Order } from '@shared/contracts/order.contract'
import { ACTION_SPECS, orderedActions } from '../actions'
import {
  TRANSITION_LABELS,
  clockText,
  deadlineText,
  durationText,
  mainAction,
  stateLabel,
  stateSentence,
  transitionLabel,
} from '../order-text'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const NOW = 1_800_000_000_000

type D = Pick<Order, 'deadline' | 'fulfilment' | 'role'>
const at = (
  transition: NonNullable<Order['deadline']>['transition'],
  leftMs: number,
  role: Order['role'] = 'buyer',
  fulfilment: Order['fulfilment'] = 'courier',
): D => ({
  deadline: { transition, at: NOW + leftMs },
  role,
  fulfilment,
})

describe('transition labels', () => {
  it('has a Chinese label for every transition of the order graph, and for checkout and shipReturn', () => {
    for (const t of TRANSITIONS) {
      expect(TRANSITION_LABELS[t.name]).toMatch(/[\u4e00-\u9fa5]/)
      expect(transitionLabel(t.name)).toBe(TRANSITION_LABELS[t.name])
    }
    expect(TRANSITION_LABELS.checkout).toBe('提交订单')
    expect(TRANSITION_LABELS.shipReturn).toBe('买家已寄回退货')
    // nothing in the table that the events cannot carry
    expect(Object.keys(TRANSITION_LABELS).sort()).toEqual(
      [
        ...TRANSITIONS.map((t) => t.name),
        'checkout',
        'shipReturn',
        'bookPickup',
        'cancelPickup',
      ].sort(),
    )
  })

  it('falls back to the raw name for something new from the server', () => {
    expect(transitionLabel('somethingNew')).toBe('somethingNew')
  })
})

describe('order buttons', () => {
  it('has a spec for every transition a person (not a timer) takes, plus pay and shipReturn', () => {
    const human = TRANSITIONS.filter((t) => t.actor !== 'system').map((t) => t.name)
    for (const name of [...human, 'pay', 'shipReturn']) expect(ACTION_SPECS).toHaveProperty(name)
  })

  it('orders the server actions with the one that moves things on last, dropping unknown names', () => {
    expect(orderedActions(['confirm', 'requestRefund', 'autoConfirm'])).toEqual([
      'requestRefund',
      'confirm',
    ])
    expect(orderedActions(['pay', 'cancelUnpaid'])).toEqual(['cancelUnpaid', 'pay'])
  })

  it('confirms money actions restating the amount', () => {
    const o = { totalFen: 129_900 } as Order
    expect(ACTION_SPECS.confirm.confirm!(o).content).toContain('¥1,299')
    expect(ACTION_SPECS.confirm.confirm!(o).content).toContain('卖家')
    expect(ACTION_SPECS.cancelPaid.confirm!(o).content).toContain('退回')
    // operators' decisions restate it in the sheet
    expect(ACTION_SPECS.resolveRefund.form!.hint!(o)).toContain('¥1,299')
    expect(ACTION_SPECS.compensate.form!.hint!(o)).toContain('¥1,299')
  })

  it('picks the main action of a card', () => {
    expect(mainAction({ actions: ['cancelUnpaid', 'pay'] })).toBe('pay')
    expect(mainAction({ actions: ['requestRefund', 'confirm'] })).toBe('confirm')
    expect(mainAction({ actions: ['cancelPaid'] })).toBeNull()
    // A seller with a paid courier order is offered the courier first (the card says 去发货 either way).
    expect(mainAction({ actions: ['cancelPickup'] })).toBeNull()
    expect(mainAction({ actions: ['bookPickup', 'ship'] })).toBe('bookPickup')
  })
})

describe('deadline text', () => {
  it('counts the payment window down in minutes and seconds for the buyer', () => {
    expect(deadlineText(at('expire', 14 * MIN + 32_000), NOW)).toBe('还剩 14:32 支付')
    expect(deadlineText(at('expire', 14 * MIN + 32_000, 'seller'), NOW)).toBe(
      '买家 14:32 内未付款将自动关闭',
    )
    expect(deadlineText(at('expire', -1000), NOW)).toBe('支付已超时，订单即将关闭')
  })

  it('says when the seller must ship, meet or serve before an automatic refund', () => {
    expect(deadlineText(at('autoCancel', 6 * DAY), NOW)).toBe('卖家 6 天内未发货将自动退款')
    expect(deadlineText(at('autoCancel', 6 * DAY + 23 * HOUR + 5 * MIN), NOW)).toBe(
      '卖家 6 天 23 小时内未发货将自动退款',
    )
    expect(deadlineText(at('autoCancel', 6 * DAY, 'seller'), NOW)).toBe(
      '请在 6 天内发货，超时将自动退款',
    )
    expect(deadlineText(at('autoCancel', 3 * HOUR, 'buyer', 'meetup'), NOW)).toBe(
      '卖家 3 小时内未完成面交将自动退款',
    )
  })

  it('counts down to the automatic confirmation', () => {
    expect(deadlineText(at('autoConfirm', 9 * DAY + 23 * HOUR), NOW)).toBe(
      '还剩 9 天 23 小时自动确认收货',
    )
    expect(deadlineText(at('autoConfirm', 9 * DAY), NOW)).toBe('还剩 9 天自动确认收货')
    expect(deadlineText(at('autoConfirm', 9 * DAY, 'seller'), NOW)).toBe(
      '9 天后自动确认收货，钱款将打给你',
    )
  })

  it('covers every timer of the graph, and says nothing without a deadline', () => {
    for (const t of TIMERS) expect(deadlineText(at(t.transition, DAY), NOW)).toBeTruthy()
    expect(deadlineText({ deadline: null, role: 'buyer', fulfilment: 'courier' }, NOW)).toBeNull()
  })

  it('formats durations coarsely and clocks exactly', () => {
    expect(durationText(2 * HOUR + 5 * MIN)).toBe('2 小时 5 分钟')
    expect(durationText(30_000)).toBe('1 分钟')
    expect(clockText(9 * MIN + 5_000)).toBe('09:05')
  })
})

describe('state labels', () => {
  it('names the paid state after what happens next', () => {
    expect(stateLabel('paid', 'courier')).toBe('待发货')
    expect(stateLabel('paid', 'meetup')).toBe('待面交')
    expect(stateLabel('paid', 'service')).toBe('待服务')
  })
})

describe('stateSentence', () => {
  const pickup = (state: NonNullable<Order['pickup']>['state']) =>
    ({ state }) as NonNullable<Order['pickup']>
  it('says a courier is booked instead of asking to ship, until the booking is over', () => {
    const paid = { state: 'paid', fulfilment: 'courier' } as const
    expect(stateSentence({ ...paid, role: 'seller', pickup: null })).toBe('买家已付款，请尽快发货')
    expect(stateSentence({ ...paid, role: 'seller', pickup: pickup('accepted') })).toMatch(
      /已预约快递上门取件/,
    )
    expect(stateSentence({ ...paid, role: 'buyer', pickup: pickup('placed') })).toBe(
      '卖家已预约快递上门取件',
    )
    expect(stateSentence({ ...paid, role: 'seller', pickup: pickup('cancelled') })).toBe(
      '买家已付款，请尽快发货',
    )
  })
  it('a return already on its way is not asked for again', () => {
    const returning = { state: 'returning', fulfilment: 'courier', role: 'buyer' } as const
    expect(stateSentence({ ...returning, refund: { returnShipment: null } as never })).toMatch(
      /请预约上门取件或寄回/,
    )
    expect(
      stateSentence({ ...returning, refund: { returnShipment: { waybillNo: 'YT1' } } as never }),
    ).toBe('退货已寄出，等待卖家确认收到')
  })
})
