import { documentStoreContract } from '../../../modules/core/__tests__/document-store.contract'
import { defineCollection } from '../../../modules/core/ports/document-store.port'
import {
  sdkFor,
  startSandbox,
  type SandboxHandle,
} from '../../../../local/cloudbase-sandbox/__tests__/sdk-harness'
import { CloudbaseDocumentStore } from '../cloudbase-document-store'
import { cloudbaseIndexes } from '../cloudbase-indexes'
import { databaseOf } from '../cloudbase-sdk.types'

interface Code {
  _id: string
  code?: string
  meta?: { a?: number; b?: number }
  note?: string
}
const Codes = defineCollection<Code>('cb_codes', [
  { name: 'code', fields: [{ field: 'code' }], unique: true },
])

let sandbox: SandboxHandle
beforeAll(async () => {
  sandbox = await startSandbox({ indexes: cloudbaseIndexes([Codes]) })
})
afterAll(() => sandbox.close())

/** A store over the real SDK, in a fresh sandbox environment. */
const openStore = () => new CloudbaseDocumentStore(databaseOf(sdkFor(sandbox.url).app))

documentStoreContract('CloudBase (node-sdk against the sandbox)', () => ({
  store: openStore(),
  close: () => undefined,
}))

describe('CloudbaseDocumentStore specifics', () => {
  it('replaces a nested object whole on update, as the SQLite adapter does, and removes undefined fields', async () => {
    const store = openStore()
    await store.insert(Codes, { _id: 'a', meta: { a: 1, b: 2 }, note: 'x' })
    const next = await store.update(Codes, 'a', { meta: { a: 5 }, note: undefined })
    expect(next).toEqual({ _id: 'a', meta: { a: 5 } })
    expect(await store.get(Codes, 'a')).toEqual({ _id: 'a', meta: { a: 5 } })
    await store.transaction((tx) => tx.update(Codes, 'a', { meta: { b: 1 } }))
    expect(await store.get(Codes, 'a')).toEqual({ _id: 'a', meta: { b: 1 } })
  })

  it('answers a unique index violation as a CONFLICT, in and out of transactions', async () => {
    const store = openStore()
    await store.insert(Codes, { _id: 'a', code: 'X' })
    await expect(store.insert(Codes, { _id: 'b', code: 'X' })).rejects.toMatchObject({
      code: 'COMMON.CONFLICT',
    })
    await expect(
      store.transaction(async (tx) => {
        await tx.insert(Codes, { _id: 'c', code: 'Y' })
        await tx.update(Codes, 'c', { code: 'X' })
      }),
    ).rejects.toMatchObject({ code: 'COMMON.CONFLICT' })
    expect(await store.get(Codes, 'c')).toBeNull()
  })

  it('checks an expectation of null or of absence exactly', async () => {
    const store = openStore()
    await store.insert(Codes, { _id: 'a' })
    await expect(
      store.update(Codes, 'a', { note: 'n' }, { expect: { note: null } as never }),
    ).rejects.toMatchObject({
      code: 'COMMON.CONFLICT',
    })
    expect(await store.update(Codes, 'a', { note: 'n' }, { expect: { note: undefined } })).toEqual({
      _id: 'a',
      note: 'n',
    })
  })

  it('joins calls made through the store inside a transaction', async () => {
    const store = openStore()
    await store
      .transaction(async () => {
        await store.insert(Codes, { _id: 'j' })
        expect(await store.get(Codes, 'j')).toEqual({ _id: 'j' })
        await store.transaction((inner) => inner.update(Codes, 'j', { note: 'inner' }))
        throw new Error('roll back')
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'))
    expect(await store.get(Codes, 'j')).toBeNull()
  })

  it('retries write conflicts between instances that share one database', async () => {
    const env = sdkFor(sandbox.url).env
    const [a, b] = [1, 2].map(
      () => new CloudbaseDocumentStore(databaseOf(sdkFor(sandbox.url, env).app)),
    )
    await a.insert(Codes, { _id: 'n', note: '' })
    const append = (store: CloudbaseDocumentStore, mark: string) =>
      store.transaction(async (tx) => {
        const cur = await tx.get(Codes, 'n')
        await new Promise((r) => setTimeout(r, 2))
        await tx.update(Codes, 'n', { note: `${cur?.note ?? ''}${mark}` })
      })
    await Promise.all(['a', 'b', 'c'].flatMap((m) => [append(a, m), append(b, m.toUpperCase())]))
    expect([...((await b.get(Codes, 'n'))?.note ?? '')].sort().join('')).toBe('ABCabc')
  })
})
