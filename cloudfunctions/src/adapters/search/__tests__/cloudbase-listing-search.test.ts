import { CITIES } from '@shared/domain/cities'
import { distanceMeters } from '@shared/domain/geo'
import { defineCollection } from '../../../modules/core/ports/document-store.port'
import {
  listingSearchContract,
  makeDoc,
} from '../../../modules/search/__tests__/listing-search.contract'
import { listingSearchTextContract } from '../../../modules/search/__tests__/listing-search-text.contract'
import {
  sdkFor,
  startSandbox,
  type SandboxHandle,
} from '../../../../local/cloudbase-sandbox/__tests__/sdk-harness'
import { CloudbaseDocumentStore } from '../../store/cloudbase-document-store'
import { databaseOf } from '../../store/cloudbase-sdk.types'
import { CloudbaseListingSearch } from '../cloudbase-listing-search'
import { LISTING_SEARCH_INDEXES, type SearchEntry } from '../cloudbase-search-entry'
import { searchDatabaseOf } from '../cloudbase-search-where'

// Every call is a signed HTTP request to the sandbox: the property tests take tens of seconds.
jest.setTimeout(600_000)

const SH = CITIES.find((c) => c.name === '上海')!

let sandbox: SandboxHandle
beforeAll(async () => {
  sandbox = await startSandbox({ indexes: { listings: LISTING_SEARCH_INDEXES } })
})
afterAll(() => sandbox.close())

/** The real SDK against the sandbox, in a fresh environment (database) per world. */
const open = () => {
  const { app } = sdkFor(sandbox.url)
  const store = new CloudbaseDocumentStore(databaseOf(app))
  const search = new CloudbaseListingSearch(searchDatabaseOf(app), store)
  return {
    store,
    search,
    transaction: <R>(fn: () => Promise<R>) => store.transaction(() => fn()),
    close: () => undefined,
  }
}

listingSearchContract('CloudBase (node-sdk against the sandbox)', open)
listingSearchTextContract('CloudBase (node-sdk against the sandbox)', open)

interface ListingLike {
  _id: string
  title: string
  version: number
  search?: unknown
}
const ListingsAsStored = defineCollection<ListingLike>('listings')

