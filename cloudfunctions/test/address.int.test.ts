import { loadOwnAddress } from '../src/modules/address/application/address-book.use-case'
import { AddressBooks, Addresses } from '../src/modules/address/domain/address.records'
import { main as address } from '../src/functions/address'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

let cloud: TestCloud
let aliceId: string
beforeEach(async () => {
  cloud = startTestCloud()
  ;[aliceId] = await signUp(cloud, 'o-alice', 'o-bob')
})
afterEach(() => cloud.stop())

const call = (openid: string | null, action: string, input?: unknown) =>
  invoke(address, cloud, openid, action, input)

const HOME = {
  name: '李明华',
  phone: '13812348000',
  region: { province: '浙江省', city: '杭州市', district: '西湖区' },
  detail: '文三路 478 号华星时代广场 A 座 1203',
  tag: '家',
}
const OFFICE = {
  name: '李明华',
  phone: '13900001111',
  region: { province: '上海市', city: '上海市', district: '浦东新区' },
  detail: '世纪大道 100 号环球金融中心 52 楼',
  tag: '公司',
}

const create = async (openid: string, input: object) => {
  const r = await call(openid, 'create', input)
  if (!r.ok) throw new Error(`create failed: ${r.error.code} ${r.error.message}`)
  return r.data as { id: string; version: number; isDefault: boolean }
}

