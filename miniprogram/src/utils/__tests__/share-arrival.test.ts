import type { ShareCreated } from '@shared/contracts/share.contract'
import {
  groupBannerText,
  posterSceneOf,
  shareLinkOf,
  shareMessage,
  shareTokenOf,
  timelineMessage,
  viaOfScene,
} from '../share-arrival'

const LISTING = '01JQ8Z0000000000000000AB03'
const created = (over: Partial<ShareCreated> = {}): ShareCreated => ({
  token: 'K7QX9LM2PA',
  kind: 'listing',
  targetId: LISTING,
  path: `/package-listing/detail/index?id=${LISTING}&st=K7QX9LM2PA`,
  timelineQuery: `id=${LISTING}&st=K7QX9LM2PA`,
  depth: 1,
  reused: false,
  activityId: null,
  activityExpiresAt: null,
  templateInfo: null,
  card: {
    title: '索尼耳机',
    imageUrl: 'https://x.test/cover.jpg',
    priceFen: 95000,
    status: 'on_sale',
  },
  ...over,
})
const plain = { title: '索尼耳机', path: `/package-listing/detail/index?id=${LISTING}` }
const title = (c: ShareCreated) => c.card.title

describe('what a page was opened with', () => {
  it('reads the token (st), decoded and trimmed, and nothing from an empty one', () => {
    expect(shareTokenOf({ id: LISTING, st: 'K7QX9LM2PA' })).toBe('K7QX9LM2PA')
    expect(shareTokenOf({ st: '%20K7QX9LM2PA' })).toBe('K7QX9LM2PA')
    expect(shareTokenOf({ st: '' })).toBeNull()
    expect(shareTokenOf({ id: LISTING })).toBeNull()
  })

  it('reads a poster’s scene as WeChat encodes it, and keeps a malformed one as it is', () => {
    expect(posterSceneOf({ scene: 'K7QX9LM2PA' })).toBe('K7QX9LM2PA')
    expect(posterSceneOf({ scene: 'a%3Db' })).toBe('a=b')
    expect(posterSceneOf({ scene: '%E0%A4%A' })).toBe('%E0%A4%A')
  })

  it('counts 朋友圈 scenes as the timeline and every other as a card', () => {
    expect(viaOfScene(1154)).toBe('timeline')
    expect(viaOfScene(1155)).toBe('timeline')
    expect(viaOfScene(1008)).toBe('card')
    expect(viaOfScene(undefined)).toBe('card')
  })
})

describe('shareMessage (onShareAppMessage)', () => {
  it('without a token yet answers the plain card', () => {
    expect(shareMessage(null, plain, title, null)).toEqual(plain)
  })

  it('answers the token’s path, the cover at once and the drawn image through the promise', async () => {
    const answer = shareMessage(created(), plain, title, Promise.resolve('wxfile://card.png'))
    expect(answer).toMatchObject({
      title: '索尼耳机',
      path: created().path,
      imageUrl: 'https://x.test/cover.jpg',
    })
    await expect(answer.promise).resolves.toEqual({
      title: '索尼耳机',
      path: created().path,
      imageUrl: 'wxfile://card.png',
    })
  })

  it('a failed drawing still resolves with the token’s card (WeChat keeps the cover)', async () => {
    const answer = shareMessage(created(), plain, title, Promise.reject(new Error('no canvas')))
    await expect(answer.promise).resolves.toEqual({ title: '索尼耳机', path: created().path })
  })

  it('a card without an image leaves imageUrl out (WeChat then uses a screenshot)', () => {
    const c = created({ card: { title: '徐汇苑', imageUrl: null, priceFen: null, status: null } })
    expect(shareMessage(c, plain, () => '邀请你加入「徐汇苑」', null)).toEqual({
      title: '邀请你加入「徐汇苑」',
      path: c.path,
    })
  })
})

describe('timelineMessage (onShareTimeline)', () => {
  it('answers the token’s query, or the plain one before the token came', () => {
    expect(timelineMessage(created(), { title: 't', query: `id=${LISTING}` }, title)).toEqual({
      title: '索尼耳机',
      query: `id=${LISTING}&st=K7QX9LM2PA`,
      imageUrl: 'https://x.test/cover.jpg',
    })
    expect(timelineMessage(null, { title: 't', query: `id=${LISTING}` }, title)).toEqual({
      title: 't',
      query: `id=${LISTING}`,
    })
  })
})

it('the browser’s link puts the card path in the router’s hash', () => {
  expect(shareLinkOf({ origin: 'http://127.0.0.1:8080', pathname: '/' }, created().path)).toBe(
    `http://127.0.0.1:8080/#/package-listing/detail/index?id=${LISTING}&st=K7QX9LM2PA`,
  )
})

it('names a group by its label, or 这个群聊 before a member named it', () => {
  expect(groupBannerText('阳光花园业主群')).toBe('来自群聊「阳光花园业主群」')
  expect(groupBannerText(null)).toBe('来自这个群聊')
})
