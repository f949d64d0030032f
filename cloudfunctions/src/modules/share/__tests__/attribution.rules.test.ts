import fc from 'fast-check'
import { attribute, countsForStats, loopErased } from '../domain/attribution.rules'
import type { ChainLink, ShareRecord } from '../domain/share.records'
import { MAX_CHAIN, lineageOf } from '../domain/share.rules'

const chainOf = (...sharers: string[]): ChainLink[] =>
  sharers.map((sharerId, i) => ({ token: `T${i}`, sharerId }))

describe('referral attribution: who an order chain credits', () => {
  it('credits everyone who passed the card on, first sharer first', () => {
    expect(attribute(chainOf('A', 'B', 'C'), 'buyer', 'seller')).toEqual({
      referrers: ['A', 'B', 'C'],
      voided: null,
    })
  })

  it('the buyer sharing to themselves is no referral', () => {
    expect(attribute(chainOf('A', 'buyer'), 'buyer', 'seller')).toEqual({
      referrers: [],
      voided: 'self',
    })
  })

  it('a loop through the buyer (A shares to a second account B, B shares back to A, A buys) counts for nobody', () => {
    expect(attribute(chainOf('A', 'B'), 'A', 'seller')).toEqual({ referrers: [], voided: 'loop' })
    expect(attribute(chainOf('X', 'A', 'B', 'C'), 'A', 'seller').voided).toBe('loop')
  })

  it('the seller is never credited, and a chain of only the seller is void', () => {
    expect(attribute(chainOf('seller'), 'buyer', 'seller')).toEqual({
      referrers: [],
      voided: 'seller',
    })
    expect(attribute(chainOf('seller', 'C'), 'buyer', 'seller')).toEqual({
      referrers: ['C'],
      voided: null,
    })
  })

  it('loops among others are erased: A → B → A → C credits A and C, not B', () => {
    expect(loopErased(chainOf('A', 'B', 'A', 'C'))).toEqual(['A', 'C'])
    expect(loopErased(chainOf('A', 'B', 'C', 'B', 'D'))).toEqual(['A', 'B', 'D'])
    expect(attribute(chainOf('A', 'B', 'A', 'C'), 'buyer', 'seller').referrers).toEqual(['A', 'C'])
  })

  it("a voided order still counts in the seller's stats unless the buyer brought themselves", () => {
    expect(countsForStats(null)).toBe(true)
    expect(countsForStats('seller')).toBe(true)
    expect(countsForStats('self')).toBe(false)
    expect(countsForStats('loop')).toBe(false)
  })

  const people = fc.constantFrom('A', 'B', 'C', 'D', 'buyer', 'seller')
  const chains = fc.array(people, { minLength: 1, maxLength: 12 }).map((s) => chainOf(...s))

  it('property: never credits the buyer or the seller, nobody twice, and keeps the chain order', () => {
    fc.assert(
      fc.property(chains, (chain) => {
        const { referrers, voided } = attribute(chain, 'buyer', 'seller')
        expect(referrers).not.toContain('buyer')
        expect(referrers).not.toContain('seller')
        expect(new Set(referrers).size).toBe(referrers.length)
        expect(voided === null).toBe(referrers.length > 0)
        // A subsequence of the chain's sharers.
        let at = 0
        for (const r of referrers) {
          while (at < chain.length && chain[at]!.sharerId !== r) at++
          expect(at).toBeLessThan(chain.length)
          at++
        }
      }),
    )
  })

  it('property: a buyer anywhere in the chain voids it; the direct sharer is credited otherwise (unless the seller)', () => {
    fc.assert(
      fc.property(chains, (chain) => {
        const { referrers, voided } = attribute(chain, 'buyer', 'seller')
        const direct = chain.at(-1)!.sharerId
        if (chain.some((l) => l.sharerId === 'buyer'))
          expect(voided).toBe(direct === 'buyer' ? 'self' : 'loop')
        else if (direct !== 'seller') expect(referrers.at(-1)).toBe(direct)
      }),
    )
  })

  it('property: a chain of distinct people is credited whole (the seller left out)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(people, { minLength: 1 }), (sharers) => {
        expect(loopErased(chainOf(...sharers))).toEqual(sharers)
      }),
    )
  })
})

const share = (
  over: Partial<ShareRecord> & Pick<ShareRecord, '_id' | 'sharerId'>,
): ShareRecord => ({
  kind: 'listing',
  targetId: 'L1',
  parentToken: null,
  depth: 1,
  chain: [{ token: over._id, sharerId: over.sharerId }],
  fromGroup: false,
  createdAt: 0,
  activityId: null,
  activityExpiresAt: null,
  posterFileId: null,
  ...over,
})
const L1 = { kind: 'listing' as const, targetId: 'L1' }

describe('share lineage: parents and depth', () => {
  it('a first-hand share has depth 1 and no parent', () => {
    expect(lineageOf('T1', 'A', L1, null)).toEqual({
      parentToken: null,
      depth: 1,
      chain: [{ token: 'T1', sharerId: 'A' }],
    })
  })

  it('a parent of another target (or kind) does not count: the share is first-hand', () => {
    const other = share({ _id: 'P', sharerId: 'B', targetId: 'L2', depth: 3 })
    expect(lineageOf('T1', 'A', L1, other)).toMatchObject({ parentToken: null, depth: 1 })
    const store = share({ _id: 'P', sharerId: 'B', kind: 'storefront', depth: 2 })
    expect(lineageOf('T1', 'A', L1, store)).toMatchObject({ parentToken: null, depth: 1 })
  })

  it("a parent of the same target makes it one deeper, its chain the parent's plus this hop", () => {
    const parent = share({ _id: 'P', sharerId: 'B' })
    expect(lineageOf('T1', 'A', L1, parent)).toEqual({
      parentToken: 'P',
      depth: 2,
      chain: [
        { token: 'P', sharerId: 'B' },
        { token: 'T1', sharerId: 'A' },
      ],
    })
  })

  it('passing on one’s own token adds no hop', () => {
    const root = share({ _id: 'R', sharerId: 'B' })
    const mine = share({
      _id: 'P',
      sharerId: 'A',
      parentToken: 'R',
      depth: 2,
      chain: [...root.chain, { token: 'P', sharerId: 'A' }],
    })
    expect(lineageOf('T1', 'A', L1, mine)).toEqual({
      parentToken: 'R',
      depth: 2,
      chain: [
        { token: 'R', sharerId: 'B' },
        { token: 'T1', sharerId: 'A' },
      ],
    })
  })

  it('property: depth counts the hops between different people; the chain keeps the nearest 16', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 40 }),
        (who) => {
          let parent: ShareRecord | null = null
          let hops = 0
          who.forEach((sharerId, i) => {
            if (parent && parent.sharerId !== sharerId) hops++
            const lineage = lineageOf(`T${i}`, sharerId, L1, parent)
            parent = share({ _id: `T${i}`, sharerId, ...lineage })
            expect(lineage.depth).toBe(hops + 1)
            expect(lineage.chain.length).toBe(Math.min(lineage.depth, MAX_CHAIN))
            expect(lineage.chain.at(-1)).toEqual({ token: `T${i}`, sharerId })
          })
        },
      ),
    )
  })
})
