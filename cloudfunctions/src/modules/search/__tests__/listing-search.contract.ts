import fc from 'fast-check'
import { CITIES } from '@shared/domain/cities'
import { distanceMeters } from '@shared/domain/geo'
import { ErrorCodes } from '@shared/errors/error-codes'
import type {
  ListingSearch,
  ListingSearchHit,
  ListingSearchQuery,
  SearchDoc,
} from '../ports/listing-search.port'

/** What a contract run needs from an adapter. */
export interface ListingSearchHarness {
  search: ListingSearch
  /** Runs `fn` in the transaction the listing write would use; omit if the adapter has none. */
  transaction?: <R>(fn: () => Promise<R>) => Promise<R>
  close: () => void
}

// ---------------------------------------------------------------------------------------------
// Test data
// ---------------------------------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const T0 = Date.UTC(2026, 9, 1)

/** A ULID from a time and 16 random base-32 digits (tests need reproducible, chosen orders). */
export const ulidAt = (ms: number, random: number[]) => {
  let time = ''
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time
  return time + random.map((r) => CROCKFORD[r & 31]).join('')
}

let counter = 0
/** Increasing ULIDs, one millisecond apart: later call = newer. */
const nextKey = () => {
  counter++
  return ulidAt(T0 + counter, [...String(counter).padStart(16, '0')].map(Number))
}

const SH = CITIES.find((c) => c.name === '上海')!
const HZ = CITIES.find((c) => c.name === '杭州')!

/** A point `north` and `east` metres from `p` (flat-earth is fine at these distances). */
const offset = (p: { latitude: number; longitude: number }, north: number, east: number) => ({
  latitude: p.latitude + north / 111_195,
  longitude: p.longitude + east / (111_195 * Math.cos((p.latitude * Math.PI) / 180)),
})

export const makeDoc = (over: Partial<SearchDoc> = {}): SearchDoc => {
  const key = nextKey()
  return {
    id: key,
    sortKey: key,
    sellerId: 'seller1',
    status: 'active',
    kind: 'goods',
    title: '闲置物品',
    description: '自用闲置，成色很好。',
    city: SH.name,
    ...SH.center,
    category: 'digital',
    subcategory: 'digital.earphones',
    condition: 'like_new',
    priceFen: 10_000,
    shipping: true,
    meetup: false,
    pickup: false,
    communityIds: [],
    ...over,
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle: the port's documented semantics, naively, over an array
// ---------------------------------------------------------------------------------------------

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Cc}/gu, ' ')
const termsOf = (keyword: string | undefined) =>
  keyword === undefined ? [] : [...new Set(norm(keyword.trim()).split(/\s+/u).filter(Boolean))]
const termHits = (d: SearchDoc, t: string) =>
  [...t].length === 1
    ? norm(d.title).includes(t)
    : norm(d.title).includes(t) || norm(d.description).includes(t)

/** Every matching active listing, in the query's order, with distances. */
export const oracle = (docs: SearchDoc[], q: ListingSearchQuery): ListingSearchHit[] => {
  const terms = termsOf(q.keyword)
  const rows = docs
    .filter((d) => d.status === 'active')
    .filter((d) => terms.every((t) => termHits(d, t)))
    .filter((d) => q.city === undefined || d.city === q.city)
    .filter(
      (d) => q.category === undefined || d.category === q.category || d.subcategory === q.category,
    )
    .filter((d) => q.priceMinFen === undefined || d.priceFen >= q.priceMinFen)
    .filter((d) => q.priceMaxFen === undefined || d.priceFen <= q.priceMaxFen)
    .filter(
      (d) => !q.conditions?.length || (d.condition !== null && q.conditions.includes(d.condition)),
    )
    .filter((d) => !q.trade?.length || q.trade.some((t) => d[t]))
    .filter((d) => q.kind === undefined || d.kind === q.kind)
    .filter((d) => q.sellerId === undefined || d.sellerId === q.sellerId)
    .filter((d) => q.communityId === undefined || d.communityIds.includes(q.communityId))
    .map((d) => ({ d, exact: q.near ? distanceMeters(q.near, d) : null }))
    .filter((r) => !q.near || r.exact! <= q.near.radiusMeters)
    .map((r) => ({
      ...r,
      m: r.exact === null ? null : Math.round(r.exact),
      group:
        terms.length && q.sort === 'relevance'
          ? terms.every((t) => norm(r.d.title).includes(t))
            ? 0
            : 1
          : 0,
    }))
  const newest = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.d.sortKey < b.d.sortKey ? 1 : a.d.sortKey > b.d.sortKey ? -1 : 0
  const primary: Record<ListingSearchQuery['sort'], (r: (typeof rows)[number]) => number> = {
    relevance: (r) => r.group,
    newest: () => 0,
    price_asc: (r) => r.d.priceFen,
    price_desc: (r) => -r.d.priceFen,
    distance: (r) => r.m!,
  }
  const key = primary[q.sort]
  rows.sort((a, b) => key(a) - key(b) || newest(a, b))
  return rows.map((r) => ({ id: r.d.id, distanceMeters: r.m }))
}

