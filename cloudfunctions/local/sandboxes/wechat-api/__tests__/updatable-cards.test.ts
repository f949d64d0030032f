import { type Harness, startHarness } from './harness'

/** 动态消息 on the sandbox, spoken to as WeChat's docs describe (raw HTTP). */
let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(() => h.close())

const CREATE = '/cgi-bin/message/wxopen/activityid/create'
const SEND = '/cgi-bin/message/wxopen/updatablemsg/send'
const SELLER = 'o-seller-000001'

const create = async (query: Record<string, string> = {}) =>
  (await (await h.raw('GET', CREATE, query)).json()) as Record<string, any>
const params = (p: Record<string, unknown>) =>
  Object.entries(p).map(([name, value]) => ({ name, value }))
const send = async (activity_id: string, target_state: unknown, p: Record<string, unknown>) =>
  (
    await h.api(SEND, {
      activity_id,
      target_state,
      template_info: { parameter_list: params(p) },
    })
  ).body
const counts = (member: string, limit = '1') => ({ member_count: member, room_limit: limit })
const sold = { path: 'package-listing/detail/index?id=L1', version_type: 'develop' }
const card = async (id: string) =>
  (await h.control('GET', `cards?activity_id=${encodeURIComponent(id)}`)).body.card

describe('activityid/create', () => {
  test('GET with the access_token: an activity_id that expires in 24 h (seconds)', async () => {
    const a = await create({ openid: SELLER })
    expect(a).toMatchObject({ errcode: 0 })
    expect(a.activity_id).toMatch(/^\d{3}_[A-Za-z0-9_-]{40,}$/)
    expect(a.expiration_time).toBe((h.sandbox.clock.now() + 24 * 3600_000) / 1000)
    expect((await card(a.activity_id)).openid).toBe(SELLER)
    expect((await create()).activity_id).not.toBe(a.activity_id)
  })

  test('token checks as every API; POST is refused; a malformed openid is 40003', async () => {
    const noToken = await fetch(`${h.url}${CREATE}`)
    expect(((await noToken.json()) as any).errcode).toBe(41001)
    expect((await h.api(CREATE, {})).body.errcode).toBe(43001)
    expect((await create({ openid: 'x' })).errcode).toBe(40003)
  })
})

describe('updatablemsg/send', () => {
  test('checks the fields with WeChat errcodes and a refused send changes nothing', async () => {
    const { activity_id: id } = await create()
    const empty = await h.raw('POST', SEND, {}, '')
    expect(((await empty.json()) as any).errcode).toBe(44002)
    expect((await h.api(SEND, { target_state: 0 })).body.errcode).toBe(47001)
    expect((await send('966_nope', 0, counts('0'))).errcode).toBe(47501)
    expect((await send(id, 2, counts('0'))).errcode).toBe(47502)
    expect(
      (await h.api(SEND, { activity_id: id, target_state: 0, template_info: {} })).body.errcode,
    ).toBe(47001)
    // Numbers instead of strings: developers report 44002 from WeChat.
    expect((await send(id, 0, { member_count: 0, room_limit: 1 })).errcode).toBe(44002)
    expect((await send(id, 0, { member_count: '0' })).errcode).toBe(47001)
    expect((await send(id, 0, counts('2', '1'))).errcode).toBe(47001)
    expect((await send(id, 1, { path: 'p' })).errcode).toBe(47001)
    expect((await send(id, 1, { ...sold, version_type: 'beta' })).errcode).toBe(47503)
    expect((await send(id, 0, { ...counts('0'), colour: 'red' })).errcode).toBe(47001)
    expect(await card(id)).toMatchObject({ state: null, label: '未分享', history: [] })
  })

  test('在售 → 已预订 → 在售 → 已售出; state 1 is final (47502), history kept', async () => {
    const { activity_id: id } = await create({ openid: SELLER })
    expect(await send(id, 0, counts('0'))).toMatchObject({ errcode: 0 })
    expect((await card(id)).label).toBe('在售')
    await send(id, 0, counts('1'))
    expect(await card(id)).toMatchObject({
      state: 0,
      label: '已预订',
      wechatText: '成员正在加入，当前 1/1 人',
    })
    await send(id, 0, counts('0'))
    expect((await card(id)).label).toBe('在售')
    await send(id, 1, sold)
    expect((await send(id, 0, counts('0'))).errcode).toBe(47502)
    expect((await send(id, 1, sold)).errcode).toBe(47502)
    const final = await card(id)
    expect(final).toMatchObject({ state: 1, label: '已售出', wechatText: '已开始' })
    expect(final.parameters).toMatchObject(sold)
    expect(final.history.map((c: { label: string }) => c.label)).toEqual([
      '在售',
      '已预订',
      '在售',
      '已售出',
    ])
  })

  test('an activity_id expires after 24 h on the sandbox clock (47504)', async () => {
    const { activity_id: id } = await create()
    await h.sandbox.clock.advance!(24 * 3600_000 - 1)
    expect((await send(id, 0, counts('1'))).errcode).toBe(0)
    await h.sandbox.clock.advance!(1)
    expect((await send(id, 1, sold)).errcode).toBe(47504)
    expect((await card(id)).label).toBe('已预订')
  })
})

describe('control and inbox page', () => {
  test('a share puts a fresh card at 在售; another sharer of a private id is refused', async () => {
    const { activity_id: id } = await create({ openid: SELLER })
    const shared = await h.control('POST', 'cards/share', { activity_id: id, openid: SELLER })
    expect(shared.body.card).toMatchObject({ state: 0, label: '在售' })
    const other = await h.control('POST', 'cards/share', {
      activity_id: id,
      openid: 'o-other-0001',
    })
    expect(other).toMatchObject({ status: 400, body: { errcode: 40003 } })
    expect(
      (await h.control('POST', 'cards/share', { activity_id: '1_x', openid: SELLER })).status,
    ).toBe(404)
    const mine = await h.control('GET', `cards?openid=${SELLER}`)
    expect(mine.body.cards.map((c: { activity_id: string }) => c.activity_id)).toEqual([id])
    expect((await h.control('GET', 'cards?openid=o-nobody-01')).body.cards).toEqual([])
  })

  test('the inbox page shows each card with its current state', async () => {
    const { activity_id: id } = await create({ openid: SELLER })
    await send(id, 1, sold)
    const html = await (await fetch(`${h.url}/inbox?openid=${SELLER}`)).text()
    expect(html).toContain('动态消息卡片')
    expect(html).toContain(`data-label="已售出"`)
    const other = await (await fetch(`${h.url}/inbox?openid=o-nobody-01`)).text()
    expect(other).not.toContain('data-activity-id')
  })
})