describe('address book', () => {
  it('saves an address sealed at rest: the raw row has no plaintext name, phone or detail', async () => {
    const a = await create('o-alice', HOME)
    expect(a).toMatchObject({
      ...HOME,
      regionText: '浙江省 杭州市 西湖区',
      isDefault: true,
      version: 1,
    })
    const row = cloud.container.store.connection
      .prepare('SELECT * FROM c_addresses WHERE _id = ?')
      .get(a.id)
    const raw = JSON.stringify(row)
    for (const plain of ['李明华', '明华', '13812348000', '12348000', '华星时代广场', '1203'])
      expect(raw).not.toContain(plain)
    expect(raw).toContain('西湖区')

    const list = await call('o-alice', 'list', {})
    expect(list).toEqual({
      ok: true,
      data: {
        max: 20,
        items: [
          expect.objectContaining({
            id: a.id,
            name: '李*华',
            phone: '138****8000',
            detail: '文三路478****',
            tag: '家',
            isDefault: true,
          }),
        ],
      },
    })
    expect(await call('o-alice', 'get', { id: a.id })).toMatchObject({
      ok: true,
      data: { name: '李明华', phone: '13812348000', detail: HOME.detail },
    })
  })

  it('takes identity from the context only: another user can neither read, edit, default nor delete it', async () => {
    const a = await create('o-alice', HOME)
    expect(await call('o-bob', 'get', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(
      await call('o-bob', 'update', { ...OFFICE, id: a.id, expectedVersion: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } })
    expect(await call('o-bob', 'setDefault', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await call('o-bob', 'remove', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(await call('o-bob', 'list', {})).toEqual({ ok: true, data: { items: [], max: 20 } })
    // A userId smuggled into the input is refused, not honoured.
    expect(await call('o-bob', 'list', { userId: aliceId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
    expect(await call(null, 'list', {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
    expect(await call('o-alice', 'get', { id: a.id })).toMatchObject({
      ok: true,
      data: { name: '李明华', version: 1 },
    })
    await expect(loadOwnAddress(cloud.container, 'someone-else', a.id)).rejects.toMatchObject({
      code: 'COMMON.NOT_FOUND',
    })
  })

  it('answers each bad input with a clear code and field path, writing nothing', async () => {
    const bad: [object, string][] = [
      [{ ...HOME, phone: '12345' }, 'phone'],
      [{ ...HOME, phone: '23812348000' }, 'phone'],
      [{ ...HOME, name: '' }, 'name'],
      [{ ...HOME, detail: '12' }, 'detail'],
      [{ ...HOME, detail: '1234567' }, 'detail'],
      [{ ...HOME, detail: 'x'.repeat(81) }, 'detail'],
      [
        { ...HOME, region: { province: '火星', city: '杭州市', district: '西湖区' } },
        'region.province',
      ],
      [
        { ...HOME, region: { province: '浙江省', city: '上海市', district: '西湖区' } },
        'region.city',
      ],
      [
        { ...HOME, region: { province: '浙江省', city: '杭州市', district: '浦东新区' } },
        'region.district',
      ],
      [{ ...HOME, region: { province: '浙江省', city: '杭州市' } }, 'region.district'],
      [{ ...HOME, tag: '宿舍' }, 'tag'],
      [{ ...HOME, userId: 'x' }, ''],
    ]
    for (const [input, path] of bad) {
      const r = await call('o-alice', 'create', input)
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'COMMON.VALIDATION', details: { path } },
      })
    }
    expect(await call('o-alice', 'create', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
    expect(await cloud.container.store.count(Addresses, {})).toBe(0)
    expect(await cloud.container.store.count(AddressBooks, {})).toBe(0)
    // A city kept at city level takes no district.
    expect(
      await create('o-alice', { ...HOME, region: { province: '北京市', city: '北京市' } }),
    ).toMatchObject({ regionText: '北京市' })
  })

  it('keeps at most 20 addresses per user', async () => {
    for (let i = 0; i < 20; i++) await create('o-alice', { ...HOME, detail: `文三路 ${i + 1} 号` })
    expect(await call('o-alice', 'create', HOME)).toMatchObject({
      ok: false,
      error: { code: 'ADDRESS.TOO_MANY' },
    })
    expect(await call('o-bob', 'create', HOME)).toMatchObject({ ok: true })
    const list = await call('o-alice', 'list', {})
    expect(list.ok && list.data.items).toHaveLength(20)
    await call('o-alice', 'remove', { id: list.ok && list.data.items[3].id })
    // Three racing creates for the one free place: exactly one lands.
    const raced = await Promise.all([1, 2, 3].map(() => call('o-alice', 'create', HOME)))
    expect(raced.filter((r) => r.ok)).toHaveLength(1)
    expect(raced.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ADDRESS.TOO_MANY|COMMON.CONFLICT/)]),
    )
    expect(await cloud.container.store.count(Addresses, { userId: aliceId })).toBe(20)
  })

  it('has exactly one default: the first, then the one chosen; deleting it hands over to the newest', async () => {
    const home = await create('o-alice', HOME)
    cloud.clock.advance(1000)
    const office = await create('o-alice', OFFICE)
    expect(office.isDefault).toBe(false)
    const set = await call('o-alice', 'setDefault', { id: office.id })
    expect(
      set.ok && set.data.items.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]),
    ).toEqual([
      [office.id, true],
      [home.id, false],
    ])
    cloud.clock.advance(1000)
    const school = await create('o-alice', { ...HOME, tag: '学校', isDefault: true })
    const list = await call('o-alice', 'list', {})
    expect(
      list.ok &&
        list.data.items
          .filter((a: { isDefault: boolean }) => a.isDefault)
          .map((a: { id: string }) => a.id),
    ).toEqual([school.id])
    const removed = await call('o-alice', 'remove', { id: school.id })
    expect(
      removed.ok &&
        removed.data.items.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]),
    ).toEqual([
      [office.id, true],
      [home.id, false],
    ])
    expect(await call('o-alice', 'remove', { id: school.id })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
  })

  it('updates with compare-and-set on version: a stale edit is a CONFLICT and changes nothing', async () => {
    const a = await create('o-alice', HOME)
    const first = await call('o-alice', 'update', {
      ...HOME,
      detail: '文三路 1 号',
      id: a.id,
      expectedVersion: 1,
    })
    expect(first).toMatchObject({ ok: true, data: { detail: '文三路 1 号', version: 2 } })
    const stale = await call('o-alice', 'update', {
      ...HOME,
      detail: '文三路 2 号',
      id: a.id,
      expectedVersion: 1,
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'COMMON.CONFLICT' } })
    expect(await call('o-alice', 'get', { id: a.id })).toMatchObject({
      ok: true,
      data: { detail: '文三路 1 号', version: 2 },
    })
    const badPhone = await call('o-alice', 'update', {
      ...HOME,
      phone: '1381234',
      id: a.id,
      expectedVersion: 2,
    })
    expect(badPhone).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION', details: { path: 'phone' } },
    })
  })

  it('gives checkout the full address in the order’s shape, plus the city', async () => {
    const a = await create('o-alice', HOME)
    expect(await loadOwnAddress(cloud.container, aliceId, a.id)).toEqual({
      name: '李明华',
      phone: '13812348000',
      region: '浙江省 杭州市 西湖区',
      detail: HOME.detail,
      city: '杭州市',
    })
  })
})
