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
        .prepare(
          `EXPLAIN QUERY PLAN SELECT doc FROM "c_listings" WHERE "f_city" = ? AND "f_status" = ? ORDER BY "f_sortKey" DESC LIMIT 21`,
        )
        .all('上海', 'active') as { detail: string }[]
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX listings__city_status_sort/)
      expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/)
      store.close()
    })()
  })

  it('recreates a table first created inside a transaction that rolled back', async () => {
    const store = new SqliteDocumentStore(':memory:')
    const spec = {
      name: 'created_in_rollback',
      indexes: [{ name: 'by_n', fields: [{ field: 'n' }] }],
    }
    await expect(
      store.transaction(async (tx) => {
        await tx.insert(spec, { _id: 'a', n: 1 } as never)
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    expect(await store.get(spec, 'a')).toBeNull()
    await store.insert(spec, { _id: 'b', n: 2 } as never)
    expect(await store.count(spec, { n: 2 } as never)).toBe(1)
    store.close()
  })

  it('refuses field names that could smuggle SQL', async () => {
    const store = new SqliteDocumentStore(':memory:')
    const spec = { name: 'x', indexes: [] }
    await expect(store.find(spec, { "a') OR 1=1 --": 1 } as never, { limit: 1 })).rejects.toThrow(
      /invalid field/,
    )
    store.close()
  })
})
