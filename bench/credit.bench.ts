/**
 * Credit against brushing (刷单): a year of 20,000 honest users whose behaviour comes from a latent
 * honesty and activity (so a true ranking exists), plus fraud rings of 5, 10 and 20 accounts where
 * each member does 100 fake 5★ trades inside the ring, closed or with a few real trades outside.
 *   npm run bench:credit -- [--users 20000] [--events 500000] [--seed 14]
 * The scores come from the production engine (cloudfunctions/src/modules/credit/domain): the same
 * recomputeAll the cron runs, in memory. A ring's tier lift compares each member's tier with its
 * tier in a second run without the ring's internal trades; the naive score (plain average of stars)
 * is measured on the same events.
 *
 * Progress goes to stderr; the last line on stdout is one JSON object:
 * {"users","events","rings":{"<size>-<closed|outside>":{"members","maxTierLift","meanTierLift",
 *  "naiveMaxTierLift","naiveMeanTierLift","meanScore","meanScoreWithoutRing"}},"spearman",
 *  "naiveSpearman","fullRecomputeMs","fullRecomputeUsers","fullRecomputeEvents"}.
 */
import { performance } from 'node:perf_hooks'
import { CREDIT_SCORE_START, tierOfScore, tierRank } from '../shared/domain/credit/credit-tiers'
import { DAY } from '../shared/domain/time'
import type { CreditEventFacts } from '../cloudfunctions/src/modules/credit/domain/credit-event'
import {
  recomputeAll,
  type EngineAccount,
} from '../cloudfunctions/src/modules/credit/domain/credit-engine'
import { arg, mulberry32, round } from './bench-kit'

const USERS = arg('users', 20_000)
const EVENTS = arg('events', 500_000)
const rand = mulberry32(arg('seed', 14))
const progress = (line: string) => process.stderr.write(`${line}\n`)

const T0 = Date.UTC(2026, 0, 1)
const YEAR = 365 * DAY
const NOW = T0 + YEAR

const gauss = () => {
  const u = Math.max(1e-12, rand())
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
}
const clip = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x))
const starsOf = (x: number) => Math.round(clip(x, 1, 5))

interface Person {
  id: string
  honesty: number
  activity: number
  sellShare: number
  createdAt: number
  events: CreditEventFacts[]
  ring: string | null
}

const people: Person[] = []
const newPerson = (ring: string | null, createdAt: number, honesty: number): Person => {
  const p: Person = {
    id: `U${people.length}`,
    honesty,
    activity: clip(Math.exp(Math.log(12) + 0.7 * gauss()), 2, 150),
    sellShare: rand(),
    createdAt,
    events: [],
    ring,
  }
  people.push(p)
  return p
}

let eventCount = 0
let seq = 0
const emit = (p: Person, e: Omit<CreditEventFacts, 'sourceId'>) => {
  p.events.push({ ...e, sourceId: `S${seq++}` })
  eventCount++
}

// ---- honest users: identity, chat, then trades until the event budget is spent -----------------
for (let i = 0; i < USERS; i++) {
  const recent = rand() < 0.2
  newPerson(null, recent ? T0 + rand() * 180 * DAY : T0 - rand() * 730 * DAY, rand())
}
const honest = people.slice()
for (const p of honest) {
  if (rand() < 0.4 + 0.5 * p.honesty)
    emit(p, { kind: 'identity_verified', at: Math.max(p.createdAt, T0) + rand() * 30 * DAY })
  if (p.sellShare > 0.3 && rand() < 0.8)
    emit(p, { kind: 'seller_onboarded', at: Math.max(p.createdAt, T0) + rand() * 30 * DAY })
  for (let q = 0; q < 4; q++) {
    const asked = Math.round(p.activity / 2 + rand() * 3)
    let answered = 0
    for (let k = 0; k < asked; k++) if (rand() < 0.45 + 0.55 * p.honesty) answered++
    emit(p, { kind: 'chat_replies', at: T0 + (q + 1) * 90 * DAY, answered, asked })
  }
}

