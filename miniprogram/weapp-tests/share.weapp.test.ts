/**
 * Sharing as the WeChat client drives it, on the built pages: 转发 from the ··· menu
 * ({ from: 'menu' }) and from the page's `<button open-type="share">`, 朋友圈, the updatable card
 * (wx.updateShareMenu), the card image drawn on an offscreen canvas within WeChat's 3 s, and a
 * page opened from a card: with `st` and a group's cloudID (wx.getGroupEnterInfo) the open is
 * recorded with both, the share made there carries the parent, and the page shows 来自群聊.
 */
import { ListingContract } from '@shared/contracts/listing.contract'
import { SearchContract } from '@shared/contracts/search.contract'
import { ShareContract } from '@shared/contracts/share.contract'
import { SocialContract } from '@shared/contracts/social.contract'
import {
  IDS,
  NO_TRUST,
  SHARE_TOKEN,
  community,
  listingCard,
  listingDetail,
  shareCreated,
  signedInDefaults,
  storefront,
} from './harness/fixtures'
import type { ShareCard } from './harness/share-card'
import { type Weapp, type WeappPage, bootWeapp } from './harness/weapp-app'

type Wx = Record<string, unknown>

/**
 * WeChat's offscreen 2D canvas (wx.createOffscreenCanvas) recording what is drawn, its images
 * loading at once, and canvasToTempFilePath answering a temp file: the card image's path.
 */
const installOffscreenCanvas = (wx: Wx) => {
  const texts: string[] = []
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) =>
      key in target
        ? target[key]
        : key === 'measureText'
          ? (t: string) => ({ width: t.length * 20 })
          : key === 'fillText'
            ? (t: string) => void texts.push(t)
            : () => undefined,
    set: (target, key, value) => ((target[key] = value), true),
  })
  const image = () => {
    const img = { width: 0, height: 0, onload: null as null | (() => void), src: '' }
    return new Proxy(img, {
      set(target, key, value) {
        ;(target as Record<string | symbol, unknown>)[key] = value
        if (key === 'src')
          setTimeout(
            () => (Object.assign(target, { width: 750, height: 750 }), target.onload?.()),
            0,
          )
        return true
      },
    })
  }
  wx.createOffscreenCanvas = (o: { width: number; height: number }) => ({
    ...o,
    getContext: () => ctx,
    createImage: image,
  })
  wx.canvasToTempFilePath = (o: { success?: (r: unknown) => void }) =>
    setTimeout(() => o.success?.({ tempFilePath: 'wxfile://tmp/share-card.jpg' }), 0)
  return { texts }
}

let app: Weapp
let canvas: ReturnType<typeof installOffscreenCanvas>
beforeAll(async () => {
  app = await bootWeapp({ defaults: signedInDefaults() })
  canvas = installOffscreenCanvas(app.wx.wx)
})
beforeEach(() => {
  app.reset()
  canvas.texts.splice(0)
})
afterEach(() => expect(app.cloud.violations).toEqual([]))

const FROM = [{ from: 'menu' }, { from: 'button', target: { id: 'detail-share' } }] as const

/** The page holds its token once share.create answered (the share menu is then set up). */
const tokenReady = (page: WeappPage) => () =>
  app.cloud.callsTo(ShareContract, 'create').length > 0 &&
  app.cloud.inFlight === 0 &&
  page.instance !== null

/** What WeChat shows after waiting for the handler's promise (it waits up to 3 s). */
const finalCard = async (card: ShareCard) => {
  const promise = card.raw.promise as Promise<Record<string, unknown>> | undefined
  expect(promise).toBeInstanceOf(Promise)
  return promise!
}

