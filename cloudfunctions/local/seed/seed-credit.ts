import type { Deps } from '../../src/modules/deps'
import { anchorCreditDay, recomputeCredit, recordCreditEvent } from '../../src/modules/credit'
import type { UserRecord } from '../../src/modules/user/domain/user.record'
import type { Rng } from './prng'

/**
 * How much each demo seller has sold to neighbours outside the demo before the seed's last day:
 * a busy digital shop, a few regulars, and people who have only just started. Each sale goes to
 * a buyer of its own (one-off buyers, as in a real marketplace), so the credit engine's pair and
 * circle discounts leave them whole, and the 信用 page and badges have a history to show.
 */
const PAST_SALES: Record<string, number> = {
  'o-demo-02': 60,
  'o-demo-01': 12,
  'o-demo-03': 3,
  'o-demo-05': 2,
  'o-demo-06': 1,
}

/** Prices of past sales, fen: what second-hand phones, books and furniture go for. */
const PRICES = [3_500, 6_800, 12_000, 25_000, 45_000, 88_000, 129_900]

/**
 * Credit history for the demo: past sales with their buyers' reviews, recorded as the credit
 * module records an order's completion and a published review (the same events, the same hash
 * chains), then one full run (trust graph, scores, badges) and the day's 存证 anchor, as the
 * nightly timers would. The buyers are accounts without a login: they exist only as the other
 * side of those trades.
 */
export const seedCreditHistory = async (deps: Deps, rng: Rng, users: Map<string, UserRecord>) => {
  const now = deps.clock.now()
  for (const [openid, sales] of Object.entries(PAST_SALES)) {
    const seller = users.get(openid)
    if (!seller) continue
    // In the order they happened, as the chain would have recorded them.
    const times = Array.from(
      { length: sales },
      () => seller.createdAt + Math.floor(rng.next() * (now - seller.createdAt)),
    ).sort((a, b) => a - b)
    for (const [n, at] of times.entries()) {
      const buyerId = deps.ids.next()
      const orderId = `seed-${seller._id}-${n}`
      const amountFen = rng.pick(PRICES)
      const stars = rng.chance(0.9) ? 5 : 4
      await deps.store.transaction(async (tx) => {
        const trade = { sourceId: orderId, at, amountFen }
        await recordCreditEvent(
          tx,
          seller._id,
          { ...trade, kind: 'trade_sold', partnerId: buyerId },
          now,
        )
        await recordCreditEvent(
          tx,
          buyerId,
          { ...trade, kind: 'trade_bought', partnerId: seller._id },
          now,
        )
        await recordCreditEvent(
          tx,
          seller._id,
          { kind: 'review_received', sourceId: `${orderId}-review`, at, partnerId: buyerId, stars },
          now,
        )
      })
    }
  }
  await recomputeCredit(deps)
  await anchorCreditDay(deps)
}