/** Picks by weight with a cumulative table (binary search). */
const sampler = (weights: number[]) => {
  const cum = new Float64Array(weights.length)
  weights.reduce((sum, w, i) => (cum[i] = sum + w), 0)
  const total = cum[cum.length - 1]
  return () => {
    const x = rand() * total
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid] < x) lo = mid + 1
      else hi = mid
    }
    return honest[lo]
  }
}
const pickSeller = sampler(honest.map((p) => p.activity * p.sellShare))
const pickBuyer = sampler(honest.map((p) => p.activity * (1 - p.sellShare)))

/** One order between two people, its outcome drawn from their honesty. */
const trade = (seller: Person, buyer: Person, at: number, amountFen: number) => {
  const hs = seller.honesty
  const hb = buyer.honesty
  if (rand() < 0.12 * (1 - hs) ** 2) return emit(seller, { kind: 'seller_cancel', at })
  const late = rand() < 0.35 * (1 - hs)
  if (late) emit(seller, { kind: 'late_shipment', at })
  if (rand() < 0.15 * (1 - hs) ** 2 + 0.01) {
    const sellerAtFault = rand() < 1 - 0.6 * hs
    if (sellerAtFault) return emit(seller, { kind: 'dispute_lost', at: at + 5 * DAY, share: 1 })
    emit(buyer, { kind: 'dispute_lost', at: at + 5 * DAY, share: 1 })
  }
  const done = at + 4 * DAY
  emit(seller, { kind: 'trade_sold', at: done, partnerId: buyer.id, amountFen })
  emit(buyer, { kind: 'trade_bought', at: done, partnerId: seller.id, amountFen })
  if (rand() < 0.75) {
    const stars = starsOf(2.2 + 2.9 * hs + 0.6 * gauss() - (late ? 1 : 0))
    emit(seller, { kind: 'review_received', at: done + DAY, partnerId: buyer.id, stars })
  }
  if (rand() < 0.6) {
    const stars = starsOf(3 + 2.2 * hb + 0.5 * gauss())
    emit(buyer, { kind: 'review_received', at: done + DAY, partnerId: seller.id, stars })
  }
}
const amount = () => Math.round(clip(Math.exp(Math.log(8_000) + gauss()), 100, 2_000_000))

// The rings' own events are counted in the budget too (about 25,000 of them).
const RING_SIZES = [5, 10, 20]
const ringBudget = RING_SIZES.reduce((s, n) => s + 2 * n * 100 * 4 + 2 * n * 3 * 4, 0)
let trades = 0
while (eventCount < EVENTS - ringBudget) {
  const seller = pickSeller()
  let buyer = pickBuyer()
  while (buyer === seller) buyer = pickBuyer()
  const at = Math.max(seller.createdAt, buyer.createdAt) + rand() * (NOW - 10 * DAY - T0)
  trade(seller, buyer, Math.min(at, NOW - 6 * DAY), amount())
  trades++
}
progress(`honest: ${USERS} users, ${trades} orders, ${eventCount} events`)

// ---- fraud rings: aged, real-name accounts, 100 fake 5★ trades per member -----------------------
/** Each ring's internal events, so the second run can leave them out. */
const ringInternal = new Set<CreditEventFacts>()
const rings: { key: string; members: Person[] }[] = []
for (const size of RING_SIZES)
  for (const kind of ['closed', 'outside'] as const) {
    const key = `${size}-${kind}`
    const members = Array.from({ length: size }, () => newPerson(key, T0 - 365 * DAY, 1))
    for (const m of members) emit(m, { kind: 'identity_verified', at: T0 })
    for (const m of members)
      for (let k = 0; k < 100; k++) {
        let other = members[Math.floor(rand() * size)]
        while (other === m) other = members[Math.floor(rand() * size)]
        const at = T0 + rand() * (YEAR - 10 * DAY)
        const amountFen = 5_000 + Math.floor(rand() * 25_000)
        const fake: [Person, CreditEventFacts][] = [
          [m, { kind: 'trade_sold', at, partnerId: other.id, amountFen, sourceId: `S${seq++}` }],
          [other, { kind: 'trade_bought', at, partnerId: m.id, amountFen, sourceId: `S${seq++}` }],
          [
            m,
            { kind: 'review_received', at, partnerId: other.id, stars: 5, sourceId: `S${seq++}` },
          ],
          [
            other,
            { kind: 'review_received', at, partnerId: m.id, stars: 5, sourceId: `S${seq++}` },
          ],
        ]
        for (const [p, e] of fake) {
          p.events.push(e)
          ringInternal.add(e)
          eventCount++
        }
      }
    // A few real trades with honest strangers, which the ring members behave well in.
    if (kind === 'outside')
      for (const m of members)
        for (let k = 0; k < 3; k++) {
          const at = T0 + rand() * (YEAR - 10 * DAY)
          if (rand() < 0.5) trade(m, pickBuyer(), at, amount())
          else trade(pickSeller(), m, at, amount())
        }
    rings.push({ key, members })
  }
