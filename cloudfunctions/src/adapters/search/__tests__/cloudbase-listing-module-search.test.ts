import { distanceMeters, snapToGrid } from '@shared/domain/geo'
import { aListingRecord, XUHUI } from '../../../../local/mothers/listing.mother'
import {
  sdkFor,
  startSandbox,
  type SandboxHandle,
} from '../../../../local/cloudbase-sandbox/__tests__/sdk-harness'
import type { Deps } from '../../../modules/deps'
import { setFavoriteCount } from '../../../modules/listing/application/listing-records'
import {
  insertListing,
  updateListingRecord,
} from '../../../modules/listing/application/save-listing'
import { Listings } from '../../../modules/listing/domain/listing.record'
import { ulidAt } from '../../../modules/search/__tests__/listing-search.contract'
import { cloudbaseIndexes } from '../../store/cloudbase-indexes'
import { CloudbaseDocumentStore } from '../../store/cloudbase-document-store'
import { databaseOf } from '../../store/cloudbase-sdk.types'
import { CloudbaseListingSearch } from '../cloudbase-listing-search'
import { LISTING_SEARCH_INDEXES } from '../cloudbase-search-entry'
import { searchDatabaseOf } from '../cloudbase-search-where'

/**
 * The listing module's own writes (save-listing.ts) on CloudBase: the listing and its search
 * field in one document, written in one transaction, through every kind of listing write.
 */
let sandbox: SandboxHandle
beforeAll(async () => {
  const listingIndexes = cloudbaseIndexes([Listings]).listings!
  sandbox = await startSandbox({
    indexes: { listings: [...listingIndexes, ...LISTING_SEARCH_INDEXES] },
  })
})
afterAll(() => sandbox.close())

const T = Date.UTC(2026, 10, 1)

const cloud = () => {
  const { app } = sdkFor(sandbox.url)
  const store = new CloudbaseDocumentStore(databaseOf(app))
  const search = new CloudbaseListingSearch(searchDatabaseOf(app), store)
  return { store, search, deps: { store, search } as unknown as Deps }
}

const nearby = { ...XUHUI, radiusMeters: 1_000 }

describe('listing writes on CloudBase keep the listing document and its search field together', () => {
  it('publishes, edits, counts and hides a listing', async () => {
    const { store, search, deps } = cloud()
    const id = ulidAt(T, Array(16).fill(7))
    const listing = aListingRecord({ _id: id, title: '索尼降噪耳机 WH-1000XM4' }, T)
    await insertListing(deps, listing)

    const stored = (await store.get(Listings, id)) as typeof listing & { search?: unknown }
    expect(stored).toMatchObject({ title: listing.title, version: 1, location: XUHUI })
    expect(stored.search).toMatchObject({ status: 'active', sortKey: id, city: '上海' })
    const found = async (q: Partial<Parameters<typeof search.query>[0]>) =>
      (await search.query({ sort: 'newest', limit: 10, city: '上海', ...q })).items
    expect(await found({ keyword: '耳机' })).toEqual([{ id, distanceMeters: null }])
    expect(await found({ text: '耳机', sort: 'relevance', now: T })).toHaveLength(1)
    // Distance is to the snapped point the index keeps, never the seller's own position.
    const snapped = snapToGrid(XUHUI)
    expect(await found({ near: nearby, sort: 'distance' })).toEqual([
      { id, distanceMeters: Math.round(distanceMeters(XUHUI, snapped)) },
    ])
    expect(distanceMeters(XUHUI, snapped)).toBeGreaterThan(1)

    // A seller edit re-indexes in the same transaction.
    const edited = await updateListingRecord(deps, stored, { title: '佳能相机 EOS R6' })
    expect(await found({ keyword: '耳机' })).toEqual([])
    expect(await found({ keyword: '相机' })).toEqual([{ id, distanceMeters: null }])

    // A counter written in a transaction without re-indexing keeps the index, point included.
    await store.transaction((tx) => setFavoriteCount(tx, id, 3))
    expect((await store.get(Listings, id))!.favoriteCount).toBe(3)
    expect((await found({ near: nearby, sort: 'distance' })).map((h) => h.id)).toEqual([id])

    // Hidden by a ban: out of search, the listing itself kept.
    await updateListingRecord(deps, { ...edited, favoriteCount: 3 }, { sellerBannedUntil: T + 1 })
    expect(await found({ keyword: '相机' })).toEqual([])
    expect(await found({ near: nearby, sort: 'distance' })).toEqual([])
    const hidden = (await store.get(Listings, id)) as typeof listing & { search?: unknown }
    expect(hidden).toMatchObject({ title: '佳能相机 EOS R6', favoriteCount: 3 })
    expect(hidden.search).toBeUndefined()
  })

  it('writes neither when the listing transaction fails', async () => {
    const { store, search, deps } = cloud()
    const id = ulidAt(T, Array(16).fill(9))
    await expect(
      insertListing(deps, aListingRecord({ _id: id, title: '失败的发布' }, T), async () => {
        throw new Error('a write beside the listing failed')
      }),
    ).rejects.toThrow('a write beside the listing failed')
    expect(await store.get(Listings, id)).toBeNull()
    expect((await search.query({ keyword: '发布', sort: 'newest', limit: 5 })).items).toEqual([])
  })
})
