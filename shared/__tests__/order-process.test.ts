import fc from 'fast-check'
import {
  ORDER_STATES,
  TIMERS,
  TRANSITIONS,
  type Fulfilment,
  type OrderState,
  type TransitionName,
  actionsFor,
  canTake,
  holdsEscrow,
  isFinal,
  transition,
} from '../domain/order-process'

const FULFILMENTS: Fulfilment[] = ['courier', 'meetup', 'service']
const step = (name: TransitionName) => transition(name).to

describe('order process graph', () => {
  it('names every transition once and only uses known states', () => {
    const names = TRANSITIONS.map((t) => t.name)
    expect(new Set(names).size).toBe(names.length)
    for (const t of TRANSITIONS) {
      for (const s of [...t.from, t.to]) expect(ORDER_STATES).toContain(s)
    }
  })

  it('lets each fulfilment reach completion along its own path', () => {
    const paths: Record<Fulfilment, TransitionName[]> = {
      courier: ['pay', 'ship', 'deliver', 'confirm', 'complete'],
      meetup: ['pay', 'handOver', 'complete'],
      service: ['pay', 'deliverService', 'confirm', 'complete'],
    }
    for (const f of FULFILMENTS) {
      let state: OrderState = 'pending_payment'
      for (const name of paths[f]) {
        const actor = transition(name).actor
        expect([f, name, canTake(name, state, actor, f)]).toEqual([f, name, true])
        state = step(name)
      }
      expect(state).toBe('completed')
    }
  })

  it('never lets a buyer ship, a seller confirm receipt, or anyone but WeChat Pay mark an order paid', () => {
    expect(canTake('ship', 'paid', 'buyer', 'courier')).toBe(false)
    expect(canTake('confirm', 'shipped', 'seller', 'courier')).toBe(false)
    for (const actor of ['buyer', 'seller', 'operator'] as const)
      expect(canTake('pay', 'pending_payment', actor, 'courier')).toBe(false)
    expect(canTake('handOver', 'paid', 'seller', 'courier')).toBe(false)
    expect(canTake('ship', 'paid', 'seller', 'meetup')).toBe(false)
  })

  it('moves money out of escrow exactly when it leaves an escrow state, and never twice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FULFILMENTS),
        fc.array(fc.constantFrom(...TRANSITIONS.map((t) => t.name)), { maxLength: 30 }),
        (fulfilment, attempts) => {
          let state: OrderState = 'pending_payment'
          let captured = 0
          let settled = 0 // released, refunded in full, or split: escrow emptied
          for (const name of attempts) {
            const t = transition(name)
            if (!canTake(name, state, t.actor, fulfilment)) continue
            if (t.money === 'capture') captured++
            if (['release', 'refund_full', 'refund_partial'].includes(t.money)) {
              expect(holdsEscrow(state)).toBe(true)
              settled++
            }
            if (t.money === 'compensate') expect(settled).toBe(1)
            state = t.to
          }
          expect(captured).toBeLessThanOrEqual(1)
          expect(settled).toBeLessThanOrEqual(1)
          expect(holdsEscrow(state)).toBe(captured === 1 && settled === 0)
        },
      ),
    )
  })

  it('ends only in closed, completed, refunded or compensated', () => {
    expect(ORDER_STATES.filter(isFinal).sort()).toEqual(
      ['closed', 'compensated', 'refunded'].sort(),
    )
    expect(isFinal('completed')).toBe(false) // the guarantee fund can still compensate
  })

  it('fires timers only as system transitions that exist', () => {
    for (const timer of TIMERS) expect(transition(timer.transition).actor).toBe('system')
  })

  it('shows each person only their own buttons', () => {
    expect(actionsFor('paid', 'buyer', 'courier')).toEqual(['cancelPaid'])
    expect(actionsFor('paid', 'seller', 'courier')).toEqual(['ship'])
    expect(actionsFor('paid', 'seller', 'meetup')).toEqual(['handOver'])
    expect(actionsFor('shipped', 'buyer', 'courier')).toEqual(['confirm', 'requestRefund'])
    expect(actionsFor('refund_requested', 'seller', 'courier')).toEqual([
      'agreeRefund',
      'agreeReturn',
      'refuseRefund',
    ])
    expect(actionsFor('disputed', 'operator', 'courier')).toEqual([
      'resolveRefund',
      'resolvePartial',
      'resolveRelease',
    ])
    expect(actionsFor('closed', 'buyer', 'courier')).toEqual([])
  })
})
