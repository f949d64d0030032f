import { sdkFor, failure, sendAction, startSandbox, type SandboxHandle } from './sdk-harness'

describe('CloudBase sandbox: documents through the real @cloudbase/node-sdk', () => {
  let sandbox: SandboxHandle
  beforeAll(async () => {
    sandbox = await startSandbox({
      indexes: { uniq: [{ name: 'code', keys: { code: 1 }, unique: true }] },
    })
  })
  afterAll(() => sandbox.close())

  const fresh = async (name = 'items') => {
    const { db } = sdkFor(sandbox.url)
    await db.createCollection(name)
    return { db, _: db.command, coll: db.collection(name) }
  }

  it('inserts, gets by id and refuses a second insert of the id', async () => {
    const { coll } = await fresh()
    expect(await coll.add({ _id: 'a', n: 1, big: 1796302657238, when: new Date(5) })).toMatchObject(
      { id: 'a' },
    )
    const { data } = await coll.doc('a').get()
    expect(data).toEqual([{ _id: 'a', n: 1, big: 1796302657238, when: new Date(5) }])
    const e = await failure(coll.add({ _id: 'a', n: 2 }))
    expect(e.code).toBe('DATABASE_REQUEST_FAILED')
    expect(e.message).toMatch(/E11000 duplicate key/)
    const { id } = await coll.add({ n: 3 })
    expect(id).toMatch(/^[0-9a-f]{32}$/)
  })

  it('answers where queries with command operators, order, skip, limit and projection', async () => {
    const { coll, _ } = await fresh()
    await coll.add(
      Array.from({ length: 12 }, (_x, i) => ({
        _id: `d${String(i).padStart(2, '0')}`,
        n: i % 4,
        odd: i % 2 === 1,
        tag: i % 3 ? `t${i % 3}` : null,
      })),
    )
    const ids = async (q: object, order: 'asc' | 'desc' = 'asc') =>
      (await coll.where(q).orderBy('n', order).orderBy('_id', order).get()).data.map(
        (d: { _id: string }) => d._id,
      )
    expect(await ids({ n: _.in([0, 3]), odd: false })).toEqual(['d00', 'd04', 'd08'])
    expect(await ids({ n: _.gt(1).and(_.lte(3)) }, 'desc')).toEqual([
      'd11',
      'd07',
      'd03',
      'd10',
      'd06',
      'd02',
    ])
    expect(await ids({ tag: null, n: _.neq(0) })).toEqual(['d09', 'd06', 'd03'])
    expect(await ids({ tag: _.nin(['t1']), n: 2 })).toEqual(['d02', 'd06'])
    const page = await coll
      .where({})
      .orderBy('_id', 'asc')
      .skip(3)
      .limit(2)
      .field({ n: true })
      .get()
    expect(page.data).toEqual([
      { _id: 'd03', n: 3 },
      { _id: 'd04', n: 0 },
    ])
    expect((await coll.where({ odd: true }).count()).total).toBe(6)
  })

  it('updates with $set, $inc, $unset and $push, counting what changed', async () => {
    const { coll, _ } = await fresh()
    await coll.add({ _id: 'a', n: 1, o: { p: 1, q: 2 }, tags: ['x'], gone: true })
    expect(
      await coll
        .doc('a')
        .update({ n: _.inc(2), 'o.p': 5, tags: _.push(['y', 'z']), gone: _.remove() }),
    ).toMatchObject({ updated: 1 })
    expect((await coll.doc('a').get()).data[0]).toEqual({
      _id: 'a',
      n: 3,
      o: { p: 5, q: 2 },
      tags: ['x', 'y', 'z'],
    })
    // A nested object in update() merges field by field; _.set replaces it whole.
    await coll.doc('a').update({ o: _.set({ r: 1 }) })
    expect((await coll.doc('a').get()).data[0].o).toEqual({ r: 1 })
    expect(await coll.doc('a').update({ n: 3 })).toMatchObject({ updated: 0 })
    expect(await coll.doc('missing').update({ n: 3 })).toMatchObject({ updated: 0 })
    const res = await coll.where({ _id: 'a', n: 3 }).updateAndReturn({ n: _.inc(1) })
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'a', n: 4 } })
    expect(await coll.where({ _id: 'a', n: 3 }).updateAndReturn({ n: _.inc(1) })).toMatchObject({
      updated: 0,
      doc: null,
    })
    await coll.doc('b').set({ n: 9 })
    expect((await coll.doc('b').get()).data).toEqual([{ _id: 'b', n: 9 }])
    expect(await coll.where({ n: _.gte(4) }).update({ flag: true })).toMatchObject({ updated: 2 })
  })

  it('removes by id and by query', async () => {
    const { coll, _ } = await fresh()
    await coll.add([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 3 },
    ])
    expect(await coll.doc('a').remove()).toMatchObject({ deleted: 1 })
    expect(await coll.doc('a').remove()).toMatchObject({ deleted: 0 })
    expect(await coll.where({ n: _.gte(2) }).remove()).toMatchObject({ deleted: 2 })
    expect((await coll.count()).total).toBe(0)
  })

  it('enforces unique indexes declared for the collection (sparse: a missing field never collides)', async () => {
    const { coll } = await fresh('uniq')
    await coll.add([{ _id: 'a', code: 'X1' }, { _id: 'b' }, { _id: 'c' }])
    expect((await failure(coll.add({ _id: 'd', code: 'X1' }))).message).toMatch(/E11000.*code/)
    expect((await failure(coll.doc('b').update({ code: 'X1' }))).code).toBe(
      'DATABASE_REQUEST_FAILED',
    )
  })

  it('refuses unknown collections, unsupported operators, unknown actions and bad keys', async () => {
    const { db, coll } = await fresh()
    expect((await failure(db.collection('nope').get())).code).toBe('DATABASE_COLLECTION_NOT_EXIST')
    expect((await failure(db.createCollection('items'))).code).toBe(
      'DATABASE_COLLECTION_ALREADY_EXIST',
    )
    const where = await failure(coll.where({ $where: 'this.n > 1' }).get())
    expect(where).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringMatching(/\$where/),
    })
    const rawUpdate = await failure(
      coll
        .options({ raw: true })
        .where({})
        .update({ $currentDate: { at: true } }),
    )
    expect(rawUpdate.message).toMatch(/\$currentDate/)
    expect((await failure(sendAction(db, 'database.getInTransaction', {}))).code).toBe(
      'INVALID_ACTION',
    )
    const forged = sdkFor(sandbox.url, 'x', { secretId: 'AKIDsandboxtest', secretKey: 'wrong' })
    expect(await failure(forged.db.collection('items').get())).toMatchObject({
      code: 'SIGN_PARAM_INVALID',
      message: 'signature mismatch',
    })
    const stranger = sdkFor(sandbox.url, 'x', { secretId: 'AKIDother', secretKey: 'k' })
    expect((await failure(stranger.db.collection('items').get())).message).toMatch(
      /unknown secretId/,
    )
  })

  it('keeps environments apart', async () => {
    const a = await fresh()
    await a.coll.add({ _id: 'only-in-a' })
    const b = await fresh()
    expect((await b.coll.count()).total).toBe(0)
  })
})
