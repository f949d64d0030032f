import { CITIES } from '@shared/domain/cities'
import { ErrorCodes } from '@shared/errors/error-codes'
import { defineCollection } from '../../../modules/core/ports/document-store.port'
import {
  listingSearchContract,
  makeDoc,
  ulidAt,
} from '../../../modules/search/__tests__/listing-search.contract'
import { listingSearchTextContract } from '../../../modules/search/__tests__/listing-search-text.contract'
import { SqliteDocumentStore } from '../../store/sqlite-document-store'
import { bigramDocument, bigramToken } from '../bigram-index'
import { bigramMatch, ftsString, parseKeyword, trigramMatch } from '../fts-query'
import { decodeSearchCursor, encodeSearchCursor } from '../search-cursor'
import { BUCKET_SIZE, bucketOf, chooseRowid, spreadRowids } from '../sort-key-rowid'
import { SqliteListingSearch } from '../sqlite-listing-search'

const open = () => {
  const store = new SqliteDocumentStore(':memory:')
  const search = new SqliteListingSearch(store.connection)
  return {
    store,
    search,
    transaction: <R>(fn: () => Promise<R>) => store.transaction(() => fn()),
    close: () => store.close(),
  }
}

listingSearchContract('SQLite', open)
listingSearchTextContract('SQLite', open)

const SH = CITIES[0]!

