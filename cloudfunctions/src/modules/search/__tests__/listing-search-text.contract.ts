import fc from 'fast-check'
import { CITIES } from '@shared/domain/cities'
import { DAY } from '@shared/domain/time'
import { ErrorCodes } from '@shared/errors/error-codes'
import { listingTerms } from '../../../adapters/search/analysis/listing-terms'
import { planQuery } from '../../../adapters/search/analysis/query-plan'
import { sortKeyTime } from '../../../adapters/search/sort-key-rowid'
import { rankScore, textScore } from '../domain/search-ranking'
import type { ListingSearch, ListingSearchQuery, SearchDoc } from '../ports/listing-search.port'
import { allPages, type ListingSearchHarness, makeDoc, ulidAt } from './listing-search.contract'

const SH = CITIES.find((c) => c.name === '上海')!
const HZ = CITIES.find((c) => c.name === '杭州')!
const T0 = Date.UTC(2026, 9, 1)
/** Ranking time: a day after the contract's listings were published. */
const NOW = T0 + DAY

/** Filed where no category name says anything (杂物), unless a test files it elsewhere. */
const doc = (over: Partial<SearchDoc>) =>
  makeDoc({ category: 'other', subcategory: 'other.misc', description: '自用闲置。', ...over })

/** A sortKey `daysAgo` days before the ranking time (unique by `n`). */
const keyAgo = (daysAgo: number, n: number) =>
  ulidAt(NOW - daysAgo * DAY, [...String(n).padStart(16, '0')].map(Number))

/** The offset point `north` metres from `p`. */
const north = (p: { latitude: number; longitude: number }, m: number) => ({
  latitude: p.latitude + m / 111_195,
  longitude: p.longitude,
})

/**
 * What every ListingSearch adapter does with understood text (`text`): the analysis of
 * adapters/search/analysis applied the same way, matches AND-ed over clauses, and relevance by
 * domain/search-ranking.ts. Run beside listing-search.contract.ts for each adapter.
 */