describe('闲置详情', () => {
  const open = async (query: Record<string, string> = { id: IDS.listing }, enter = {}) => {
    app.cloud.answer(ListingContract, 'get', listingDetail())
    const detail = await app.open('package-listing/detail/index', query, { enter })
    await detail.waitFor('降噪正常')
    await detail.waitFor(tokenReady(detail))
    await app.settled()
    return detail
  }

  it('asks share.create for the listing when it shows, first-hand (no parent, not from a group)', async () => {
    await open()
    expect(app.cloud.callsTo(ShareContract, 'create')).toEqual([
      { kind: 'listing', targetId: IDS.listing },
    ])
  })

  it.each(FROM)(
    '转发 (%o): the card’s title, its path with the token, the drawn image',
    async (from) => {
      const detail = await open()
      const card = await detail.shareAppMessage(from)
      expect(card.title).toBe('索尼WH-1000XM4降噪耳机')
      expect(card.route).toBe('package-listing/detail/index')
      expect(card.params).toEqual({ id: IDS.listing, st: SHARE_TOKEN })
      // The cover at once; the drawn 5:4 card (price, 在售) is what the promise brings.
      expect(card.imageUrl).toBe('https://example.test/a.jpg')
      await expect(finalCard(card)).resolves.toEqual({
        title: '索尼WH-1000XM4降噪耳机',
        path: `/package-listing/detail/index?id=${IDS.listing}&st=${SHARE_TOKEN}`,
        imageUrl: 'wxfile://tmp/share-card.jpg',
      })
      expect(canvas.texts).toEqual(expect.arrayContaining(['在售']))
      expect(canvas.texts.join('')).toContain('950')
    },
  )

  it('朋友圈: the title and the query that opens the listing with the token', async () => {
    const detail = await open()
    expect(detail.canShare()).toEqual({ appMessage: true, timeline: true })
    const timeline = await detail.shareTimeline()
    expect(timeline.title).toBe('索尼WH-1000XM4降噪耳机')
    expect(timeline.query).toBe(`id=${IDS.listing}&st=${SHARE_TOKEN}`)
    expect(timeline.params).toEqual({ id: IDS.listing, st: SHARE_TOKEN })
  })

  it('makes the card updatable (动态消息) with the activity id and the 在售 template', async () => {
    await open()
    expect(app.wx.callsTo('updateShareMenu')).toEqual([
      {
        withShareTicket: true,
        isUpdatableMessage: true,
        activityId: '966_NGiqKR2Vsandbox',
        templateInfo: {
          parameterList: [
            { name: 'member_count', value: '0' },
            { name: 'room_limit', value: '1' },
          ],
        },
      },
    ])
  })

  it('the visible 分享 button is a WeChat share button, and its card carries the token', async () => {
    const detail = await open()
    expect(detail.textOf('detail-share')).toBe('分享')
    expect(detail.attributes('detail-share')).toMatchObject({ openType: 'share' })
    const card = await detail.shareFromButton('detail-share')
    expect(card.params.st).toBe(SHARE_TOKEN)
  })

  it('opened from a group card: share.open gets the token and the group’s cloudID, the page says 来自群聊', async () => {
    const parent = 'P4RENT7KQX'
    app.wx.groupInfo = { cloudID: 'cloud-id-of-the-group' }
    app.cloud.answer(ShareContract, 'open', {
      group: { groupKey: 'GK7QX9HM2PA0ABCD', label: '阳光花园业主群' },
    })
    const detail = await open(
      { id: IDS.listing, st: parent },
      { scene: 1008, shareTicket: 'ticket-1' },
    )
    await detail.waitFor('来自群聊「阳光花园业主群」')
    expect(app.cloud.callsTo(ShareContract, 'open')).toEqual([
      { token: parent, via: 'card', groupCloudId: 'cloud-id-of-the-group' },
    ])
    expect(app.wx.callsTo('getGroupEnterInfo')).toEqual([{ shareTicket: 'ticket-1' }])
    // The viewer's own share grows the chain from the card they came through, from the group.
    const creates = app.cloud.callsTo(ShareContract, 'create')
    expect(creates[creates.length - 1]).toEqual({
      kind: 'listing',
      targetId: IDS.listing,
      parentToken: parent,
      fromGroup: true,
    })
    expect(detail.textOf('group-banner')).toContain('看看群闲置')
  })

  it('a card opened in a one-to-one chat asks for no group, and a forged token shows nothing', async () => {
    app.cloud.answer(ShareContract, 'open', { group: null })
    const detail = await open({ id: IDS.listing, st: 'FORGED0000' }, { scene: 1007 })
    expect(app.cloud.callsTo(ShareContract, 'open')).toEqual([{ token: 'FORGED0000', via: 'card' }])
    expect(app.wx.callsTo('getGroupEnterInfo')).toEqual([])
    expect(detail.has('group-banner')).toBe(false)
    expect(app.wx.callsTo('showToast')).toEqual([])
  })

  it('a poster’s 小程序码 (scene = token) opens its listing', async () => {
    app.cloud.answer(ShareContract, 'scene', {
      kind: 'listing',
      targetId: IDS.listing,
      token: SHARE_TOKEN,
    })
    app.cloud.answer(ShareContract, 'open', { group: null })
    await open({ scene: SHARE_TOKEN })
    expect(app.cloud.callsTo(ShareContract, 'scene')).toEqual([{ scene: SHARE_TOKEN }])
    expect(app.cloud.callsTo(ListingContract, 'get')[0]).toMatchObject({ id: IDS.listing })
    expect(app.cloud.callsTo(ShareContract, 'open')).toEqual([
      { token: SHARE_TOKEN, via: 'qrcode' },
    ])
  })

  it('shows the trust signals with the seller near the seller card', async () => {
    app.cloud.answer(ShareContract, 'trust', {
      ...NO_TRUST,
      sameGroupCount: 2,
      labels: ['同在 2 个群'],
    })
    const detail = await open()
    await detail.waitFor('同在 2 个群')
    expect(app.cloud.callsTo(ShareContract, 'trust')).toEqual([
      { userId: IDS.seller, listingId: IDS.listing },
    ])
  })
})