for (const p of people) p.events.sort((a, b) => a.at - b.at)
progress(`rings: ${rings.length} rings, ${eventCount} events in all`)

// ---- the two runs --------------------------------------------------------------------------------
const accounts = (skipRing: boolean): EngineAccount[] =>
  people.map((p) => ({
    id: p.id,
    createdAt: p.createdAt,
    events: skipRing ? p.events.filter((e) => !ringInternal.has(e)) : p.events,
  }))

const withRings = accounts(false)
const started = performance.now()
const full = recomputeAll(withRings, NOW)
const fullRecomputeMs = performance.now() - started
progress(`full recompute: ${Math.round(fullRecomputeMs)} ms`)
const without = recomputeAll(accounts(true), NOW)

/** The naive score: the plain average of every star received, on the same 350–950 scale. */
const naiveScore = (events: readonly CreditEventFacts[]) => {
  const stars = events.filter((e) => e.kind === 'review_received').map((e) => e.stars ?? 0)
  if (!stars.length) return CREDIT_SCORE_START
  return 350 + ((stars.reduce((a, b) => a + b, 0) / stars.length - 1) / 4) * 600
}
const naiveTier = (score: number) => tierRank(tierOfScore(score).key)

const ranks = (xs: number[]) => {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0])
  const r = new Array<number>(xs.length)
  for (let i = 0; i < order.length;) {
    let j = i
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2
    i = j + 1
  }
  return r
}
const spearman = (a: number[], b: number[]) => {
  const ra = ranks(a)
  const rb = ranks(b)
  const mean = (ra.length - 1) / 2
  let num = 0
  let da = 0
  let db = 0
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i] - mean) * (rb[i] - mean)
    da += (ra[i] - mean) ** 2
    db += (rb[i] - mean) ** 2
  }
  return num / Math.sqrt(da * db)
}

const ringFigures = Object.fromEntries(
  rings.map(({ key, members }) => {
    const lifts = members.map(
      (m) => tierRank(full.get(m.id)!.breakdown.tier) - tierRank(without.get(m.id)!.breakdown.tier),
    )
    const naiveLifts = members.map(
      (m) =>
        naiveTier(naiveScore(m.events)) -
        naiveTier(naiveScore(m.events.filter((e) => !ringInternal.has(e)))),
    )
    const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length, 2)
    return [
      key,
      {
        members: members.length,
        maxTierLift: Math.max(...lifts),
        meanTierLift: mean(lifts),
        naiveMaxTierLift: Math.max(...naiveLifts),
        naiveMeanTierLift: mean(naiveLifts),
        meanScore: mean(members.map((m) => full.get(m.id)!.breakdown.score)),
        meanScoreWithoutRing: mean(members.map((m) => without.get(m.id)!.breakdown.score)),
      },
    ]
  }),
)

const honesty = honest.map((p) => p.honesty)
const result = {
  users: people.length,
  events: eventCount,
  rings: ringFigures,
  spearman: round(
    spearman(
      honest.map((p) => full.get(p.id)!.breakdown.score),
      honesty,
    ),
  ),
  naiveSpearman: round(
    spearman(
      honest.map((p) => naiveScore(p.events)),
      honesty,
    ),
  ),
  tiers: Object.fromEntries(
    ['excellent', 'great', 'good', 'fair', 'poor'].map((t) => [
      t,
      honest.filter((p) => full.get(p.id)!.breakdown.tier === t).length,
    ]),
  ),
  fullRecomputeMs: Math.round(fullRecomputeMs),
  fullRecomputeUsers: people.length,
  fullRecomputeEvents: eventCount,
}
console.log(JSON.stringify(result))
