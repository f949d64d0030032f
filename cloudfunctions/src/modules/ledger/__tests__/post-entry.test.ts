import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteDocumentStore } from '../../../adapters/store/sqlite-document-store'
import { postEntry } from '../application/post-entry'
import { LedgerEntries } from '../domain/ledger.record'
import { paymentEntry, refundEntry } from '../domain/ledger'

describe('postEntry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linquan-ledger-'))
  const store = new SqliteDocumentStore(join(dir, 'l.db'))
  afterAll(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('posts once per key, however often a callback retries', async () => {
    const entry = paymentEntry('LQ2026112400001', 'o1', 89_900, 1)
    const results = await Promise.all([
      postEntry({ store }, entry),
      postEntry({ store }, entry),
      postEntry({ store }, entry),
    ])
    expect(results.sort()).toEqual(['already', 'already', 'posted'])
    expect(await store.count(LedgerEntries, { orderId: 'o1' })).toBe(1)
  })

  it('refuses the same key with different money', async () => {
    await postEntry({ store }, refundEntry('RF1', 'o2', 100, 1))
    await expect(postEntry({ store }, refundEntry('RF1', 'o2', 200, 1))).rejects.toMatchObject({
      code: 'COMMON.CONFLICT',
    })
  })
})
