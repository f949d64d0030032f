import fc from 'fast-check'
import { DAY, HOUR } from '@shared/domain/time'
import { DIVERSITY, diversify, worstWindow } from '../domain/diversify'
import {
  type RankContext,
  type Rankable,
  SEEN_FACTOR,
  rankByScore,
  scoreParts,
} from '../domain/feed-score'
import { EMPTY_PROFILE, buildProfile, type ListingSignal } from '../domain/interest-profile'
import { rankFeed } from '../domain/rank-feed'

const NOW = Date.UTC(2026, 11, 2)
const XUHUI = { latitude: 31.1886, longitude: 121.4365 }
let n = 0
/** A candidate; ids grow with creation so "newest id first" is predictable. */
const item = (over: Partial<Rankable> = {}): Rankable => ({
  id: `L${String(++n).padStart(4, '0')}`,
  sellerId: `s${n}`,
  category: 'furniture',
  subcategory: 'furniture.table',
  title: '宜家 书桌',
  priceFen: 30_000,
  bumpedAt: NOW - DAY,
  favoriteCount: 0,
  viewCount: 0,
  communityIds: [],
  point: XUHUI,
  ...over,
})
const camera = (over: Partial<Rankable> = {}) =>
  item({
    category: 'digital',
    subcategory: 'digital.camera',
    title: '富士 X-T30 微单',
    priceFen: 450_000,
    ...over,
  })
const book = (over: Partial<Rankable> = {}) =>
  item({
    category: 'books',
    subcategory: 'books.fiction',
    title: '三体 全三册',
    priceFen: 4_000,
    ...over,
  })
const ctx = (over: Partial<RankContext> = {}): RankContext => ({
  now: NOW,
  from: null,
  communityIds: [],
  wantedIds: new Set(),
  viewedIds: new Set(),
  ...over,
})
const signalOf = (kind: ListingSignal['kind'], l: Rankable, at = NOW - HOUR): ListingSignal => ({
  kind,
  at,
  listing: l,
})
const profileOf = (signals: ListingSignal[], keywords: string[] = [], followed: string[] = []) =>
  buildProfile({ signals, keywords, followedSellerIds: followed }, NOW)

/** A mixed city: 6 cameras, 6 books, 12 other listings, several of them fresher and more popular. */
const city = () => [
  ...Array.from({ length: 6 }, (_, i) => camera({ bumpedAt: NOW - (3 + i) * DAY })),
  ...Array.from({ length: 6 }, (_, i) => book({ bumpedAt: NOW - (3 + i) * DAY })),
  ...Array.from({ length: 12 }, (_, i) =>
    item({ bumpedAt: NOW - i * HOUR, favoriteCount: 4, viewCount: 20 }),
  ),
]

describe('the personal ranking with fixed histories (pure scoring)', () => {
  it('puts cameras first for someone who viewed and wanted cameras, books for a reader', () => {
    const listings = city()
    const seenCameras = [camera(), camera(), camera()]
    const cameraFan = profileOf([
      ...seenCameras.map((c) => signalOf('view', c)),
      ...seenCameras.map((c) => signalOf('want', c)),
    ])
    const top = rankFeed(cameraFan, listings, ctx(), { limit: 10, oneCategory: false })
    expect(top.slice(0, 4).map((l) => l.subcategory)).toEqual(Array(4).fill('digital.camera'))

    const reader = profileOf([signalOf('want', book()), signalOf('buy', book())], ['小说'])
    const theirs = rankFeed(reader, listings, ctx(), { limit: 10, oneCategory: false })
    expect(theirs.slice(0, 4).map((l) => l.category)).toEqual(Array(4).fill('books'))
  })

  it('prefers the price band the person buys in within a category', () => {
    const lens = camera({ title: '佳能 50mm 定焦镜头', priceFen: 60_000 })
    const body = camera({ title: '佳能 R6 机身', priceFen: 900_000 })
    const cheapTaste = profileOf([
      signalOf('want', camera({ priceFen: 55_000, title: '佳能 镜头' })),
    ])
    expect(rankByScore(cheapTaste, [body, lens], ctx()).map((l) => l.id)).toEqual([
      lens.id,
      body.id,
    ])
  })

  it('matches a searched brand in titles and favours followed sellers', () => {
    const sony = item({
      title: '索尼 WH-1000XM5',
      category: 'digital',
      subcategory: 'digital.earphones',
    })
    const other = item({
      title: 'Bose QC45',
      category: 'digital',
      subcategory: 'digital.earphones',
    })
    expect(rankByScore(profileOf([], ['索尼']), [other, sony], ctx())[0]).toBe(sony)
    const followedSeller = item({ sellerId: 'fav-seller', bumpedAt: NOW - 5 * DAY })
    const fresher = item({ bumpedAt: NOW - 4 * DAY })
    expect(
      rankByScore(profileOf([], [], ['fav-seller']), [fresher, followedSeller], ctx())[0],
    ).toBe(followedSeller)
  })

  it('steps back what was already viewed, and further what is already 想要', () => {
    const a = camera()
    const p = profileOf([signalOf('want', a)])
    const fresh = scoreParts(p, a, ctx())
    expect(fresh.seen).toBe(1)
    expect(scoreParts(p, a, ctx({ viewedIds: new Set([a.id]) })).seen).toBe(SEEN_FACTOR.viewed)
    expect(
      scoreParts(p, a, ctx({ wantedIds: new Set([a.id]), viewedIds: new Set([a.id]) })).seen,
    ).toBe(SEEN_FACTOR.wanted)
  })
})

