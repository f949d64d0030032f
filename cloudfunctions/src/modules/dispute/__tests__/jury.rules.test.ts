import { randomInt } from 'node:crypto'
import {
  DISPUTE_RULES,
  drawWeight,
  jurorReliability,
  tallyVotes,
  weightedSample,
  type Verdict,
} from '@shared/domain/dispute'
import { ineligibility, tierAtLeast, uniformFrom, type CandidateFacts } from '../domain/jury.rules'
import { anonymise, maskWaybill } from '../domain/anonymise'

const ok: CandidateFacts = {
  isParty: false,
  isOperator: false,
  banned: false,
  accountAgeMs: 60 * 86_400_000,
  tier: 'good',
  casesThisWeek: 0,
  connected: false,
}

describe('juror eligibility', () => {
  it('admits an old, unlinked account of good credit with room this week', () => {
    expect(ineligibility(ok, DISPUTE_RULES)).toBeNull()
    expect(ineligibility({ ...ok, tier: 'excellent' }, DISPUTE_RULES)).toBeNull()
  })
  it.each([
    [{ isParty: true }, 'party'],
    [{ isOperator: true }, 'operator'],
    [{ banned: true }, 'banned'],
    [{ accountAgeMs: 29 * 86_400_000 }, 'too_new'],
    [{ tier: 'fair' }, 'low_credit'],
    [{ tier: 'poor' }, 'low_credit'],
    [{ casesThisWeek: 3 }, 'busy'],
    [{ connected: true }, 'connected'],
  ] as const)('refuses %o as %s', (over, why) => {
    expect(ineligibility({ ...ok, ...over }, DISPUTE_RULES)).toBe(why)
  })
  it('orders tiers from the best down', () => {
    expect(tierAtLeast('great', 'good')).toBe(true)
    expect(tierAtLeast('fair', 'good')).toBe(false)
  })
})

describe('the draw', () => {
  const crypto = uniformFrom((n, alphabet) =>
    Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join(''),
  )
  it('draws uniform numbers strictly inside (0, 1) from the CSPRNG digits', () => {
    expect(uniformFrom(() => '0'.repeat(15))()).toBeGreaterThan(0)
    expect(uniformFrom(() => '9'.repeat(15))()).toBeLessThan(1)
  })
  it('draws n distinct candidates, each with a real chance, reliable ones more often', () => {
    const pool = Array.from({ length: 20 }, (_, i) => ({
      item: i,
      weight: drawWeight(i === 0 ? { agreed: 20, counted: 20 } : { agreed: 0, counted: 20 }),
    }))
    const seen = new Array(20).fill(0)
    for (let run = 0; run < 2_000; run++) {
      const panel = weightedSample(pool, 9, crypto)
      expect(new Set(panel).size).toBe(9)
      for (const i of panel) seen[i]++
    }
    expect(seen.every((n) => n > 0)).toBe(true)
    const others = seen.slice(1).reduce((a, b) => a + b, 0) / 19
    expect(seen[0]).toBeGreaterThan(others)
  })
})

describe('majority and quorum', () => {
  const rules = { panelSize: 9, quorum: 5 }
  const v = (buyer: number, seller: number): Verdict[] => [
    ...Array<Verdict>(buyer).fill('buyer'),
    ...Array<Verdict>(seller).fill('seller'),
  ]
  it('a strict majority of the panel decides at once', () => {
    expect(tallyVotes(v(5, 0), rules, false)).toMatchObject({ decided: true, winner: 'buyer' })
    expect(tallyVotes(v(1, 5), rules, false)).toMatchObject({ decided: true, winner: 'seller' })
    expect(tallyVotes(v(4, 3), rules, false)).toMatchObject({ decided: false, platform: null })
  })
  it('at the deadline: the votes cast decide with a quorum; too few or a tie go to the platform', () => {
    expect(tallyVotes(v(4, 2), rules, true)).toMatchObject({ decided: true, winner: 'buyer' })
    expect(tallyVotes(v(2, 1), rules, true)).toMatchObject({ platform: 'quorum_missed' })
    expect(tallyVotes(v(3, 3), rules, true)).toMatchObject({ platform: 'tie' })
    expect(tallyVotes([], rules, true)).toMatchObject({ platform: 'quorum_missed' })
  })
})

describe('juror reputation', () => {
  it('starts at one half and follows agreement with final outcomes', () => {
    expect(jurorReliability({ agreed: 0, counted: 0 })).toBe(0.5)
    expect(jurorReliability({ agreed: 1, counted: 1 })).toBeCloseTo(2 / 3)
    expect(jurorReliability({ agreed: 0, counted: 4 })).toBeCloseTo(1 / 6)
    expect(drawWeight({ agreed: 9, counted: 9 })).toBeGreaterThan(
      drawWeight({ agreed: 0, counted: 9 }),
    )
  })
})

describe('anonymised text', () => {
  it('replaces the parties’ nicknames and masks contacts', () => {
    const out = anonymise('阿杰的数码铺说可以退，电话 138 1234 5678，微信 abc12345', {
      buyer: ['杨浦读书人'],
      seller: ['阿杰的数码铺'],
    })
    expect(out).toContain('卖家说可以退')
    expect(out).not.toMatch(/5678|abc12345/)
    expect(maskWaybill('SF1234567890')).toBe('SF1＊＊＊＊＊＊890')
  })
})
