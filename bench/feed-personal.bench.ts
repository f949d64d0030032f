/**
 * 推荐 for people with tastes the ranking is never told, against newest-first, in the same run.
 *   npm run bench:feed-personal -- --users 40 --sessions 4 --listings 300
 *
 * The seed catalogue (the demo data `npm start` serves) in a throwaway local cloud. Each simulated
 * user browses 上海 or 杭州 with a hidden taste: one or two goods categories and a price band (below
 * or above the middle price of those categories). In each session they scroll three pages of their
 * 推荐 and open what matches their taste (80%), mark some of it 想要 (40%), now and then open
 * something that does not (5%), and half of them search once for a liked category's name. Then,
 * for every user: the share of their top 20 that matches their taste (hit rate@20) and, across
 * users, how many distinct listings and sellers the top 20s show (coverage), for the personal
 * ranking, newest-first (the old 推荐) and the guest ranking (popular nearby). Prints figures, then
 * one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SearchQuerySchema } from '@shared/contracts/search.contract'
import type { ListingCard } from '@shared/contracts/listing.contract'
import { GOODS_CATEGORY_IDS, categoryLabel } from '@shared/domain/listing'
import { HOUR } from '@shared/domain/time'
import { aUser } from '../cloudfunctions/local/mothers/user.mother'
import { seedDemoData } from '../cloudfunctions/local/seed/seed-demo-data'
import { FakeClock } from '../cloudfunctions/src/adapters/clock/system-clock'
import {
  cityFeed,
  countView,
  getListing,
} from '../cloudfunctions/src/modules/listing/application/browse-listings.use-case'
import {
  type ListingRecord,
  Listings,
} from '../cloudfunctions/src/modules/listing/domain/listing.record'
import { recommendFeed } from '../cloudfunctions/src/modules/recommend/application/recommend-feed.use-case'
import { DIVERSITY } from '../cloudfunctions/src/modules/recommend/domain/diversify'
import { searchListings } from '../cloudfunctions/src/modules/search/application/search-listings.use-case'
import { setFavorite } from '../cloudfunctions/src/modules/social/application/favorites.use-case'
import { createLocalContainer } from '../cloudfunctions/src/platform/local-container'
import { arg, mulberry32, round } from './bench-kit'
import { MAX_FIND_LIMIT } from '../cloudfunctions/src/modules/core/ports/document-store.port'

const USERS = arg('users', 40)
const SESSIONS = arg('sessions', 4)
const LISTINGS = arg('listings', 300)
const TOP = 20
/** Pages of 推荐 a user scrolls in one session. */
const PAGES_PER_SESSION = 3
const P_OPEN_MATCH = 0.8
const P_WANT_MATCH = 0.4
const P_OPEN_OTHER = 0.05
const P_SEARCH = 0.5

const rand = mulberry32(arg('seed', 12))
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
const NOW = Date.UTC(2026, 11, 2, 4)
const CITIES = ['上海', '杭州'] as const

interface Taste {
  categories: string[]
  minFen: number
  maxFen: number
}
interface SimUser {
  id: string
  city: string
  taste: Taste
}
const matches = (t: Taste, l: Pick<ListingCard, 'category' | 'priceFen'>) =>
  t.categories.includes(l.category) && l.priceFen >= t.minFen && l.priceFen < t.maxFen

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/** One or two categories with enough listings in the city, and the cheaper or dearer half of them. */
const aTaste = (inCity: ListingRecord[]): Taste => {
  const common = GOODS_CATEGORY_IDS.filter(
    (c) => inCity.filter((l) => l.category === c).length >= 6,
  )
  const categories: string[] = [pick(common)]
  if (rand() < 0.5) {
    const second = pick(common)
    if (second !== categories[0]) categories.push(second)
  }
  const mid = median(inCity.filter((l) => categories.includes(l.category)).map((l) => l.priceFen))
  return rand() < 0.5
    ? { categories, minFen: 0, maxFen: mid }
    : { categories, minFen: mid, maxFen: Number.POSITIVE_INFINITY }
}