describe('SqliteListingSearch specifics', () => {
  it('commits the index write with the document write in one store transaction', async () => {
    const { store, search, close } = open()
    const Things = defineCollection<{ _id: string; title: string }>('things')
    const doc = makeDoc({ title: '同一事务' })
    await store.transaction(async (tx) => {
      await tx.insert(Things, { _id: doc.id, title: doc.title })
      await search.upsert(doc)
    })
    await expect(
      store.transaction(async (tx) => {
        await tx.insert(Things, { _id: 'other', title: 'x' })
        await search.upsert(makeDoc({ title: '同一事务' }))
        await tx.insert(Things, { _id: doc.id, title: 'dup' }) // CONFLICT: the whole transaction rolls back
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.CONFLICT })
    expect(await store.get(Things, 'other')).toBeNull()
    const page = await search.query({ keyword: '同一事务', sort: 'newest', limit: 10 })
    expect(page.items.map((i) => i.id)).toEqual([doc.id])
    const counts = store.connection
      .prepare(
        'SELECT (SELECT count(*) FROM search_listing) a, (SELECT count(*) FROM search_geo) b',
      )
      .get()
    expect(counts).toEqual({ a: 1, b: 1 })
    close()
  })

  it('plans keyword newest-first as a backwards FTS walk and nearby as an R*Tree search, with no sort', () => {
    const { store, close } = open()
    const plan = (sql: string, ...params: unknown[]) =>
      (store.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    const keyword = plan(
      `SELECT l.pos FROM search_trigram CROSS JOIN search_listing l ON l.pos = search_trigram.rowid
       WHERE search_trigram MATCH ? AND l.status = 'active' AND l.city = ? ORDER BY search_trigram.rowid DESC LIMIT 21`,
      '"abc"',
      '上海',
    )
    expect(keyword).toMatch(/SCAN search_trigram VIRTUAL TABLE/)
    expect(keyword).not.toMatch(/TEMP B-TREE/)
    const city = plan(
      `SELECT pos FROM search_listing l WHERE l.status = 'active' AND l.city = ? ORDER BY l.pos DESC LIMIT 21`,
      '上海',
    )
    expect(city).toMatch(/USING (COVERING )?INDEX search_listing_city/)
    expect(city).not.toMatch(/TEMP B-TREE/)
    const geo = plan(
      'SELECT pos FROM search_geo g WHERE g.min_lat <= ? AND g.max_lat >= ? AND g.min_lng <= ? AND g.max_lng >= ?',
      1,
      0,
      1,
      0,
    )
    expect(geo).toMatch(/VIRTUAL TABLE INDEX 2:/)
    close()
  })

  it('plans a relevance pool as a backwards walk of the city terms, rank facts read by key', async () => {
    const { store, search, close } = open()
    const seen: { sql: string; params: unknown[] }[] = []
    const prepare = store.connection.prepare.bind(store.connection)
    store.connection.prepare = ((sql: string) => {
      const statement = prepare(sql)
      const all = statement.all.bind(statement)
      statement.all = (...params: unknown[]) => {
        seen.push({ sql, params })
        return all(...params)
      }
      return statement
    }) as typeof store.connection.prepare
    await search.query({
      text: '耳机',
      city: SH.name,
      sort: 'relevance',
      limit: 5,
      now: Date.now(),
    })
    store.connection.prepare = prepare
    const pool = seen.find((s) => s.sql.includes('search_city_terms MATCH'))!
    expect(pool.sql).not.toMatch(/search_listing/)
    const plan = (
      prepare(`EXPLAIN QUERY PLAN ${pool.sql}`).all(...pool.params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ')
    expect(plan).toMatch(/^SCAN search_city_terms VIRTUAL TABLE/)
    expect(plan).toMatch(/SEARCH f USING INTEGER PRIMARY KEY/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
    close()
  })

  it('computes the terms of listings indexed before them, or with another synonym table, on open', async () => {
    const { store, search, close } = open()
    const doc = makeDoc({ title: 'AirPods Pro 2', category: 'other', subcategory: 'other.misc' })
    await search.upsert(doc)
    const found = async (s: SqliteListingSearch) =>
      (await s.query({ text: '耳机', sort: 'newest', limit: 5 })).items.map((i) => i.id)
    expect(await found(search)).toEqual([doc.id])
    // The database as an adapter from before understood text left it.
    store.connection.exec(`
      ALTER TABLE search_listing DROP COLUMN quality;
      ALTER TABLE search_listing DROP COLUMN seller_credit;
      DROP TABLE search_terms; DROP TABLE search_term_weights; DROP TABLE search_meta;`)
    expect(await found(new SqliteListingSearch(store.connection))).toEqual([doc.id])
    // Terms from another table version are recomputed.
    store.connection.exec(`DELETE FROM search_terms; UPDATE search_meta SET value = 'old'`)
    const reopened = new SqliteListingSearch(store.connection)
    expect(await found(reopened)).toEqual([doc.id])
    await reopened.upsert({ ...doc, qualityScore: 80 })
    expect(await found(reopened)).toEqual([doc.id])
    close()
  })

  it("walks a city's own terms in a city, and rebuilds them for a database without them", async () => {
    const { store, search, close } = open()
    const HZ = CITIES.find((c) => c.name === '杭州')!
    const moving = makeDoc({ title: 'AirPods Pro 2' })
    await search.upsert(moving)
    await search.upsert(makeDoc({ title: 'AirPods 3', city: HZ.name, ...HZ.center }))
    const inCity = async (s: SqliteListingSearch, city: string) =>
      (await s.query({ text: '耳机', city, sort: 'relevance', limit: 5, now: Date.now() })).items
    expect(await inCity(search, SH.name)).toHaveLength(1)
    // A listing that moves city leaves the old city's postings.
    await search.upsert({ ...moving, city: HZ.name, ...HZ.center })
    expect(await inCity(search, SH.name)).toHaveLength(0)
    expect(await inCity(search, HZ.name)).toHaveLength(2)
    const postings = (city: string) =>
      store.connection
        .prepare('SELECT count(*) FROM search_city_terms WHERE search_city_terms MATCH ?')
        .pluck()
        .get(`"${city}¦§earphones"`)
    expect([postings(SH.name), postings(HZ.name)]).toEqual([0, 2])
    // A database from before the city terms (same synonym table) gets them on open.
    store.connection.exec(`DELETE FROM search_city_terms;
      UPDATE search_meta SET value = replace(value, '+city', '')`)
    expect(await inCity(new SqliteListingSearch(store.connection), HZ.name)).toHaveLength(2)
    close()
  })

  it('tops a pool of mostly description matches up with the newest title matches', async () => {
    const { search, close } = open()
    const titled = makeDoc({ title: '索尼降噪耳机', category: 'other', subcategory: 'other.misc' })
    await search.upsert(titled)
    // Newer listings that mention 耳机 only in their description fill the newest-matches pool.
    for (let i = 0; i < 60; i++) {
      await search.upsert(
        makeDoc({
          title: `收纳盒 ${i}`,
          description: '可以放耳机',
          category: 'furniture',
          subcategory: 'furniture.storage',
        }),
      )
    }
    const page = await search.query({ text: '耳机', sort: 'relevance', limit: 5, now: Date.now() })
    expect(page.items[0]!.id).toBe(titled.id)
    close()
  })

  it('refuses a sortKey another listing uses, and one that is not a ULID', async () => {
    const { search, close } = open()
    const a = makeDoc()
    await search.upsert(a)
    await expect(search.upsert(makeDoc({ sortKey: a.sortKey }))).rejects.toThrow(/already used/)
    await expect(search.upsert(makeDoc({ sortKey: 'not-a-ulid' }))).rejects.toThrow(/not a ULID/)
    expect((await search.query({ sort: 'newest', limit: 5 })).items.map((i) => i.id)).toEqual([
      a.id,
    ])
    close()
  })

  it('escapes keyword text into FTS string literals', () => {
    expect(ftsString('a"b')).toBe('"a""b"')
    expect(trigramMatch(['iphone', 'or *'], 'any')).toBe('"iphone" AND "or *"')
    expect(trigramMatch(['abc'], 'title')).toBe('{title} : "abc"')
    expect(bigramMatch(['耳机', '书'], 'title')).toBe(
      `{title} : "${bigramToken('耳', '机')}" AND "u${'书'.codePointAt(0)!.toString(36).padStart(4, '0')}"`,
    )
    expect(parseKeyword(' iPhone　13 ')).toEqual({
      all: ['iphone', '13'],
      long: ['iphone'],
      short: ['13'],
    })
    expect(parseKeyword('   ')).toBeNull()
    expect(parseKeyword(undefined)).toBeNull()
  })

  it('indexes title unigrams and bigrams, description bigrams only, never across spaces', () => {
    const doc = bigramDocument('耳机 ab', '说明书')
    expect(doc.title.split(' ')).toHaveLength(4 + 2)
    expect(doc.body.split(' ')).toEqual([bigramToken('说', '明'), bigramToken('明', '书')])
  })

  it('orders rowids like sortKeys inside one millisecond, whatever the insertion order', () => {
    const ms = Date.UTC(2026, 0, 1)
    const bucket: { rowid: number; sortKey: string }[] = []
    const keys = Array.from({ length: 300 }, (_, i) =>
      ulidAt(
        ms,
        Array.from({ length: 16 }, (_, j) => (i * 31 + j * 7) % 32),
      ),
    )
    const monotonic = Array.from({ length: 300 }, (_, i) =>
      ulidAt(
        ms,
        [...i.toString(32).padStart(16, '0')].map((c) => parseInt(c, 32)),
      ),
    )
    for (const sortKey of [...new Set([...keys, ...monotonic])]) {
      let rowid = chooseRowid(sortKey, bucket)
      if (rowid === null) {
        spreadRowids(bucket[0]!.rowid - (bucket[0]!.rowid % BUCKET_SIZE), bucket.length).forEach(
          (r, i) => (bucket[i]!.rowid = r),
        )
        rowid = chooseRowid(sortKey, bucket)!
      }
      bucket.push({ rowid, sortKey })
      bucket.sort((a, b) => a.rowid - b.rowid)
    }
    const { first, last } = bucketOf(keys[0]!)
    expect(
      bucket.every(
        (b, i) =>
          b.rowid >= first && b.rowid <= last && (i === 0 || bucket[i - 1]!.sortKey < b.sortKey),
      ),
    ).toBe(true)
    expect(last - first + 1).toBe(BUCKET_SIZE)
    expect(
      Number.isSafeInteger(bucketOf(ulidAt(Date.UTC(2080, 0, 1), Array(16).fill(31))).last),
    ).toBe(true)
  })

  it('spreads a crowded millisecond out and keeps every index of the moved listings intact', async () => {
    const { search, store, close } = open()
    // A monotonic burst (same leading random bits) re-inserted out of order: neighbours collide.
    const ms = Date.UTC(2026, 5, 1)
    const keys = Array.from({ length: 60 }, (_, i) =>
      ulidAt(
        ms,
        [...i.toString(32).padStart(16, '0')].map((c) => parseInt(c, 32)),
      ),
    )
    const order = keys.map((_, i) => (i * 37) % keys.length)
    const docs = order.map((i) =>
      makeDoc({
        sortKey: keys[i]!,
        title: `同毫秒 ${i % 2 ? '耳机' : '相机'} item${i}`,
        description: i % 3 ? '九成新' : '送数据线',
        communityIds: i % 4 ? [] : ['c1'],
        latitude: SH.center.latitude + i / 111_195,
        longitude: SH.center.longitude,
      }),
    )
    for (const d of docs) await search.upsert(d)
    const newest = [...docs].sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1))
    const expectIds = async (
      q: Parameters<typeof search.query>[0],
      pick: (d: (typeof docs)[number]) => boolean,
    ) =>
      expect((await search.query(q)).items.map((i) => i.id)).toEqual(
        newest
          .filter(pick)
          .map((d) => d.id)
          .slice(0, q.limit),
      )
    await expectIds({ keyword: '同毫秒', sort: 'newest', limit: 50 }, () => true)
    await expectIds({ keyword: '耳机', sort: 'newest', limit: 50 }, (d) => d.title.includes('耳机'))
    await expectIds({ keyword: '数据线', sort: 'newest', limit: 50 }, (d) =>
      d.description.includes('数据线'),
    )
    await expectIds({ keyword: '毫', sort: 'newest', limit: 50 }, () => true)
    // Understood text: the terms table and its weights moved with the rows.
    await expectIds({ text: '相机', sort: 'newest', limit: 50 }, (d) => d.title.includes('相机'))
    await expectIds({ text: '充电线', sort: 'newest', limit: 50 }, (d) =>
      d.description.includes('数据线'),
    )
    const ranked = await search.query({ text: '耳机', sort: 'relevance', limit: 50, now: ms })
    expect(new Set(ranked.items.map((i) => i.id))).toEqual(
      new Set(docs.filter((d) => d.title.includes('耳机')).map((d) => d.id)),
    )
    await expectIds({ communityId: 'c1', sort: 'newest', limit: 50 }, (d) =>
      d.communityIds.includes('c1'),
    )
    const near = await search.query({
      near: { ...SH.center, radiusMeters: 30.4 },
      sort: 'distance',
      limit: 50,
    })
    expect(near.items.map((i) => i.distanceMeters)).toEqual(Array.from({ length: 31 }, (_, m) => m))
    const count = (table: string) =>
      store.connection.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    expect([
      count('search_listing'),
      count('search_body'),
      count('search_geo'),
      count('search_trigram'),
      count('search_bigram'),
    ]).toEqual([60, 60, 60, 60, 60])
    expect(count('search_listing WHERE pos < 0')).toBe(0)
    close()
  })

  it('round-trips cursors and rejects tampered ones', () => {
    const sortKey = ulidAt(Date.UTC(2026, 0, 1), Array(16).fill(3))
    const c = encodeSearchCursor({ sort: 'distance', key: 1234, sortKey })
    expect(decodeSearchCursor(c, 'distance')).toEqual({ sort: 'distance', key: 1234, sortKey })
    const tampered = Buffer.from(JSON.stringify(['distance', -1, sortKey])).toString('base64url')
    expect(() => decodeSearchCursor(tampered, 'distance')).toThrow(
      expect.objectContaining({ code: ErrorCodes.VALIDATION }),
    )
    const group = Buffer.from(JSON.stringify(['relevance', 2, sortKey])).toString('base64url')
    expect(() => decodeSearchCursor(group, 'relevance')).toThrow(
      expect.objectContaining({ code: ErrorCodes.VALIDATION }),
    )
  })

  it('answers a near query whose circle crosses float32 box edges exactly', async () => {
    const { search, close } = open()
    // Points a few centimetres inside and outside 1 000 m: the exact distance decides, not the box.
    const docs = [999.9, 1000.3, 1000.6].map((m) =>
      makeDoc({ latitude: SH.center.latitude + m / 111_195.08, longitude: SH.center.longitude }),
    )
    for (const d of docs) await search.upsert(d)
    const res = await search.query({
      near: { ...SH.center, radiusMeters: 1000.5 },
      sort: 'distance',
      limit: 10,
    })
    expect(res.items.map((i) => i.id)).toEqual([docs[1]!.id, docs[0]!.id]) // both round to 1 000 m: newest first
    close()
  })
})
