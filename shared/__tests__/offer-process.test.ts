import fc from 'fast-check'
import {
  CHECKOUT_WINDOW_MS,
  OFFER_STATES,
  OFFER_TRANSITIONS,
  OFFER_TTL_MS,
  type OfferActor,
  type OfferState,
  type OfferTransitionName,
  isLiveOffer,
  isOfferActionOf,
  offerActionsFor,
  offerDueAt,
  offerStep,
  offerTimerOf,
} from '../domain/offer-process'
import { DAY } from '../domain/time'

const ACTORS: OfferActor[] = ['buyer', 'seller', 'system']
const NAMES = [...new Set(OFFER_TRANSITIONS.map((t) => t.name))] as OfferTransitionName[]

describe('offer process graph', () => {
  it('uses only known states, and one (name, state, actor) leads to one place', () => {
    const seen = new Set<string>()
    for (const t of OFFER_TRANSITIONS) {
      for (const s of [...t.from, t.to]) if (s !== null) expect(OFFER_STATES).toContain(s)
      for (const s of t.from) {
        const key = `${t.name}|${s}|${t.actor}`
        expect(seen.has(key)).toBe(false)
        seen.add(key)
      }
    }
  })

  it('runs the negotiation: make, counter, counter back, accept, use', () => {
    let state = offerStep('make', null, 'buyer')!
    expect(state).toBe('awaiting_seller')
    state = offerStep('counter', state, 'seller')!
    expect(state).toBe('awaiting_buyer')
    state = offerStep('counter', state, 'buyer')!
    expect(state).toBe('awaiting_seller')
    state = offerStep('accept', state, 'seller')!
    expect(state).toBe('accepted')
    expect(offerStep('use', state, 'system')).toBe('used')
    expect(offerStep('accept', 'awaiting_buyer', 'buyer')).toBe('accepted')
    expect(offerStep('decline', 'awaiting_buyer', 'buyer')).toBe('declined')
    expect(offerStep('decline', 'awaiting_seller', 'seller')).toBe('declined')
    expect(offerStep('decline', 'awaiting_seller', 'system')).toBe('declined')
  })

  it('lets only the party whose turn it is answer, and never the other side', () => {
    // Nobody answers their own proposal.
    expect(offerStep('accept', 'awaiting_seller', 'buyer')).toBeNull()
    expect(offerStep('accept', 'awaiting_buyer', 'seller')).toBeNull()
    expect(offerStep('counter', 'awaiting_seller', 'buyer')).toBeNull()
    expect(offerStep('counter', 'awaiting_buyer', 'seller')).toBeNull()
    expect(offerStep('decline', 'awaiting_buyer', 'seller')).toBeNull()
    // Only the buyer makes and withdraws; only the system expires, lapses and uses.
    expect(offerStep('make', null, 'seller')).toBeNull()
    expect(offerStep('withdraw', 'awaiting_seller', 'seller')).toBeNull()
    expect(isOfferActionOf('withdraw', 'seller')).toBe(false)
    for (const actor of ['buyer', 'seller'] as const) {
      expect(offerStep('expire', 'awaiting_seller', actor)).toBeNull()
      expect(offerStep('lapse', 'accepted', actor)).toBeNull()
      expect(offerStep('use', 'accepted', actor)).toBeNull()
    }
    // An accepted offer is not withdrawn or re-priced: it is used or it lapses.
    for (const actor of ACTORS) {
      expect(offerStep('withdraw', 'accepted', actor)).toBeNull()
      expect(offerStep('counter', 'accepted', actor)).toBeNull()
      expect(offerStep('decline', 'accepted', actor)).toBeNull()
    }
  })

  it('spends an offer at most once: nothing leaves used, declined or withdrawn', () => {
    for (const end of ['used', 'declined', 'withdrawn'] as const)
      for (const name of NAMES)
        for (const actor of ACTORS) expect(offerStep(name, end, actor)).toBeNull()
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...ACTORS)), {
          maxLength: 40,
        }),
        (moves) => {
          let state: OfferState | null = null
          let used = 0
          for (const [name, actor] of moves) {
            const next = offerStep(name, state, actor)
            if (!next) continue
            if (next === 'used') used++
            // Only make starts an offer; an offer never goes back to none.
            expect(state === null).toBe(name === 'make')
            state = next
          }
          expect(used).toBeLessThanOrEqual(1)
        },
      ),
    )
  })

  it('shows each party exactly the buttons of its turn', () => {
    expect(offerActionsFor('awaiting_seller', 'seller')).toEqual(['accept', 'decline', 'counter'])
    expect(offerActionsFor('awaiting_seller', 'buyer')).toEqual(['withdraw'])
    expect(offerActionsFor('awaiting_buyer', 'buyer')).toEqual([
      'accept',
      'decline',
      'counter',
      'withdraw',
    ])
    expect(offerActionsFor('awaiting_buyer', 'seller')).toEqual([])
    for (const s of ['accepted', 'declined', 'withdrawn', 'expired', 'used'] as const)
      for (const p of ['buyer', 'seller'] as const) expect(offerActionsFor(s, p)).toEqual([])
  })

  it('holds the slot while awaiting or accepted, and runs one timer per live state', () => {
    expect(OFFER_STATES.filter(isLiveOffer)).toEqual([
      'awaiting_seller',
      'awaiting_buyer',
      'accepted',
    ])
    expect(OFFER_TTL_MS).toBe(DAY)
    expect(CHECKOUT_WINDOW_MS).toBe(DAY)
    const at = 1_800_000_000_000
    expect(offerDueAt('awaiting_seller', at)).toBe(at + OFFER_TTL_MS)
    expect(offerDueAt('awaiting_buyer', at)).toBe(at + OFFER_TTL_MS)
    expect(offerDueAt('accepted', at)).toBe(at + CHECKOUT_WINDOW_MS)
    for (const s of OFFER_STATES) {
      expect(offerDueAt(s, at) !== null).toBe(isLiveOffer(s))
      const timer = offerTimerOf(s)
      expect(timer !== null).toBe(isLiveOffer(s))
      if (timer) expect(offerStep(timer, s, 'system')).toBe('expired')
    }
  })
})