/** Follows `nextCursor` to the end, refusing to loop forever on a broken cursor. */
export const allPages = async (search: ListingSearch, q: ListingSearchQuery, maxPages = 200) => {
  const items: ListingSearchHit[] = []
  let cursor: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const res = await search.query({ ...q, cursor })
    expect(res.items.length).toBeLessThanOrEqual(q.limit)
    if (res.nextCursor !== null) expect(res.items.length).toBe(q.limit)
    items.push(...res.items)
    if (res.nextCursor === null) return items
    cursor = res.nextCursor
  }
  throw new Error('pagination did not end')
}

// ---------------------------------------------------------------------------------------------
// Random worlds for the property tests
// ---------------------------------------------------------------------------------------------

/** Words that overlap on purpose: 耳机 ⊂ 蓝牙耳机, 13 ⊂ 2013, iPhone vs IPHONE, 书 ⊂ 书桌. */
const WORDS = [
  '耳机',
  '蓝牙耳机',
  '相机',
  'iPhone',
  'IPHONE',
  '13',
  '2013',
  '索尼',
  'Sony',
  '九成新',
  '书',
  '书桌',
  'ab',
  'AB c',
  '"x"',
  'OR',
  '*',
  '-',
  'Ｐｒｏ',
  'pro',
]
const CATS: [string, string | null][] = [
  ['digital', 'digital.earphones'],
  ['digital', 'digital.camera'],
  ['phone', 'phone.iphone'],
  ['books', null],
]
const CONDS = ['new', 'like_new', 'light_wear', 'heavy_wear'] as const
const STATUSES = [
  'active',
  'active',
  'active',
  'active',
  'sold',
  'removed',
  'draft',
  'expired',
] as const

const textArb = (max: number) =>
  fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: max })
    .chain((ws) => fc.constantFrom(ws.join(''), ws.join(' ')))

const docArb = fc
  .record({
    // Few distinct milliseconds: many keys share a millisecond and arrive in random order.
    ms: fc.integer({ min: 0, max: 40 }),
    random: fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 16, maxLength: 16 }),
    seller: fc.constantFrom('s1', 's2', 's3'),
    status: fc.constantFrom(...STATUSES),
    kind: fc.constantFrom('goods' as const, 'service' as const),
    title: textArb(3),
    description: textArb(4),
    city: fc.constantFrom(SH, HZ),
    north: fc.integer({ min: -15_000, max: 15_000 }),
    east: fc.integer({ min: -15_000, max: 15_000 }),
    cat: fc.constantFrom(...CATS),
    condition: fc.option(fc.constantFrom(...CONDS)),
    priceFen: fc.constantFrom(100, 500, 500, 9_900, 25_000, 100_000),
    shipping: fc.boolean(),
    meetup: fc.boolean(),
    pickup: fc.boolean(),
    communityIds: fc.subarray(['c1', 'c2']),
  })
  .map((r): SearchDoc => ({
    id: ulidAt(
      T0 - 1_000_000 + r.ms,
      r.random.map((x) => 31 - x),
    ),
    sortKey: ulidAt(T0 + r.ms, r.random),
    sellerId: r.seller,
    status: r.status,
    kind: r.kind,
    title: r.title,
    description: r.description,
    city: r.city.name,
    ...offset(r.city.center, r.north, r.east),
    category: r.cat[0],
    subcategory: r.cat[1],
    condition: r.condition,
    priceFen: r.priceFen,
    shipping: r.shipping,
    meetup: r.meetup,
    pickup: r.pickup,
    communityIds: r.communityIds,
  }))

const worldArb = (max: number) =>
  fc
    .uniqueArray(docArb, { maxLength: max, size: 'max', selector: (d) => d.sortKey })
    .map((docs) => {
      const seen = new Set<string>()
      return docs.filter((d) => !seen.has(d.id) && seen.add(d.id))
    })

const keywordArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...WORDS).chain((w) => fc.nat(w.length).map((i) => w.slice(i, i + 2))),
      fc.constantFrom('耳', '机', 'I', 'phone', '3', 'ＡＢ', 'b', 'xyz', '"', 'NEAR(', '{title}:'),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((ts) => ts.join(' ').slice(0, 30))
  .filter((k) => k.trim().length > 0)

const queryArb: fc.Arbitrary<ListingSearchQuery> = fc
  .record(
    {
      keyword: keywordArb,
      city: fc.constantFrom(SH.name, HZ.name),
      category: fc.constantFrom('digital', 'digital.camera', 'phone', 'books', 'toys'),
      priceMinFen: fc.constantFrom(0, 500, 10_000),
      priceMaxFen: fc.constantFrom(500, 25_000, 1_000_000),
      conditions: fc.subarray([...CONDS], { minLength: 1 }),
      trade: fc.subarray(['shipping', 'meetup', 'pickup'] as const, { minLength: 1 }),
      kind: fc.constantFrom('goods' as const, 'service' as const),
      near: fc.record({
        city: fc.constantFrom(SH, HZ),
        north: fc.integer({ min: -10_000, max: 10_000 }),
        east: fc.integer({ min: -10_000, max: 10_000 }),
        radiusMeters: fc.constantFrom(300, 1_000, 3_000, 10_000, 50_000),
      }),
      communityId: fc.constantFrom('c1', 'c2'),
      sellerId: fc.constantFrom('s1', 's2'),
    },
    { requiredKeys: [] },
  )
  .filter(
    (f) =>
      f.priceMinFen === undefined || f.priceMaxFen === undefined || f.priceMinFen <= f.priceMaxFen,
  )
  .chain((f) =>
    fc
      .record({
        sort: fc.constantFrom(
          ...([
            'relevance',
            'newest',
            'price_asc',
            'price_desc',
            ...(f.near ? ['distance' as const] : []),
          ] as const),
        ),
        limit: fc.constantFrom(1, 2, 3, 7, 50),
      })
      .map((s): ListingSearchQuery => {
        const { near, ...rest } = f
        return {
          ...rest,
          ...(near
            ? {
                near: {
                  ...offset(near.city.center, near.north, near.east),
                  radiusMeters: near.radiusMeters,
                },
              }
            : {}),
          ...s,
        }
      }),
  )

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/**
 * The behaviour every ListingSearch adapter must share. Run it against each adapter that can run
 * here (SQLite now; the CloudBase adapter against its local endpoint when it exists).
 */