describe('the cold start (no history: guests and new users)', () => {
  it('ranks by what is popular and fresh nearby, ignoring categories', () => {
    const quiet = camera({ bumpedAt: NOW - 2 * DAY })
    const popular = book({ bumpedAt: NOW - 2 * DAY, favoriteCount: 5, viewCount: 30 })
    const newest = item({ bumpedAt: NOW })
    const order = rankByScore(EMPTY_PROFILE, [quiet, popular, newest], ctx()).map((l) => l.id)
    expect(order.indexOf(popular.id)).toBeLessThan(order.indexOf(quiet.id))
    expect(order.indexOf(newest.id)).toBeLessThan(order.indexOf(quiet.id))
    for (const l of [quiet, popular, newest])
      expect(scoreParts(EMPTY_PROFILE, l, ctx()).interest).toBe(0)
  })

  it('prefers the nearer of two alike when the viewer sent a point, and their community', () => {
    const near = item({ point: XUHUI, bumpedAt: NOW - DAY })
    const far = item({ point: { latitude: 31.3, longitude: 121.6 }, bumpedAt: NOW - DAY })
    expect(rankByScore(EMPTY_PROFILE, [far, near], ctx({ from: XUHUI }))[0]).toBe(near)
    // Without a point, distance says nothing: the newer id wins the tie.
    expect(rankByScore(EMPTY_PROFILE, [near, far], ctx())[0]).toBe(far)
    const neighbour = item({ communityIds: ['c1'] })
    expect(rankByScore(EMPTY_PROFILE, [neighbour, item()], ctx({ communityIds: ['c1'] }))[0]).toBe(
      neighbour,
    )
  })
})

describe('diversity caps', () => {
  it('never lets one seller fill the top or one category take more than 4 of any 10', () => {
    const wall = [
      ...Array.from({ length: 8 }, () =>
        camera({ sellerId: 'one', favoriteCount: 9, viewCount: 50 }),
      ),
      ...Array.from({ length: 10 }, () => camera()),
      ...Array.from({ length: 12 }, () => book()),
      ...Array.from({ length: 12 }, () => item()),
    ]
    const cameraFan = profileOf(wall.slice(0, 3).map((c) => signalOf('want', c)))
    const ranked = rankFeed(cameraFan, wall, ctx(), { limit: wall.length, oneCategory: false })
    expect(new Set(ranked.map((l) => l.id)).size).toBe(wall.length)
    expect(worstWindow(ranked.slice(0, 30), (l) => l.sellerId, 10)).toBeLessThanOrEqual(2)
    expect(worstWindow(ranked.slice(0, 30), (l) => l.category, 10)).toBeLessThanOrEqual(4)
    // Without the caps the same ranking is a wall of the one seller's cameras.
    expect(
      rankByScore(cameraFan, wall, ctx())
        .slice(0, 4)
        .every((l) => l.sellerId === 'one'),
    ).toBe(true)
  })

  it('holds both caps over every window whenever there is variety to choose from (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sellerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
            category: fc.constantFrom('x', 'y', 'z'),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          // Enough variety: every seller in every category, several times over.
          const pad = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((sellerId) =>
            ['x', 'y', 'z'].flatMap((category) => Array(4).fill({ sellerId, category })),
          )
          const list = [...rows, ...pad].map((r, i) => ({ ...r, id: i }))
          const out = diversify(list, 30)
          expect(out).toHaveLength(30)
          expect(new Set(out.map((o) => o.id)).size).toBe(30)
          expect(worstWindow(out, (o) => o.sellerId, DIVERSITY.window)).toBeLessThanOrEqual(2)
          expect(worstWindow(out, (o) => o.category, DIVERSITY.window)).toBeLessThanOrEqual(4)
        },
      ),
    )
  })

  it('still shows everything when what is left is one seller, and lifts the category cap under a chip', () => {
    const only = Array.from({ length: 5 }, () => book({ sellerId: 'solo' }))
    expect(diversify(only, 10)).toHaveLength(5)
    const books = Array.from({ length: 10 }, () => book())
    const chip = rankFeed(EMPTY_PROFILE, books, ctx(), { limit: 10, oneCategory: true })
    expect(chip.map((l) => l.id)).toEqual(rankByScore(EMPTY_PROFILE, books, ctx()).map((l) => l.id))
  })
})

describe('diversity when the caps cannot all hold', () => {
  it('keeps the category cap when too few sellers are left for the seller cap', () => {
    // Four sellers cannot fill 10 places at 2 each; the category cap still holds.
    const list = [
      ...Array.from({ length: 6 }, (_, i) => camera({ sellerId: `s${i % 4}` })),
      ...Array.from({ length: 18 }, (_, i) =>
        [book, item, (o: Partial<Rankable>) => item({ category: 'clothing', ...o })][i % 3]!({
          sellerId: `s${i % 4}`,
        }),
      ),
    ]
    const out = diversify(list, 24)
    expect(worstWindow(out, (l) => l.category, 10)).toBeLessThanOrEqual(4)
  })
})
