import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { failure, sdkFor, startSandbox, type SandboxHandle } from './sdk-harness'

const PEOPLE_SQUARE = [121.4737, 31.2304]
/** ~1.11 km north, ~3.3 km north, and one ~1.09 km east of the square. */
const shops = [
  { _id: 's1', kind: 'cafe', at: [121.4737, 31.2404] },
  { _id: 's2', kind: 'cafe', at: [121.4737, 31.2604] },
  { _id: 's3', kind: 'book', at: [121.4852, 31.2304] },
]

describe('CloudBase sandbox: geo operators', () => {
  let sandbox: SandboxHandle
  beforeAll(async () => {
    sandbox = await startSandbox({
      indexes: { shops: [{ name: 'loc', keys: { loc: '2dsphere' } }] },
    })
  })
  afterAll(() => sandbox.close())

  const fresh = async () => {
    const { db } = sdkFor(sandbox.url)
    await db.createCollection('shops')
    await db.createCollection('plain')
    const docs = shops.map(({ at, ...s }) => ({ ...s, loc: new db.Geo.Point(at[0], at[1]) }))
    await db.collection('shops').add(docs)
    await db.collection('plain').add(docs)
    return { db, _: db.command, here: new db.Geo.Point(PEOPLE_SQUARE[0], PEOPLE_SQUARE[1]) }
  }

  it('runs $geoNear with a query, nearest first, distances in metres', async () => {
    const { db, here } = await fresh()
    const { data } = await db
      .collection('shops')
      .aggregate()
      .geoNear({
        near: here,
        distanceField: 'm',
        spherical: true,
        maxDistance: 2000,
        query: { kind: 'cafe' },
      })
      .end()
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['s1'])
    expect(data[0].m).toBeGreaterThan(1100)
    expect(data[0].m).toBeLessThan(1125)
    const all = await db
      .collection('shops')
      .aggregate()
      .geoNear({ near: here, distanceField: 'm', spherical: true })
      .limit(2)
      .end()
    expect(all.data.map((d: { _id: string }) => d._id)).toEqual(['s3', 's1'])
  })

  it('answers geoNear and geoWithin in where clauses', async () => {
    const { db, _, here } = await fresh()
    const near = await db
      .collection('shops')
      .where({ loc: _.geoNear({ geometry: here, maxDistance: 5000 }) })
      .get()
    expect(near.data.map((d: { _id: string }) => d._id)).toEqual(['s3', 's1', 's2'])
    const within = await db
      .collection('plain')
      .where({ kind: 'cafe', loc: _.geoWithin({ centerSphere: [here, 2000 / 6378100] }) })
      .get()
    expect(within.data.map((d: { _id: string }) => d._id)).toEqual(['s1'])
  })

  it('refuses geoNear without a 2dsphere index, as MongoDB does', async () => {
    const { db, _, here } = await fresh()
    const e = await failure(
      db
        .collection('plain')
        .where({ loc: _.geoNear({ geometry: here }) })
        .get(),
    )
    expect(e.message).toMatch(/2dsphere index/)
    const agg = await failure(
      db
        .collection('plain')
        .aggregate()
        .geoNear({ near: here, distanceField: 'm', spherical: true })
        .end(),
    )
    expect(agg.code).toBe('DATABASE_REQUEST_FAILED')
  })
})

describe('CloudBase sandbox: state file', () => {
  it('keeps collections, indexes and documents across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-sandbox-'))
    const stateFile = join(dir, 'cloudbase.json')
    const indexes = { u: [{ name: 'code', keys: { code: 1 as const }, unique: true }] }
    const first = await startSandbox({ stateFile, indexes })
    const one = sdkFor(first.url, 'persist-env')
    await one.db.createCollection('u')
    await one.db.collection('u').add({ _id: 'a', code: 'X', at: new Date(7) })
    await first.close()
    const second = await startSandbox({ stateFile })
    const two = sdkFor(second.url, 'persist-env')
    expect((await two.db.collection('u').doc('a').get()).data).toEqual([
      { _id: 'a', code: 'X', at: new Date(7) },
    ])
    expect((await failure(two.db.collection('u').add({ _id: 'b', code: 'X' }))).message).toMatch(
      /E11000/,
    )
    await second.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