export const listingSearchContract = (name: string, open: () => ListingSearchHarness) => {
  describe(`ListingSearch contract: ${name}`, () => {
    let h: ListingSearchHarness
    let search: ListingSearch
    beforeEach(() => {
      h = open()
      search = h.search
    })
    afterEach(() => h.close())

    const put = async (...docs: SearchDoc[]) => {
      for (const d of docs) await search.upsert(d)
      return docs
    }
    const ids = async (
      q: Omit<ListingSearchQuery, 'sort' | 'limit'> & Partial<ListingSearchQuery>,
    ) => (await search.query({ sort: 'newest', limit: 50, ...q })).items.map((i) => i.id)
    /** What a nearby search within 100 m of the 上海 centre finds. */
    const nearCentre = async () =>
      (
        await search.query({
          near: { ...SH.center, radiusMeters: 100 },
          sort: 'distance',
          limit: 5,
        })
      ).items

    describe('keywords', () => {
      it('finds two-character Chinese words in titles and descriptions', async () => {
        const [inTitle, inBody, neither] = await put(
          makeDoc({ title: '索尼降噪耳机 WH-1000XM4' }),
          makeDoc({ title: '索尼 WH-1000XM4', description: '头戴式耳机，降噪很好' }),
          makeDoc({ title: '佳能相机', description: '单反，带镜头' }),
        )
        expect(await ids({ keyword: '耳机' })).toEqual([inBody!.id, inTitle!.id])
        expect(await ids({ keyword: '相机' })).toEqual([neither!.id])
        expect(await ids({ keyword: '降噪耳机' })).toEqual([inTitle!.id])
      })

      it('matches mixed Latin and digits (iPhone 13) term by term, case-insensitively', async () => {
        const [pro, glued, twelve, upper] = await put(
          makeDoc({ title: 'iPhone 13 Pro 256G' }),
          makeDoc({ title: '苹果iphone13 国行' }),
          makeDoc({ title: 'iPhone 12', description: '电池健康 87' }),
          makeDoc({ title: 'IPHONE 13 MINI' }),
        )
        expect(await ids({ keyword: 'iPhone 13' })).toEqual([upper!.id, glued!.id, pro!.id])
        expect(await ids({ keyword: 'IPHONE' })).toEqual([
          upper!.id,
          twelve!.id,
          glued!.id,
          pro!.id,
        ])
        expect(await ids({ keyword: 'ｉＰｈｏｎｅ １３' })).toEqual([upper!.id, glued!.id, pro!.id])
        expect(await ids({ keyword: '  iphone   mini ' })).toEqual([upper!.id])
      })

      it('requires every term (AND), each in the title or the description', async () => {
        const [both, onlySony, split] = await put(
          makeDoc({ title: '索尼耳机' }),
          makeDoc({ title: '索尼相机' }),
          makeDoc({ title: '耳机', description: '索尼原装' }),
        )
        expect(await ids({ keyword: '索尼 耳机' })).toEqual([split!.id, both!.id])
        expect(await ids({ keyword: '索尼' })).toEqual([split!.id, onlySony!.id, both!.id])
        expect(await ids({ keyword: '索尼 耳机 相机' })).toEqual([])
      })

      it('matches a single character in titles only', async () => {
        const [title, body] = await put(
          makeDoc({ title: '二手书 三本' }),
          makeDoc({ title: '书架', description: '可以放很多书' }),
          makeDoc({ title: '桌子', description: '说明书齐全' }),
        )
        expect(await ids({ keyword: '书' })).toEqual([body!.id, title!.id])
      })

      it('treats FTS and SQL syntax as literal text, never as operators', async () => {
        const weird = [
          '"耳机" OR *',
          'NEAR(耳机',
          '-耳机',
          '耳机*',
          '{title}:耳机',
          '^耳机',
          "'; DROP TABLE x; --",
          '"',
          '""',
          "'",
          '\\',
          '%',
          '_',
          '(',
          ')',
          'a:b',
          'AND',
          'NOT 耳机',
          '\u0000耳机',
          '耳机\u0007',
        ]
        const docs = await put(
          makeDoc({ title: '耳机 "耳机" OR * 好用' }),
          makeDoc({ title: 'NEAR(耳机 -耳机', description: "'; DROP TABLE x; -- 50% off_" }),
          makeDoc({ title: '{title}:耳机 ^耳机 a:b AND NOT 耳机' }),
          makeDoc({ title: '普通耳机' }),
        )
        for (const keyword of weird) {
          for (const sort of ['relevance', 'newest'] as const) {
            const res = await search.query({ keyword, sort, limit: 50 })
            expect({ keyword, ids: res.items.map((i) => i.id) }).toEqual({
              keyword,
              ids: oracle(docs, { keyword, sort, limit: 50 }).map((i) => i.id),
            })
          }
        }
        expect(await ids({ keyword: '"耳机" OR *' })).toEqual([docs[0]!.id])
        expect(await ids({ keyword: '50%' })).toEqual([docs[1]!.id])
        expect(await ids({ keyword: '%' })).toEqual([]) // one character: titles only
      })

      it('refuses a keyword over 30 characters', async () => {
        await expect(
          search.query({ keyword: '耳'.repeat(31), sort: 'newest', limit: 10 }),
        ).rejects.toMatchObject({
          code: ErrorCodes.VALIDATION,
        })
        await expect(
          search.query({ keyword: ` ${'耳'.repeat(30)} `, sort: 'newest', limit: 10 }),
        ).resolves.toBeDefined()
      })
    })

    describe('filters', () => {
      it('applies each filter', async () => {
        const base = { title: '测试物品' }
        const [a, b, c, d] = await put(
          makeDoc({
            ...base,
            city: HZ.name,
            ...HZ.center,
            category: 'phone',
            subcategory: 'phone.iphone',
          }),
          makeDoc({
            ...base,
            priceFen: 500,
            condition: 'new',
            shipping: false,
            pickup: true,
            sellerId: 's2',
          }),
          makeDoc({
            ...base,
            kind: 'service',
            condition: null,
            category: 'services',
            subcategory: 'services.repair',
            communityIds: ['c9'],
          }),
          makeDoc({
            ...base,
            priceFen: 99_900,
            condition: 'heavy_wear',
            meetup: true,
            shipping: false,
          }),
        )
        expect(await ids({ city: HZ.name })).toEqual([a!.id])
        expect(await ids({ city: SH.name })).toEqual([d!.id, c!.id, b!.id])
        expect(await ids({ category: 'phone' })).toEqual([a!.id])
        expect(await ids({ category: 'phone.iphone' })).toEqual([a!.id])
        expect(await ids({ category: 'digital.earphones' })).toEqual([d!.id, b!.id])
        expect(await ids({ category: 'digital' })).toEqual([d!.id, b!.id])
        expect(await ids({ category: 'toys' })).toEqual([])
        expect(await ids({ priceMinFen: 600 })).toEqual([d!.id, c!.id, a!.id])
        expect(await ids({ priceMaxFen: 10_000 })).toEqual([c!.id, b!.id, a!.id])
        expect(await ids({ priceMinFen: 500, priceMaxFen: 500 })).toEqual([b!.id])
        expect(await ids({ conditions: ['new', 'heavy_wear'] })).toEqual([d!.id, b!.id])
        expect(await ids({ trade: ['pickup'] })).toEqual([b!.id])
        expect(await ids({ trade: ['pickup', 'meetup'] })).toEqual([d!.id, b!.id])
        expect(await ids({ kind: 'service' })).toEqual([c!.id])
        expect(await ids({ communityId: 'c9' })).toEqual([c!.id])
        expect(await ids({ sellerId: 's2' })).toEqual([b!.id])
        expect(
          await ids({ keyword: '物品', city: SH.name, priceMinFen: 600, kind: 'goods' }),
        ).toEqual([d!.id])
      })

      it('keeps every status but active out of results', async () => {
        const active = makeDoc({ title: '状态测试' })
        await put(
          active,
          ...(['sold', 'removed', 'draft', 'expired'] as const).map((status) =>
            makeDoc({ title: '状态测试', status }),
          ),
        )
        expect(await ids({ keyword: '状态' })).toEqual([active.id])
        expect(await ids({})).toEqual([active.id])
        const near = { ...SH.center, radiusMeters: 1000 }
        expect(
          (await search.query({ near, sort: 'distance', limit: 50 })).items.map((i) => i.id),
        ).toEqual([active.id])
      })
    })

    describe('orders and pages', () => {
      it('sorts by newest, price and relevance (title matches first), newest breaking ties', async () => {
        const [a, b, c, d] = await put(
          makeDoc({ title: '沙发', priceFen: 300 }),
          makeDoc({ title: '桌子', description: '配套沙发', priceFen: 100 }),
          makeDoc({ title: '布艺沙发', priceFen: 300 }),
          makeDoc({ title: '椅子', description: '沙发旁边', priceFen: 200 }),
        )
        const q = { keyword: '沙发', limit: 10 }
        const sorted = async (sort: ListingSearchQuery['sort']) =>
          (await search.query({ ...q, sort })).items.map((i) => i.id)
        expect(await sorted('newest')).toEqual([d!.id, c!.id, b!.id, a!.id])
        expect(await sorted('relevance')).toEqual([c!.id, a!.id, d!.id, b!.id])
        expect(await sorted('price_asc')).toEqual([b!.id, d!.id, c!.id, a!.id])
        expect(await sorted('price_desc')).toEqual([c!.id, a!.id, d!.id, b!.id])
      })

      it('orders by distance with exact whole-metre distances and keeps the radius', async () => {
        const from = SH.center
        const docs = await put(
          ...[4_900, 120, 2_600, 5_100, 760, 760, 30_000].map((m, i) =>
            makeDoc({ title: `物品${i}`, ...offset(from, m, 0) }),
          ),
        )
        const near = { ...from, radiusMeters: 5_000 }
        const res = await search.query({ near, sort: 'distance', limit: 50 })
        expect(res.items).toEqual(oracle(docs, { near, sort: 'distance', limit: 50 }))
        expect(res.items.map((i) => i.distanceMeters)).toEqual([120, 760, 760, 2_600, 4_900])
        expect(res.items[1]!.id).toBe(docs[5]!.id) // same distance: newest first
        const newest = await search.query({ near, sort: 'newest', limit: 50 })
        expect(newest.items).toEqual(oracle(docs, { near, sort: 'newest', limit: 50 }))
        expect(newest.items.map((i) => i.distanceMeters)).toEqual([760, 760, 2_600, 120, 4_900])
        expect(
          (await search.query({ sort: 'newest', limit: 1 })).items[0]!.distanceMeters,
        ).toBeNull()
      })

      it('pages through every order with no duplicates or gaps', async () => {
        const docs: SearchDoc[] = []
        for (let i = 0; i < 57; i++) {
          docs.push(
            makeDoc({
              title: i % 4 === 0 ? `台灯 ${i}` : i % 3 ? `二手耳机 ${i}` : `耳机盒 ${i}`,
              description: i % 2 ? '耳机配件' : i % 4 === 0 ? '送耳机' : '九成新',
              priceFen: 100 * (i % 7),
              ...offset(SH.center, (i % 11) * 97, (i % 5) * 131),
            }),
          )
        }
        await put(...docs)
        for (const sort of [
          'relevance',
          'newest',
          'price_asc',
          'price_desc',
          'distance',
        ] as const) {
          for (const limit of [1, 5, 20, 50]) {
            const q: ListingSearchQuery = {
              keyword: '耳机',
              near: { ...SH.center, radiusMeters: 3_000 },
              sort,
              limit,
            }
            expect(await allPages(search, q)).toEqual(oracle(docs, q))
            const { keyword: _k, ...noKeyword } = q
            expect(await allPages(search, noKeyword)).toEqual(oracle(docs, noKeyword))
          }
        }
      })

      it('orders listings at the same whole metre newest first, even across the search circles', async () => {
        // 249.7 m and 249.8 m (older) and 250.3 m (newest) all round to 250 m.
        const docs = await put(
          ...[249.7, 249.8, 250.3].map((m) => makeDoc({ ...offset(SH.center, m, 0) })),
        )
        const q: ListingSearchQuery = {
          near: { ...SH.center, radiusMeters: 5_000 },
          sort: 'distance',
          limit: 1,
        }
        expect(await allPages(search, q)).toEqual(
          [2, 1, 0].map((i) => ({ id: docs[i]!.id, distanceMeters: 250 })),
        )
      })

      it('keeps a cursor valid when its listing is renewed or removed meanwhile', async () => {
        const docs = await put(
          ...Array.from({ length: 6 }, (_, i) => makeDoc({ title: `台灯 ${i}` })),
        )
        const first = await search.query({ keyword: '台灯', sort: 'newest', limit: 2 })
        expect(first.items.map((i) => i.id)).toEqual([docs[5]!.id, docs[4]!.id])
        await search.remove(docs[4]!.id)
        await search.upsert({ ...docs[3]!, sortKey: nextKey() })
        const second = await search.query({
          keyword: '台灯',
          sort: 'newest',
          limit: 2,
          cursor: first.nextCursor!,
        })
        expect(second.items.map((i) => i.id)).toEqual([docs[2]!.id, docs[1]!.id])
      })

      it('refuses malformed cursors, a cursor of another order, and bad limits or radii', async () => {
        await put(makeDoc(), makeDoc())
        const page = await search.query({ sort: 'newest', limit: 1 })
        const bad = [
          'garbage',
          '',
          Buffer.from('[1,2,3]').toString('base64url'),
          Buffer.from('["newest",null,"not-a-ulid"]').toString('base64url'),
          Buffer.from('{"a":1}').toString('base64url'),
        ]
        for (const cursor of bad) {
          await expect(search.query({ sort: 'newest', limit: 1, cursor })).rejects.toMatchObject({
            code: ErrorCodes.VALIDATION,
          })
        }
        await expect(
          search.query({ sort: 'price_asc', limit: 1, cursor: page.nextCursor! }),
        ).rejects.toMatchObject({
          code: ErrorCodes.VALIDATION,
        })
        for (const q of [
          { sort: 'newest', limit: 0 },
          { sort: 'newest', limit: 51 },
          { sort: 'newest', limit: 2.5 },
          { sort: 'distance', limit: 10 },
          { sort: 'distance', limit: 10, near: { ...SH.center, radiusMeters: 50_001 } },
          { sort: 'distance', limit: 10, near: { ...SH.center, radiusMeters: 0 } },
          {
            sort: 'distance',
            limit: 10,
            near: { latitude: Number.NaN, longitude: 1, radiusMeters: 10 },
          },
          { sort: 'newest', limit: 10, priceMinFen: 10, priceMaxFen: 5 },
        ] as ListingSearchQuery[]) {
          await expect(search.query(q)).rejects.toMatchObject({ code: ErrorCodes.VALIDATION })
        }
      })
    })

    describe('writes', () => {
      it('upsert replaces every entry of the listing', async () => {
        const doc = makeDoc({ title: '蓝牙音箱', priceFen: 100, ...offset(SH.center, 100, 0) })
        await put(doc)
        await search.upsert({
          ...doc,
          title: '机械键盘',
          priceFen: 200,
          ...offset(SH.center, 3_000, 0),
          communityIds: ['c1'],
        })
        expect(await ids({ keyword: '音箱' })).toEqual([])
        expect(await ids({ keyword: '键盘' })).toEqual([doc.id])
        expect(await ids({ communityId: 'c1' })).toEqual([doc.id])
        expect(await ids({ priceMaxFen: 150 })).toEqual([])
        const near = await search.query({
          near: { ...SH.center, radiusMeters: 5_000 },
          sort: 'distance',
          limit: 5,
        })
        expect(near.items).toEqual([{ id: doc.id, distanceMeters: 3_000 }])
        await search.upsert({ ...doc, communityIds: [] })
        expect(await ids({ communityId: 'c1' })).toEqual([])
      })

      it('a renew (new sortKey) moves the listing to the top; an edit keeps its place', async () => {
        const [a, b] = await put(makeDoc({ title: '花瓶' }), makeDoc({ title: '花盆' }))
        expect(await ids({ keyword: '花' })).toEqual([b!.id, a!.id])
        await search.upsert({ ...b!, priceFen: 1 })
        expect(await ids({ keyword: '花' })).toEqual([b!.id, a!.id])
        await search.upsert({ ...a!, sortKey: nextKey() })
        expect(await ids({ keyword: '花' })).toEqual([a!.id, b!.id])
      })

      it('remove removes; removing an unknown id does nothing; sold leaves search', async () => {
        const [a, b] = await put(makeDoc({ title: '风扇' }), makeDoc({ title: '风扇' }))
        await search.remove(a!.id)
        await search.remove('01ZZZZZZZZZZZZZZZZZZZZZZZZ')
        expect(await ids({ keyword: '风扇' })).toEqual([b!.id])
        await search.upsert({ ...b!, status: 'sold' })
        expect(await ids({ keyword: '风扇' })).toEqual([])
        expect(await nearCentre()).toEqual([])
        await search.upsert({ ...b!, status: 'sold', priceFen: 3 })
        await search.upsert({ ...b!, status: 'active' })
        expect(await ids({ keyword: '风扇' })).toEqual([b!.id])
        await search.upsert({ ...b!, status: 'sold' })
        await search.remove(b!.id)
        expect(await ids({ keyword: '风扇' })).toEqual([])
      })

      it('keeps newest-first exact when sortKeys arrive out of order within one millisecond', async () => {
        const keys = Array.from({ length: 40 }, (_, i) =>
          ulidAt(
            T0 + 5_000_000,
            [...(i * 7919).toString(32).padStart(16, '0')].map((c) => parseInt(c, 32)),
          ),
        )
        const shuffled = [...keys].sort((x, y) => (x.slice(-3) < y.slice(-3) ? -1 : 1)).reverse()
        const docs = shuffled.map((sortKey) => makeDoc({ sortKey, title: '同一毫秒' }))
        await put(...docs)
        expect(await allPages(search, { keyword: '同一毫秒', sort: 'newest', limit: 7 })).toEqual(
          oracle(docs, { keyword: '同一毫秒', sort: 'newest', limit: 7 }),
        )
      })

      it('rolls the index write back with the transaction it ran in', async () => {
        if (!h.transaction) return
        const doc = makeDoc({ title: '回滚测试' })
        await expect(
          h.transaction!(async () => {
            await search.upsert(doc)
            throw new Error('listing write failed after the index write')
          }),
        ).rejects.toThrow('listing write failed')
        expect(await ids({ keyword: '回滚' })).toEqual([])
        expect(await nearCentre()).toEqual([])
        await h.transaction!(async () => search.upsert(doc))
        expect(await ids({ keyword: '回滚' })).toEqual([doc.id])
        await expect(
          h.transaction!(async () => {
            await search.remove(doc.id)
            throw new Error('boom')
          }),
        ).rejects.toThrow('boom')
        expect(await ids({ keyword: '回滚' })).toEqual([doc.id])
      })
    })

    describe('seller help', () => {
      it('suggests the most frequent title words completing the prefix in the city', async () => {
        await put(
          makeDoc({ title: 'iPhone 13 Pro' }),
          makeDoc({ title: 'iPhone 12' }),
          makeDoc({ title: '苹果 iPad 2021' }),
          makeDoc({ title: 'iPhone 15', city: HZ.name }),
          makeDoc({ title: 'iPhone 11', status: 'sold' }),
        )
        expect(await search.suggest({ prefix: 'iP', city: SH.name, limit: 5 })).toEqual([
          'iPhone',
          'iPad',
        ])
        expect(await search.suggest({ prefix: '苹果 ip', city: SH.name, limit: 1 })).toEqual([
          '苹果 iPad',
        ])
        expect(await search.suggest({ prefix: 'zzz', city: SH.name, limit: 5 })).toEqual([])
      })

      it('gives price quartiles of similar listings, sold ones when asked', async () => {
        const prices = [100, 200, 300, 400, 500]
        await put(
          ...prices.map((priceFen) =>
            makeDoc({
              title: '显示器 27寸',
              category: 'computer',
              subcategory: 'computer.monitor',
              priceFen,
            }),
          ),
          makeDoc({
            title: '显示器',
            category: 'computer',
            subcategory: 'computer.monitor',
            priceFen: 900,
            status: 'sold',
          }),
          makeDoc({
            title: '二手屏幕',
            description: '27寸显示器',
            category: 'computer',
            subcategory: 'computer.monitor',
            priceFen: 1_000,
            status: 'sold',
          }),
          makeDoc({
            title: '旧键盘',
            category: 'computer',
            subcategory: 'computer.monitor',
            priceFen: 7,
            status: 'sold',
          }),
          makeDoc({
            title: '显示器',
            category: 'computer',
            subcategory: 'computer.monitor',
            priceFen: 1,
            city: HZ.name,
          }),
          makeDoc({
            title: '键盘',
            category: 'computer',
            subcategory: 'computer.peripheral',
            priceFen: 5,
          }),
        )
        const q = { city: SH.name, category: 'computer' }
        expect(await search.priceStats(q)).toEqual({
          count: 6,
          p25Fen: 100,
          medianFen: 200,
          p75Fen: 300,
        })
        expect(await search.priceStats({ ...q, subcategory: 'computer.monitor' })).toEqual({
          count: 5,
          p25Fen: 200,
          medianFen: 300,
          p75Fen: 400,
        })
        expect(await search.priceStats({ ...q, keyword: '显示器', includeSold: true })).toEqual({
          count: 7,
          p25Fen: 200,
          medianFen: 400,
          p75Fen: 500,
        })
        expect(await search.priceStats({ ...q, keyword: '不存在' })).toEqual({
          count: 0,
          p25Fen: null,
          medianFen: null,
          p75Fen: null,
        })
        expect((await search.priceStats({ ...q, keyword: '键', includeSold: true })).count).toBe(2) // 1 char: titles
        expect((await search.priceStats({ ...q, includeSold: true })).count).toBe(9)
      })
    })

    describe('against a naive oracle (fast-check)', () => {
      it('answers random queries over random listings exactly like the oracle, page by page', async () => {
        await fc.assert(
          fc.asyncProperty(
            worldArb(120),
            fc.array(queryArb, { minLength: 1, maxLength: 6 }),
            async (docs, queries) => {
              const world = open()
              try {
                for (const d of docs) await world.search.upsert(d)
                for (const q of queries)
                  expect(await allPages(world.search, q)).toEqual(oracle(docs, q))
              } finally {
                world.close()
              }
            },
          ),
          { numRuns: 60 },
        )
      })

      it('answers a few hundred random queries over a few hundred random listings like the oracle', async () => {
        const world = open()
        try {
          const docs = fc.sample(worldArb(400), { numRuns: 1, seed: 20261001 })[0]!
          expect(docs.length).toBeGreaterThan(300)
          for (const d of docs) await world.search.upsert(d)
          await fc.assert(
            fc.asyncProperty(queryArb, async (q) => {
              expect(await allPages(world.search, q)).toEqual(oracle(docs, q))
            }),
            { numRuns: 300 },
          )
        } finally {
          world.close()
        }
      })

      it('stays exact through updates and removals', async () => {
        await fc.assert(
          fc.asyncProperty(
            worldArb(60),
            fc.array(fc.record({ pick: fc.nat(), replacement: docArb, remove: fc.boolean() }), {
              maxLength: 30,
            }),
            queryArb,
            async (initial, edits, q) => {
              const world = open()
              try {
                const live = new Map(initial.map((d) => [d.id, d]))
                for (const d of initial) await world.search.upsert(d)
                for (const e of edits) {
                  const existing = [...live.values()]
                  if (existing.length === 0) break
                  const target = existing[e.pick % existing.length]!
                  if (e.remove) {
                    live.delete(target.id)
                    await world.search.remove(target.id)
                  } else {
                    const usedKeys = new Set(
                      [...live.values()].filter((d) => d.id !== target.id).map((d) => d.sortKey),
                    )
                    if (usedKeys.has(e.replacement.sortKey)) continue
                    const next = { ...e.replacement, id: target.id }
                    live.set(target.id, next)
                    await world.search.upsert(next)
                  }
                }
                expect(await allPages(world.search, q)).toEqual(oracle([...live.values()], q))
              } finally {
                world.close()
              }
            },
          ),
          { numRuns: 60 },
        )
      })
    })
  })
}
