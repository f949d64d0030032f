import { documentStoreContract } from '../../../modules/core/__tests__/document-store.contract'
import { SqliteDocumentStore } from '../sqlite-document-store'

documentStoreContract('SQLite', () => {
  const store = new SqliteDocumentStore(':memory:')
  return { store, close: () => store.close() }
})

describe('SqliteDocumentStore specifics', () => {
  it('answers an indexed feed query from the declared index, not a scan', () => {
    const store = new SqliteDocumentStore(':memory:')
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db
    return (async () => {
      const { Listings } = await import('../../../modules/listing/domain/listing.record')
      await store.count(Listings, {})
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "c_listings" WHERE "f_city" = ? AND "f_status" = ? ORDER BY "f_sortKey" DESC LIMIT 21`)
        .all('上海', 'active') as { detail: string }[]
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX listings__city_status_sort/)
      expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/)
      store.close()
    })()
  })

  it('refuses field names that could smuggle SQL', async () => {
    const store = new SqliteDocumentStore(':memory:')
    const spec = { name: 'x', indexes: [] }
    await expect(store.find(spec, { "a') OR 1=1 --": 1 } as never, { limit: 1 })).rejects.toThrow(/invalid field/)
    store.close()
  })
})
