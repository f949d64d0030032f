import { failure, sdkFor, startSandbox, type SandboxHandle } from './sdk-harness'

describe('CloudBase sandbox: transactions through the real @cloudbase/node-sdk', () => {
  let sandbox: SandboxHandle
  beforeAll(async () => {
    sandbox = await startSandbox({ transactionLifetimeMs: 300 })
  })
  afterAll(() => sandbox.close())

  const fresh = async () => {
    const { db } = sdkFor(sandbox.url)
    await db.createCollection('acc')
    await db.collection('acc').add([
      { _id: 'a', n: 0 },
      { _id: 'b', n: 0 },
    ])
    const read = async (id: string) => (await db.collection('acc').doc(id).get()).data[0] ?? null
    return { db, read }
  }

  it('keeps writes invisible outside until commit, and applies all of them at once', async () => {
    const { db, read } = await fresh()
    const tx = await db.startTransaction()
    await tx.collection('acc').doc('a').update({ n: 1 })
    await tx.collection('acc').add({ _id: 'c', n: 7 })
    await tx.collection('acc').doc('b').remove()
    expect((await tx.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', n: 1 })
    expect(await read('a')).toEqual({ _id: 'a', n: 0 })
    expect(await read('c')).toBeNull()
    await tx.commit()
    expect([await read('a'), await read('b'), await read('c')]).toEqual([
      { _id: 'a', n: 1 },
      null,
      { _id: 'c', n: 7 },
    ])
  })

  it('discards everything on abort, and refuses the id afterwards', async () => {
    const { db, read } = await fresh()
    const tx = await db.startTransaction()
    await tx.collection('acc').doc('a').update({ n: 5 })
    await tx.rollback()
    expect(await read('a')).toEqual({ _id: 'a', n: 0 })
    expect((await failure(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
  })

  it('reads the snapshot it started from', async () => {
    const { db } = await fresh()
    const tx = await db.startTransaction()
    await db.collection('acc').doc('a').update({ n: 9 })
    expect((await tx.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', n: 0 })
    // ...and writing what it read would lose the outside update: a conflict.
    const e = await failure(tx.collection('acc').doc('a').update({ n: 1 }))
    expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect((await failure(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL') // aborted by the conflict
  })

  it('answers a conflict when two transactions write one document; runTransaction retries it', async () => {
    const { db, read } = await fresh()
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1.collection('acc').doc('a').update({ n: 1 })
    expect((await failure(t2.collection('acc').doc('a').update({ n: 2 }))).code).toBe(
      'DATABASE_TRANSACTION_CONFLICT',
    )
    await t1.commit()
    const increment = () =>
      db.runTransaction(async (tx: { collection(n: string): any }) => {
        const cur = (await tx.collection('acc').doc('b').get()).data
        await new Promise((r) => setTimeout(r, 5))
        await tx
          .collection('acc')
          .doc('b')
          .update({ n: cur.n + 1 })
      }, 10)
    await Promise.all([increment(), increment(), increment()])
    expect(await read('a')).toEqual({ _id: 'a', n: 1 })
    expect(await read('b')).toEqual({ _id: 'b', n: 3 })
  })

  it('makes a write outside wait for the transaction holding the document', async () => {
    const { db, read } = await fresh()
    const tx = await db.startTransaction()
    await tx.collection('acc').doc('a').update({ n: 1 })
    let outsideDone = false
    const outside = db
      .collection('acc')
      .doc('a')
      .update({ n: db.command.inc(10) })
      .then(() => (outsideDone = true))
    await new Promise((r) => setTimeout(r, 30))
    expect(outsideDone).toBe(false)
    await tx.commit()
    await outside
    expect(await read('a')).toEqual({ _id: 'a', n: 11 })
  })

  it('refuses queries inside a transaction (CloudBase transactions work by id) and inserts of an existing id', async () => {
    const { db } = await fresh()
    const tx = await db.startTransaction()
    expect((await failure(tx.collection('acc').where({ n: 0 }).get())).message).toMatch(
      /by _id only/,
    )
    const dup = await failure(tx.collection('acc').add({ _id: 'a', n: 1 }))
    expect(dup.message).toMatch(/E11000/)
  })

  it('aborts a transaction left open past its lifetime and frees its documents', async () => {
    const { db, read } = await fresh()
    const tx = await db.startTransaction()
    await tx.collection('acc').doc('a').update({ n: 1 })
    await db.collection('acc').doc('a').update({ n: 2 }) // waits for the expiry
    expect(await read('a')).toEqual({ _id: 'a', n: 2 })
    expect((await failure(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
  })
})