export const listingSearchTextContract = (name: string, open: () => ListingSearchHarness) => {
  describe(`ListingSearch contract, understood text: ${name}`, () => {
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
      text: string,
      q: Omit<Partial<ListingSearchQuery>, 'text'> = {},
    ): Promise<string[]> =>
      (await search.query({ sort: 'relevance', limit: 50, now: NOW, text, ...q })).items.map(
        (i) => i.id,
      )
    const set = async (text: string, q: Omit<Partial<ListingSearchQuery>, 'text'> = {}) =>
      new Set(await ids(text, q))

    describe('matching', () => {
      it('finds a listing by its category and subcategory names', async () => {
        const [airpods, camera] = await put(
          doc({
            title: 'AirPods Pro 2 99新',
            category: 'digital',
            subcategory: 'digital.earphones',
          }),
          doc({ title: '富士 X-T30 套机', category: 'digital', subcategory: 'digital.camera' }),
        )
        expect(await ids('耳机')).toEqual([airpods!.id])
        expect(await ids('耳机音箱')).toEqual([airpods!.id])
        expect(await set('数码')).toEqual(new Set([airpods!.id, camera!.id]))
        expect(await ids('摄影')).toEqual([camera!.id])
        // A name of two things speaks only for the one the listing is: AirPods are not 音箱.
        expect(await ids('音箱')).toEqual([])
      })

      it('finds brands and what a brand makes, in Chinese and Latin', async () => {
        const [iphone, macbook, mate, fruit] = await put(
          doc({ title: 'iPhone 14 128G', category: 'phone', subcategory: 'phone.iphone' }),
          doc({ title: 'MacBook Air M2', category: 'computer', subcategory: 'computer.laptop' }),
          doc({ title: '华为 Mate 60 Pro', category: 'phone', subcategory: 'phone.android' }),
          doc({ title: '新鲜苹果 一箱' }),
        )
        const apple = await ids('苹果')
        expect(new Set(apple.slice(0, 2))).toEqual(new Set([iphone!.id, macbook!.id]))
        // The fruit says 苹果 too, outside the brand's categories: found, ranked after.
        expect(apple[2]).toBe(fruit!.id)
        expect(await set('Apple')).toEqual(new Set([iphone!.id, macbook!.id]))
        expect(await ids('huawei')).toEqual([mate!.id])
        expect(await ids('苹果手机')).toEqual([iphone!.id])
        expect(await ids('苹果笔记本')).toEqual([macbook!.id])
      })

      it('expands a word to its synonyms and narrower things, never the other way round', async () => {
        const [airpods, sony, instax, bike, roadBike, spinBike] = await put(
          doc({ title: 'AirPods Pro 2' }),
          doc({ title: '索尼 头戴式耳机' }),
          doc({ title: '富士拍立得 mini12' }),
          doc({ title: '二手单车 通勤' }),
          doc({ title: '迪卡侬 公路车' }),
          doc({ title: 'Keep 动感单车' }),
        )
        expect(await set('耳机')).toEqual(new Set([airpods!.id, sony!.id]))
        expect(await ids('AirPods')).toEqual([airpods!.id])
        expect(await ids('相机')).toEqual([instax!.id])
        expect(await set('自行车')).toEqual(new Set([bike!.id, roadBike!.id]))
        expect(await ids('公路车')).toEqual([roadBike!.id])
        // 单车 inside 动感单车 is an exercise bike: found as typed, never as a bicycle.
        expect(await set('单车')).toEqual(new Set([bike!.id, roadBike!.id, spinBike!.id]))
        expect((await ids('单车'))[2]).toBe(spinBike!.id)
      })

      it('understands pinyin, pinyin initials, traditional characters and typos', async () => {
        const [sony, airpods, sofa] = await put(
          doc({ title: '索尼 降噪耳机' }),
          doc({ title: 'AirPods Pro 2' }),
          doc({ title: '布艺沙发 三人位', category: 'furniture', subcategory: 'furniture.table' }),
        )
        const earphones = new Set([sony!.id, airpods!.id])
        for (const typed of ['erji', 'ej', '耳機', '耳几', 'ERJI'])
          expect({ typed, found: await set(typed) }).toEqual({ typed, found: earphones })
        for (const typed of ['shafa', 'sf', '沙發', '沙法'])
          expect({ typed, found: await ids(typed) }).toEqual({ typed, found: [sofa!.id] })
        expect(await ids('arpods')).toEqual([airpods!.id])
        expect(await ids('索泥')).toEqual([sony!.id])
      })

      it('matches model numbers however they are spaced or cased', async () => {
        const [mini, sony, fuji] = await put(
          doc({ title: 'iPhone 13 mini 128G' }),
          doc({ title: '索尼 WH-1000XM5' }),
          doc({ title: '富士 X-T30 微单' }),
        )
        for (const typed of ['iphone13', 'IPHONE-13', 'iPhone 13', 'ｉＰｈｏｎｅ１３'])
          expect({ typed, found: await ids(typed) }).toEqual({ typed, found: [mini!.id] })
        for (const typed of ['wh1000xm5', 'WH-1000XM5', 'xm5', '1000xm5'])
          expect({ typed, found: await ids(typed) }).toEqual({ typed, found: [sony!.id] })
        expect(await ids('xt30')).toEqual([fuji!.id])
      })

      it('requires every word, each through any of its alternatives, and drops filler words', async () => {
        const [sonyEar, sonyCam, bose] = await put(
          doc({ title: '索尼 降噪耳机' }),
          doc({ title: 'Sony 微单相机 A7C' }),
          doc({ title: 'Bose QC45 耳机' }),
        )
        expect(await ids('索尼 耳机')).toEqual([sonyEar!.id])
        expect(await ids('sony 相机')).toEqual([sonyCam!.id])
        expect(await set('二手耳机')).toEqual(new Set([sonyEar!.id, bose!.id]))
        expect(await ids('索尼 耳机 相机')).toEqual([])
        expect(await ids('!!!')).toEqual([])
      })

      it('tags a word that is ambiguous only in its categories (推车, 苹果, 笔记本)', async () => {
        const [trolley, stroller, notebook, laptop] = await put(
          doc({ title: '露营 折叠推车' }),
          doc({ title: '好孩子 推车', category: 'baby', subcategory: 'baby.stroller' }),
          doc({ title: '牛皮笔记本 手账', category: 'books', subcategory: 'books.fiction' }),
          doc({ title: '联想 笔记本', category: 'computer', subcategory: 'computer.laptop' }),
        )
        expect(await ids('推车')).toEqual([stroller!.id, trolley!.id])
        expect(await ids('婴儿车')).toEqual([stroller!.id])
        expect(await ids('笔记本电脑')).toEqual([laptop!.id])
        expect(await ids('笔记本')).toEqual([laptop!.id, notebook!.id])
      })

      it('treats FTS syntax in text as plain words', async () => {
        const [a] = await put(doc({ title: '耳机 "OR" NEAR 好用' }), doc({ title: '台灯' }))
        for (const typed of ['"耳机" OR *', 'NEAR(耳机', '-耳机', '(耳机)', '耳机*', '^耳机:'])
          expect({ typed, found: await ids(typed) }).toEqual({ typed, found: [a!.id] })
      })
    })

    describe('ranking', () => {
      it('ranks title over brand and category over description', async () => {
        // Oldest first: newest-first would be the reverse.
        const earphones = { category: 'digital', subcategory: 'digital.earphones' }
        const [inTitle, inCategory, inBody] = await put(
          doc({ title: '漫步者 耳机', ...earphones }),
          doc({ title: 'Bose QC45', ...earphones }),
          doc({ title: '手机壳 iPhone 14 用', description: '送一副耳机。' }),
        )
        expect(await ids('耳机')).toEqual([inTitle!.id, inCategory!.id, inBody!.id])
      })

      it('then prefers the fresh, the near and the well described', async () => {
        const [old, fresh] = await put(
          doc({ title: '蓝牙耳机 A', sortKey: keyAgo(20, 1) }),
          doc({ title: '蓝牙耳机 B', sortKey: keyAgo(1, 2) }),
        )
        expect(await ids('耳机')).toEqual([fresh!.id, old!.id])
        const [far, near] = await put(
          doc({ title: '台灯 A', sortKey: keyAgo(3, 3), ...north(SH.center, 8_000) }),
          doc({ title: '台灯 B', sortKey: keyAgo(3, 4), ...north(SH.center, 300) }),
        )
        const around = { ...SH.center, radiusMeters: 20_000 }
        expect(await ids('台灯', { near: around })).toEqual([near!.id, far!.id])
        const [poor, good] = await put(
          doc({ title: '瑜伽垫 A', sortKey: keyAgo(3, 6), qualityScore: 30 }),
          doc({ title: '瑜伽垫 B', sortKey: keyAgo(3, 5), qualityScore: 95 }),
        )
        expect(await ids('瑜伽垫')).toEqual([good!.id, poor!.id])
      })

      it('pages through the ranking with no duplicates or gaps', async () => {
        const docs: SearchDoc[] = []
        for (let i = 0; i < 45; i++) {
          docs.push(
            doc({
              title: i % 3 ? `耳机 ${i}` : `Bose ${i}`,
              description: i % 3 ? '自用。' : '头戴耳机，降噪好。',
              sortKey: keyAgo(i % 9, 100 + i),
              qualityScore: (i * 37) % 100,
            }),
          )
        }
        await put(...docs)
        const whole = await allPages(search, {
          text: '耳机',
          sort: 'relevance',
          limit: 50,
          now: NOW,
        })
        expect(whole).toHaveLength(45)
        for (const limit of [1, 7, 20]) {
          expect(
            await allPages(search, { text: '耳机', sort: 'relevance', limit, now: NOW }),
          ).toEqual(whole)
        }
        // Later pages rank as the first did, whatever the clock says now.
        const first = await search.query({ text: '耳机', sort: 'relevance', limit: 10, now: NOW })
        const second = await search.query({
          text: '耳机',
          sort: 'relevance',
          limit: 10,
          now: NOW + 30 * DAY,
          cursor: first.nextCursor!,
        })
        expect(second.items).toEqual(whole.slice(10, 20))
      })

      it('refuses cursors of the literal ranking, text with keyword, and relevance without a time', async () => {
        await put(doc({ title: '耳机 一' }), doc({ title: '耳机 二' }))
        const literal = await search.query({ keyword: '耳机', sort: 'relevance', limit: 1 })
        const ranked = await search.query({ text: '耳机', sort: 'relevance', limit: 1, now: NOW })
        const bad: ListingSearchQuery[] = [
          { text: '耳机', sort: 'relevance', limit: 1, now: NOW, cursor: literal.nextCursor! },
          { keyword: '耳机', sort: 'relevance', limit: 1, cursor: ranked.nextCursor! },
          { text: '耳机', keyword: '耳机', sort: 'newest', limit: 1 },
          { text: '耳机', sort: 'relevance', limit: 1 },
          { text: '耳'.repeat(31), sort: 'newest', limit: 1 },
        ]
        for (const q of bad)
          await expect(search.query(q)).rejects.toMatchObject({ code: ErrorCodes.VALIDATION })
      })

      it('orders understood matches by newest, price and distance as well', async () => {
        const [a, b, c] = await put(
          doc({ title: 'AirPods', priceFen: 900, ...north(SH.center, 2_000) }),
          doc({ title: '索尼耳机', priceFen: 100, ...north(SH.center, 100) }),
          doc({ title: '耳机', priceFen: 500, ...north(SH.center, 900) }),
        )
        const order = async (sort: ListingSearchQuery['sort']) =>
          (
            await search.query({
              text: '耳机',
              sort,
              limit: 10,
              near: { ...SH.center, radiusMeters: 5_000 },
            })
          ).items.map((i) => i.id)
        expect(await order('newest')).toEqual([c!.id, b!.id, a!.id])
        expect(await order('price_asc')).toEqual([b!.id, c!.id, a!.id])
        expect(await order('distance')).toEqual([b!.id, c!.id, a!.id])
      })
    })

    describe('writes', () => {
      it('keeps the terms in step with edits, sales and removals', async () => {
        const [d] = await put(doc({ title: 'AirPods Pro 2' }))
        expect(await ids('耳机')).toEqual([d!.id])
        await search.upsert({ ...d!, title: '宜家 书柜' })
        expect(await ids('耳机')).toEqual([])
        expect(await ids('ikea')).toEqual([d!.id])
        await search.upsert({ ...d!, title: '宜家 书柜', status: 'sold' })
        expect(await ids('ikea')).toEqual([])
        await search.upsert({ ...d!, title: '宜家 书柜', status: 'active' })
        await search.remove(d!.id)
        expect(await ids('书柜')).toEqual([])
      })
    })

    describe('suggestions and fallbacks', () => {
      it('suggests category names, brands and things that find listings in the city', async () => {
        await put(
          doc({ title: 'iPhone 14', category: 'phone', subcategory: 'phone.iphone' }),
          doc({ title: 'iPhone 13', category: 'phone', subcategory: 'phone.iphone' }),
          doc({ title: 'AirPods Pro 2', category: 'digital', subcategory: 'digital.earphones' }),
          doc({ title: 'MacBook Air', city: HZ.name, ...HZ.center }),
        )
        const typed = await search.suggestTerms({ prefix: '苹', city: SH.name, limit: 10 })
        expect(typed[0]).toBe('苹果')
        expect(typed).toEqual(expect.arrayContaining(['苹果手机', '苹果耳机']))
        // Nothing in 上海 is a Mac: 苹果电脑 would find nothing.
        expect(typed).not.toContain('苹果电脑')
        expect((await search.suggestTerms({ prefix: 'pg', city: SH.name, limit: 3 }))[0]).toBe(
          '苹果',
        )
        expect(await search.suggestTerms({ prefix: 'ej', city: SH.name, limit: 3 })).toContain(
          '耳机',
        )
        expect(await search.suggestTerms({ prefix: 'zzz', city: SH.name, limit: 3 })).toEqual([])
      })

      it('offers the nearest category and a shorter text when nothing matches', async () => {
        await put(
          doc({ title: '索尼 降噪耳机', category: 'digital', subcategory: 'digital.earphones' }),
        )
        const base = { sort: 'relevance' as const, limit: 20, now: NOW, city: SH.name }
        expect(await search.relax({ ...base, text: '索尼 耳机 紫色' })).toEqual({
          category: 'digital.earphones',
          text: '索尼 耳机',
        })
        expect(await search.relax({ ...base, text: '蓝牙耳机' })).toEqual({
          category: 'digital.earphones',
          text: null,
        })
        expect(await search.relax({ ...base, text: '佳能 相机' })).toEqual({
          category: null,
          text: null,
        })
      })
    })

    describe('against the analysis and ranking run directly (fast-check)', () => {
      const WORDS = [
        '耳机',
        'AirPods',
        '苹果',
        'iPhone 13',
        '相机',
        '拍立得',
        '单车',
        '自行车',
        '动感单车',
        '沙发',
        '耳機',
        '索尼',
        'sony',
        '推车',
        '全新',
        '13',
      ]
      const CATS: [string, string][] = [
        ['digital', 'digital.earphones'],
        ['digital', 'digital.camera'],
        ['phone', 'phone.iphone'],
        ['baby', 'baby.stroller'],
        ['other', 'other.misc'],
      ]
      const words = (max: number) =>
        fc
          .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: max })
          .map((w) => w.join(' '))
      const docArb = fc.record({
        n: fc.integer({ min: 0, max: 999_999 }),
        daysAgo: fc.integer({ min: 0, max: 30 }),
        title: words(3),
        description: words(3),
        cat: fc.constantFrom(...CATS),
        quality: fc.option(fc.integer({ min: 0, max: 100 })),
        hz: fc.boolean(),
      })
      const queryArb = fc.record({
        text: fc.oneof(
          fc.constantFrom(...WORDS, 'erji', 'pg', '耳几', 'arpods', '苹果 耳机'),
          words(2),
        ),
        sort: fc.constantFrom('relevance' as const, 'newest' as const),
        limit: fc.constantFrom(1, 3, 50),
      })

      it('finds and orders exactly what listingTerms, planQuery and rankScore say', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.uniqueArray(docArb, { maxLength: 40, selector: (d) => d.n }),
            fc.array(queryArb, { minLength: 1, maxLength: 4 }),
            async (specs, queries) => {
              const world = open()
              try {
                const docs = specs.map((s) =>
                  doc({
                    sortKey: keyAgo(s.daysAgo, s.n),
                    id: keyAgo(s.daysAgo + 100, s.n),
                    title: s.title,
                    description: s.description,
                    category: s.cat[0],
                    subcategory: s.cat[1],
                    qualityScore: s.quality,
                    ...(s.hz ? { city: HZ.name, ...HZ.center } : {}),
                  }),
                )
                for (const d of docs) await world.search.upsert(d)
                for (const q of queries) {
                  const query: ListingSearchQuery = { ...q, city: SH.name, now: NOW }
                  expect(await allPages(world.search, query)).toEqual(expected(docs, query))
                }
              } finally {
                world.close()
              }
            },
          ),
          { numRuns: 40 },
        )
      })
    })
  })
}