describe('CloudbaseListingSearch specifics', () => {
  it("writes the index into the listing's own document, in the listing's transaction", async () => {
    const { store, search } = open()
    const doc = makeDoc({ title: '同一文档 耳机' })
    await store.transaction(async (tx) => {
      await tx.insert(ListingsAsStored, { _id: doc.id, title: doc.title, version: 1 })
      await search.upsert(doc)
    })
    const stored = (await store.get(ListingsAsStored, doc.id)) as ListingLike & {
      search: SearchEntry
    }
    expect(stored).toMatchObject({ _id: doc.id, title: doc.title, version: 1 })
    expect(stored.search.tokens).toEqual(expect.arrayContaining(['g:耳机', 'u:耳', 's:耳机']))
    // The SDK reads the GeoJSON point back as a db.Geo.Point.
    expect(stored.search.point).toMatchObject({
      longitude: doc.longitude,
      latitude: doc.latitude,
    })
    // A listing write that does not re-index (a view count) keeps the index whole, point
    // included, in a transaction (which rewrites the document) and outside one.
    await store.transaction((tx) => tx.update(ListingsAsStored, doc.id, { version: 2 }))
    await store.update(ListingsAsStored, doc.id, { version: 3 })
    expect(
      (
        await search.query({
          keyword: '耳机',
          near: { ...SH.center, radiusMeters: 100 },
          sort: 'distance',
          limit: 5,
        })
      ).items,
    ).toEqual([{ id: doc.id, distanceMeters: 0 }])
    // A re-index outside a transaction and a removal leave the listing's own fields alone.
    await search.upsert({ ...doc, title: '同一文档 相机' })
    expect(await store.get(ListingsAsStored, doc.id)).toMatchObject({
      title: doc.title,
      version: 3,
    })
    await search.remove(doc.id)
    expect(await store.get(ListingsAsStored, doc.id)).toEqual({
      _id: doc.id,
      title: doc.title,
      version: 3,
    })
    await store.transaction(async () => {
      await search.upsert(doc)
      await search.remove(doc.id)
    })
    expect(await store.get(ListingsAsStored, doc.id)).toEqual({
      _id: doc.id,
      title: doc.title,
      version: 3,
    })
  })

  it('matches keywords and text through the token array alone', async () => {
    const { app } = sdkFor(sandbox.url)
    const store = new CloudbaseDocumentStore(databaseOf(app))
    const search = new CloudbaseListingSearch(searchDatabaseOf(app), store)
    const [kept, stripped] = [makeDoc({ title: '降噪耳机' }), makeDoc({ title: '降噪耳机' })]
    await search.upsert(kept)
    await search.upsert(stripped)
    // The same listing with its tokens gone: title, description and everything else intact.
    await app.database().collection('listings').doc(stripped.id).update({ 'search.tokens': [] })
    for (const q of [{ keyword: '耳机' }, { keyword: '降噪耳机' }, { text: '耳机' }])
      expect((await search.query({ ...q, sort: 'newest', limit: 5 })).items).toEqual([
        { id: kept.id, distanceMeters: null },
      ])
    expect((await search.query({ sort: 'newest', limit: 5 })).items).toHaveLength(2)
  })

  it('rolls the listing and its index back together', async () => {
    const { store, search } = open()
    const doc = makeDoc({ title: '回滚的宝贝' })
    await expect(
      store.transaction(async (tx) => {
        await tx.insert(ListingsAsStored, { _id: doc.id, title: doc.title, version: 1 })
        await search.upsert(doc)
        throw new Error('a later write failed')
      }),
    ).rejects.toThrow('a later write failed')
    expect(await store.get(ListingsAsStored, doc.id)).toBeNull()
    expect((await search.query({ keyword: '宝贝', sort: 'newest', limit: 5 })).items).toEqual([])
  })

  it('drops the index document it created itself when the listing leaves search', async () => {
    const { store, search } = open()
    const doc = makeDoc()
    await search.upsert(doc)
    await search.upsert({ ...doc, status: 'removed' })
    expect(await store.get(ListingsAsStored, doc.id)).toBeNull()
    await search.upsert({ ...doc, status: 'sold' })
    const sold = (await store.get(ListingsAsStored, doc.id)) as { search: SearchEntry }
    expect(sold.search.status).toBe('sold')
    expect(sold.search.point).toBeUndefined() // sold listings are never found nearby
  })

  it('needs the declared 2dsphere index for nearby search, as CloudBase does', async () => {
    const bare = await startSandbox()
    try {
      const { app } = sdkFor(bare.url)
      const store = new CloudbaseDocumentStore(databaseOf(app))
      const search = new CloudbaseListingSearch(searchDatabaseOf(app), store)
      await search.upsert(makeDoc())
      expect((await search.query({ sort: 'newest', limit: 5 })).items).toHaveLength(1)
      await expect(
        search.query({ near: { ...SH.center, radiusMeters: 100 }, sort: 'distance', limit: 5 }),
      ).rejects.toThrow(/2dsphere/)
    } finally {
      await bare.close()
    }
  })

  it('measures distances as shared/domain/geo does, not on MongoDB’s larger sphere', async () => {
    const { search } = open()
    // 10 km due north: 10 000 m on our sphere, about 10 011 m on MongoDB's.
    const far = makeDoc({ latitude: SH.center.latitude + 9_999.7 / 111_195.08 })
    await search.upsert(far)
    const hits = await search.query({
      near: { ...SH.center, radiusMeters: 10_000 },
      sort: 'distance',
      limit: 5,
    })
    expect(hits.items).toEqual([
      { id: far.id, distanceMeters: Math.round(distanceMeters(SH.center, far)) },
    ])
    expect(hits.items[0]!.distanceMeters).toBe(10_000)
  })
})