const main = async () => {
  const started = performance.now()
  const dir = mkdtempSync(join(tmpdir(), 'linquan-bench-personal-'))
  const clock = new FakeClock(NOW)
  const deps = createLocalContainer({
    dataDir: dir,
    publicBaseUrl: 'http://bench/files',
    sessionSecret: 'bench',
    secretKey: 'ab'.repeat(32),
    clock,
  })
  await seedDemoData(deps, { listings: LISTINGS, photoVariants: 1, photoSize: 32 })
  const active: ListingRecord[] = []
  let cursor: string | undefined
  do {
    const page = await deps.store.find(
      Listings,
      { status: 'active' },
      { limit: MAX_FIND_LIMIT, cursor },
    )
    active.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  const seedSeconds = (performance.now() - started) / 1000

  const users: SimUser[] = []
  for (let i = 0; i < USERS; i++) {
    const city = CITIES[i % 2]!
    const user = await aUser(deps, `o-bench-${String(i).padStart(3, '0')}`, { city })
    users.push({ id: user._id, city, taste: aTaste(active.filter((l) => l.city === city)) })
  }

  let views = 0
  let wants = 0
  let searches = 0
  for (let s = 0; s < SESSIONS; s++) {
    clock.advance(3 * HOUR)
    for (const u of users) {
      const who = { userId: u.id, ip: null }
      if (s === 0 && rand() < P_SEARCH) {
        const keyword = categoryLabel(u.taste.categories[0]!)
        await searchListings(deps, SearchQuerySchema.parse({ city: u.city, keyword }), who)
        searches++
      }
      let cursor: string | undefined
      for (let p = 0; p < PAGES_PER_SESSION; p++) {
        const page = await recommendFeed(deps, who, { city: u.city, limit: TOP, cursor })
        for (const card of page.items) {
          const match = matches(u.taste, card)
          if (rand() >= (match ? P_OPEN_MATCH : P_OPEN_OTHER)) continue
          await countView(deps, await getListing(deps, card.id, u.id), {
            userId: u.id,
            openid: null,
          })
          views++
          if (match && rand() < P_WANT_MATCH) {
            await setFavorite(deps, u.id, card.id, true)
            wants++
          }
        }
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
    }
  }

  // The measurement: every user's top 20 under each ranking, at the same moment.
  clock.advance(HOUR)
  const rankings = {
    personal: async (u: SimUser) =>
      (await recommendFeed(deps, { userId: u.id, ip: null }, { city: u.city, limit: TOP })).items,
    newest: async (u: SimUser) =>
      (await cityFeed(deps, u.city, undefined, { limit: TOP })).items.map((l) => ({
        id: l._id,
        category: l.category,
        priceFen: l.priceFen,
        seller: { id: l.sellerId },
      })),
    popular: async (u: SimUser) =>
      (await recommendFeed(deps, { userId: null, ip: 'bench' }, { city: u.city, limit: TOP }))
        .items,
  }
  const figures: Record<string, { hitRate20: number; listings: number; sellers: number }> = {}
  const activeSellers = new Set(active.map((l) => l.sellerId)).size
  for (const [name, rank] of Object.entries(rankings)) {
    let hits = 0
    const shown = new Set<string>()
    const sellers = new Set<string>()
    for (const u of users) {
      const top = await rank(u)
      hits += top.filter((c) => matches(u.taste, c)).length / TOP
      for (const c of top) {
        shown.add(c.id)
        sellers.add(c.seller.id)
      }
    }
    figures[name] = {
      hitRate20: round(hits / users.length),
      listings: round(shown.size / active.length),
      sellers: round(sellers.size / activeSellers),
    }
  }
  // The best any ranking could do: all 20 matching, or every matching listing the city has; and
  // the best under the diversity caps (4 of one category in 10 is 8 in 20).
  const perCategoryIn20 = (TOP / DIVERSITY.window) * DIVERSITY.perCategory
  const bound = (capped: boolean) =>
    users.reduce((sum, u) => {
      const mine = active.filter((l) => l.city === u.city && matches(u.taste, l))
      const reach = capped
        ? u.taste.categories.reduce(
            (n, c) => n + Math.min(perCategoryIn20, mine.filter((l) => l.category === c).length),
            0,
          )
        : mine.length
      return sum + Math.min(TOP, reach) / TOP
    }, 0) / users.length
  const ceiling = bound(false)
  const cappedCeiling = bound(true)

  for (const [name, f] of Object.entries(figures))
    console.log(
      `${name.padEnd(9)} hit rate@20 ${f.hitRate20.toFixed(3)} | coverage: listings ${(f.listings * 100).toFixed(1)}% sellers ${(f.sellers * 100).toFixed(1)}%`,
    )
  console.log(
    `ceiling   hit rate@20 ${ceiling.toFixed(3)} (all 20 matching, or all the city has), ${cappedCeiling.toFixed(3)} within the diversity caps | ${users.length} users, ${SESSIONS} sessions: ${views} views, ${wants} 想要, ${searches} searches | ratio ${(figures.personal!.hitRate20 / Math.max(1e-9, figures.newest!.hitRate20)).toFixed(2)}x newest`,
  )
  deps.store.close()
  rmSync(dir, { recursive: true, force: true })
  console.log(
    JSON.stringify({
      users: users.length,
      sessions: SESSIONS,
      listings: LISTINGS,
      activeListings: active.length,
      seedSeconds: round(seedSeconds),
      seconds: round((performance.now() - started) / 1000),
      activity: { views, wants, searches },
      ceilingHitRate20: round(ceiling),
      cappedCeilingHitRate20: round(cappedCeiling),
      personal: figures.personal,
      newest: figures.newest,
      popular: figures.popular,
    }),
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