/** The contract's oracle for understood text: every listing scored by the pure functions. */
const expected = (docs: SearchDoc[], q: ListingSearchQuery) => {
  const plan = planQuery(q.text!)
  const hinted = new Set(plan.categories)
  const rows = docs
    .filter((d) => d.status === 'active' && d.city === q.city)
    .map((d) => ({ d, terms: listingTerms(d) }))
    .filter(
      ({ terms }) =>
        plan.clauses.length > 0 &&
        plan.clauses.every((c) => c.alternatives.some((a) => terms.has(a.token))),
    )
    .map(({ d, terms }) => {
      const score = rankScore({
        text: textScore(plan.clauses, (t) => {
          const w = terms.get(t)
          return w !== undefined && w >= 0.5 ? w : null
        }),
        inQueryCategory: hinted.size
          ? hinted.has(d.category) || (d.subcategory !== null && hinted.has(d.subcategory))
          : null,
        ageMs: q.now! - sortKeyTime(d.sortKey),
        distanceMeters: null,
        quality: d.qualityScore ?? null,
        sellerCredit: null,
      })
      return { d, key: Math.round(score * 1e9) }
    })
  const newest = (a: { d: SearchDoc }, b: { d: SearchDoc }) => (a.d.sortKey < b.d.sortKey ? 1 : -1)
  rows.sort(q.sort === 'relevance' ? (a, b) => b.key - a.key || newest(a, b) : newest)
  return rows.map((r) => ({ id: r.d.id, distanceMeters: null }))
}
