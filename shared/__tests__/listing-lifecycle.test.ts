import fc from 'fast-check'
import { TRANSITIONS, allowedActions, canRenew, chinaDay } from '../domain/listing-lifecycle'
import { LISTING_STATUSES } from '../domain/listing'

describe('listing lifecycle rules', () => {
  // 2026-11-24 23:30 and 2026-11-25 00:10 in Shanghai are different days; 15:30 UTC is 23:30 there.
  const lateEvening = Date.UTC(2026, 10, 24, 15, 30)
  const afterMidnight = Date.UTC(2026, 10, 24, 16, 10)

  it('counts days in China time, not UTC', () => {
    expect(chinaDay(afterMidnight)).toBe(chinaDay(lateEvening) + 1)
    expect(canRenew({ status: 'active', bumpedAt: lateEvening }, afterMidnight)).toBe(true)
    expect(canRenew({ status: 'active', bumpedAt: afterMidnight }, afterMidnight + 3_600_000)).toBe(
      false,
    )
    expect(canRenew({ status: 'removed', bumpedAt: lateEvening }, afterMidnight)).toBe(false)
  })

  it('offers only actions whose transition starts from the current status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LISTING_STATUSES),
        fc.integer({ min: 0, max: 10 ** 13 }),
        (status, now) => {
          for (const action of allowedActions({ status, bumpedAt: null }, now)) {
            if (action === 'edit') expect(status).not.toBe('sold')
            else expect(TRANSITIONS[action].from).toContain(status)
          }
        },
      ),
    )
  })

  it('lets nothing happen to a sold listing', () => {
    expect(allowedActions({ status: 'sold', bumpedAt: 1 }, 2)).toEqual([])
    // A live order holds the goods: neither taken down nor sold elsewhere meanwhile.
    expect(allowedActions({ status: 'active', bumpedAt: 1, heldBy: '01ORDER' }, 2)).toEqual([
      'edit',
    ])
  })
})
