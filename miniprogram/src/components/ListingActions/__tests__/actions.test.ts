import { allowedActions } from '@shared/domain/listing-lifecycle'
import { ACTION_SPECS, orderedActions } from '../actions'

const DAY = 86_400_000
const NOW = Date.UTC(2024, 10, 24, 2, 0)

describe('seller action buttons', () => {
  it('shows exactly the allowed actions, in a fixed order with the main one last', () => {
    expect(
      orderedActions(allowedActions({ status: 'active', bumpedAt: NOW - 2 * DAY }, NOW)),
    ).toEqual(['edit', 'takeDown', 'markSold', 'renew'])
    // Renewed today: no 擦亮 until tomorrow.
    expect(orderedActions(allowedActions({ status: 'active', bumpedAt: NOW }, NOW))).toEqual([
      'edit',
      'takeDown',
      'markSold',
    ])
    expect(orderedActions(allowedActions({ status: 'draft', bumpedAt: null }, NOW))).toEqual([
      'edit',
      'publish',
    ])
    expect(
      orderedActions(allowedActions({ status: 'expired', bumpedAt: NOW - 31 * DAY }, NOW)),
    ).toEqual(['edit', 'relist'])
    expect(orderedActions(allowedActions({ status: 'sold', bumpedAt: NOW }, NOW))).toEqual([])
  })

  it('asks before the actions a buyer would notice, and only those', () => {
    const confirmed = (Object.keys(ACTION_SPECS) as (keyof typeof ACTION_SPECS)[]).filter(
      (a) => ACTION_SPECS[a].confirm,
    )
    expect(confirmed.sort()).toEqual(['markSold', 'takeDown'])
  })
})
