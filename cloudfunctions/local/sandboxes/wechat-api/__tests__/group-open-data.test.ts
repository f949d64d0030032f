import { createWechatApiSandbox, SEEDED_GROUPS } from '../index'
import { type Harness, startHarness } from './harness'

/** Group cloudIDs: issued by the control (the WeChat client's part), traded at wxa/getopendata. */
let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(() => h.close())

const BUYER = 'o-buyer-000001'
const SUNSHINE = SEEDED_GROUPS[0]
const enter = async (openid: string, group: string) =>
  (await h.control('POST', 'group-enter', { openid, group })).body
const openData = async (openid: string | undefined, cloudid_list: unknown) => {
  const res = await h.raw('POST', '/wxa/getopendata', openid ? { openid } : {}, { cloudid_list })
  return (await res.json()) as { errcode: number; data_list?: { cloud_id: string; json: string }[] }
}
/** The `json` of the only entry, parsed (WeChat documents it as a string). */
const single = async (openid: string, cloudID: string) => {
  const answer = await openData(openid, [cloudID])
  expect(answer.errcode).toBe(0)
  expect(answer.data_list![0].cloud_id).toBe(cloudID)
  expect(typeof answer.data_list![0].json).toBe('string')
  return JSON.parse(answer.data_list![0].json)
}

test('seeded groups with opaque openGIds; a cloudID resolves to its group for its own user', async () => {
  const groups = (await h.control('GET', 'groups')).body.groups
  expect(groups.map((g: { name: string }) => g.name)).toEqual(SEEDED_GROUPS.map((g) => g.name))
  const gid = groups[0].openGId as string
  expect(gid).toMatch(/^tG[A-Za-z0-9_-]{26}$/)
  expect(gid).not.toContain(SUNSHINE.id)
  const entered = await enter(BUYER, SUNSHINE.name)
  expect(entered).toMatchObject({ errMsg: 'getGroupEnterInfo:ok', group: SUNSHINE })
  expect(entered.expiresAt).toBe(h.sandbox.clock.now() + 5 * 60_000)
  const open = await single(BUYER, entered.cloudID)
  expect(open).toEqual({
    cloudID: entered.cloudID,
    data: {
      opengid: gid,
      watermark: { appid: 'wx0sandbox0linquan', timestamp: h.sandbox.clock.now() / 1000 },
    },
  })
  // Twice is fine while it lives; by id or by name, the same group.
  expect((await single(BUYER, entered.cloudID)).data.opengid).toBe(gid)
  const again = await enter('o-buyer-000002', SUNSHINE.id)
  expect((await single('o-buyer-000002', again.cloudID)).data.opengid).toBe(gid)
})

test('another openid, an expired or a forged cloudID: WeChat open-data errors, no opengid', async () => {
  const { cloudID } = await enter(BUYER, SUNSHINE.id)
  expect(await single('o-stranger-01', cloudID)).toEqual({
    cloudID,
    errCode: -601007,
    errMsg: 'cloudID and calling user does not match',
  })
  expect(await single(BUYER, '27_forgedforgedforgedforged')).toMatchObject({ errCode: -601005 })
  await h.sandbox.clock.advance!(5 * 60_000 - 1)
  expect((await single(BUYER, cloudID)).data.opengid).toBeTruthy()
  await h.sandbox.clock.advance!(1)
  expect(await single(BUYER, cloudID)).toEqual({
    cloudID,
    errCode: -601006,
    errMsg: 'cloudID expired.',
  })
})

test('request checks: openid 40003, cloudid_list 47001', async () => {
  const { cloudID } = await enter(BUYER, SUNSHINE.id)
  expect((await openData(undefined, [cloudID])).errcode).toBe(40003)
  expect((await openData('bad', [cloudID])).errcode).toBe(40003)
  expect((await openData(BUYER, cloudID)).errcode).toBe(47001)
  expect((await openData(BUYER, [])).errcode).toBe(47001)
  expect((await openData(BUYER, [1])).errcode).toBe(47001)
  expect((await openData(BUYER, Array(21).fill(cloudID))).errcode).toBe(47001)
})

test('openGIds are stable per (appid, group) and differ across groups and apps', async () => {
  const gids = (s: ReturnType<typeof createWechatApiSandbox>) =>
    s.share.groups.list().map((g) => g.openGId)
  const mine = gids(h.sandbox)
  expect(new Set(mine).size).toBe(mine.length)
  expect(gids(createWechatApiSandbox({ timers: 'manual' }))).toEqual(mine)
  const otherApp = gids(createWechatApiSandbox({ timers: 'manual', appid: 'wx0other0app' }))
  expect(otherApp.some((g) => mine.includes(g))).toBe(false)
})

test('control: groups can be added; unknown groups and bad openids are refused', async () => {
  const added = await h.control('POST', 'groups', { name: '古北业主群' })
  expect(added.body.group).toMatchObject({ name: '古北业主群', enters: 0 })
  expect((await h.control('POST', 'groups', { name: '古北业主群' })).status).toBe(400)
  expect((await h.control('POST', 'groups', { name: '' })).status).toBe(400)
  const { cloudID } = await enter(BUYER, '古北业主群')
  expect((await single(BUYER, cloudID)).data.opengid).toBe(added.body.group.openGId)
  expect(await h.control('POST', 'group-enter', { openid: BUYER, group: '无此群' })).toMatchObject({
    status: 400,
    body: { errcode: 40097 },
  })
  expect(
    (await h.control('POST', 'group-enter', { openid: 'x', group: SUNSHINE.id })).body.errcode,
  ).toBe(40003)
})
