/**
 * The harness itself, on a visitor's session (the silent login failed): 我的 still renders and
 * offers 登录; entering from a group card (enter options, group info); element attributes and
 * share buttons; and the fake cloud's contract checks, error answers and unanswered calls.
 */
import { ListingContract } from '@shared/contracts/listing.contract'
import { UserContract } from '@shared/contracts/user.contract'
import { CloudError } from './harness/fake-cloud'
import { IDS, listingDetail } from './harness/fixtures'
import { type Weapp, bootWeapp } from './harness/weapp-app'

let app: Weapp
beforeAll(async () => {
  app = await bootWeapp({
    defaults: (cloud) => cloud.fail(UserContract, 'login', 'COMMON.UNAUTHENTICATED'),
  })
})
beforeEach(() => app.reset())

it('我的 says 未登录 and offers 登录, asking for no counters', async () => {
  const me = await app.open('pages/me/index')
  await me.waitFor('登录后可以发布闲置')
  expect(me.textOf('me-login')).toBe('登录')
  expect(me.has('me-nickname')).toBe(false)
  expect(me.textOf('me-count-listings')).toBe('-在售')
  await app.settled()
  expect(app.cloud.calls.map((c) => `${c.name}.${c.action}`)).toEqual([])
  // Signed out, the 消息 badge is cleared rather than left at an old count.
  expect(app.wx.callsTo('removeTabBarBadge')).toContainEqual({ index: 2 })
})

it('the detail page opened from a group card sees the enter options and the group info', async () => {
  app.cloud.answer(ListingContract, 'get', listingDetail())
  app.wx.groupInfo = { cloudID: 'cloud-id-of-group' }
  const detail = await app.open(
    'package-listing/detail/index',
    { id: IDS.listing },
    { enter: { scene: 1008, shareTicket: 'ticket-1' } },
  )
  await detail.waitFor('降噪正常')
  const wx = globalThis as unknown as { wx: Record<string, (o?: unknown) => unknown> }
  expect(wx.wx.getEnterOptionsSync()).toEqual({
    path: 'package-listing/detail/index',
    query: { id: IDS.listing },
    scene: 1008,
    shareTicket: 'ticket-1',
  })
  await expect(wx.wx.getGroupEnterInfo({ shareTicket: 'ticket-1' })).resolves.toMatchObject({
    cloudID: 'cloud-id-of-group',
  })
  await expect(wx.wx.getGroupEnterInfo({ shareTicket: 'forged' })).rejects.toMatchObject({
    errMsg: expect.stringContaining('fail'),
  })
  expect(app.wx.callsTo('getGroupEnterInfo')).toEqual([
    { shareTicket: 'ticket-1' },
    { shareTicket: 'forged' },
  ])
})

it('reads an element’s WXML attributes, and shares only from an open-type="share" button', async () => {
  app.cloud.answer(ListingContract, 'get', listingDetail())
  const detail = await app.open('package-listing/detail/index', { id: IDS.listing })
  await detail.waitFor('聊一聊')
  // 聊一聊 is a WeChat <button> (NutUI draws it as one), but not a share button.
  expect(detail.attributes('detail-chat')).toMatchObject({ openType: '' })
  await expect(detail.shareFromButton('detail-chat')).rejects.toThrow(
    '#detail-chat is a <button> with open-type "": tapping it would not share',
  )
  await expect(detail.shareFromButton('detail-title')).rejects.toThrow('is a <text>')
})

describe('the fake cloud', () => {
  it('refuses a fixture that breaks its contract, naming the field', () => {
    expect(() =>
      app.cloud.answer(ListingContract, 'get', listingDetail({ id: 'not-a-ulid' })),
    ).toThrow('listing.get breaks its contract: id: id 格式不正确')
  })

  it('records a computed answer that breaks its contract, and the page fails as the app would', async () => {
    app.cloud.answer(
      ListingContract,
      'get',
      () => ({ ...listingDetail(), priceFen: 'free' }) as never,
    )
    const detail = await app.open('package-listing/detail/index', { id: IDS.listing })
    await detail.waitFor('加载失败')
    expect(app.cloud.violations).toEqual([expect.stringContaining('listing.get: priceFen')])
  })

  it('answers a CloudError thrown by an answer with its error envelope', async () => {
    app.cloud.answer(ListingContract, 'get', () => {
      throw new CloudError('COMMON.NOT_FOUND')
    })
    const detail = await app.open('package-listing/detail/index', { id: IDS.listing })
    await detail.waitFor('这件闲置不见了')
    expect(app.cloud.unanswered).toEqual([])
  })

  it('lists the calls nobody answered', async () => {
    app.cloud.answer(ListingContract, 'get', listingDetail())
    const detail = await app.open('package-listing/detail/index', { id: IDS.listing })
    await detail.waitFor('降噪正常')
    await app.settled()
    // 立即购买 asks whether the listing is reserved; this file programs no answer for it.
    expect(app.cloud.unanswered).toEqual(['order.forListing'])
  })
})