describe('卖家主页', () => {
  it.each([{ from: 'menu' }] as const)('转发 and 朋友圈 carry the token (%o)', async (from) => {
    app.cloud
      .answer(SocialContract, 'storefront', storefront())
      .answer(ListingContract, 'bySeller', { items: [listingCard()], nextCursor: null })
    const store = await app.open('package-social/storefront/index', { id: IDS.seller })
    await store.waitFor('九成新富士X100V相机')
    await store.waitFor(tokenReady(store))
    await app.settled()
    expect(app.cloud.callsTo(ShareContract, 'create')).toEqual([
      { kind: 'storefront', targetId: IDS.seller },
    ])
    const card = await store.shareAppMessage(from)
    expect(card.title).toBe('卖相机的老陈在邻圈的闲置')
    expect(card.route).toBe('package-social/storefront/index')
    expect(card.params).toEqual({ id: IDS.seller, st: SHARE_TOKEN })
    const timeline = await store.shareTimeline()
    expect(timeline.query).toBe(`id=${IDS.seller}&st=${SHARE_TOKEN}`)
    // Not a listing: no updatable card, the ordinary menu with a shareTicket.
    expect(app.wx.callsTo('updateShareMenu')).toEqual([])
    expect(app.wx.callsTo('showShareMenu')).toContainEqual(
      expect.objectContaining({
        withShareTicket: true,
        menus: ['shareAppMessage', 'shareTimeline'],
      }),
    )
  })
})

describe('圈子', () => {
  const open = async (answer: ReturnType<typeof community>) => {
    app.cloud
      .answer(SocialContract, 'community', answer)
      .answer(SearchContract, 'query', { items: [listingCard()], nextCursor: null, fallback: null })
    const page = await app.open('package-social/community/index', { id: IDS.community })
    await page.waitFor('九成新富士X100V相机')
    expect(page.textOf('community-name-title')).toBe('徐汇苑')
    await page.waitFor(tokenReady(page))
    await app.settled()
    return page
  }

  it('a member’s card invites to the community with the token; 朋友圈 too', async () => {
    const page = await open(community())
    const card = await page.shareAppMessage()
    expect(card.title).toBe('邀请你加入「徐汇苑」，看看邻居在卖什么')
    expect(card.route).toBe('package-social/community/index')
    expect(card.params).toEqual({ id: IDS.community, st: SHARE_TOKEN })
    const timeline = await page.shareTimeline()
    expect(timeline.params).toEqual({ id: IDS.community, st: SHARE_TOKEN })
  })

  it('share.create failing leaves the plain card: sharing never fails for the person', async () => {
    app.cloud.fail(ShareContract, 'create', 'COMMON.RATE_LIMITED')
    const page = await open(community({ isMember: false, inviteCode: null }))
    const card = await page.shareAppMessage()
    expect(card.route).toBe('package-social/community/index')
    expect(card.params).toEqual({ id: IDS.community })
    expect(app.wx.callsTo('showToast')).toEqual([])
  })
})

it('a page without a share hook offers no 转发 (我的)', async () => {
  const me = await app.open('pages/me/index')
  await me.waitFor('楼下的小王')
  expect(me.canShare()).toEqual({ appMessage: false, timeline: false })
  await expect(me.shareAppMessage()).rejects.toThrow('WeChat would not offer 转发')
  await expect(me.shareTimeline()).rejects.toThrow('WeChat would not offer 朋友圈')
})

it('keeps the fixture’s token shape (10 Crockford characters, as the server makes them)', () => {
  expect(shareCreated('listing', IDS.listing).token).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)
})
