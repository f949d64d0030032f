import { aUser } from '../local/mothers/user.mother'
import { main as shareMain } from '../src/functions/share'
import { FakeWechatShare } from '../src/modules/share/__tests__/fake-wechat-share'
import type { Clock } from '../src/modules/core/ports/clock.port'
import type { Container } from '../src/platform/container'

type Envelope =
  { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

/** The people of the share tests: openid → nickname. */
export const PEOPLE = {
  seller: { openid: 'o-share-seller', nickname: '卖家老王' },
  alice: { openid: 'o-share-alice', nickname: '小王' },
  bob: { openid: 'o-share-bob', nickname: '小李' },
  carol: { openid: 'o-share-carol', nickname: '小张' },
  dave: { openid: 'o-share-dave', nickname: '小赵' },
  stranger: { openid: 'o-share-stranger', nickname: '路人甲' },
} as const
export type Who = keyof typeof PEOPLE

/**
 * The share function over a test cloud whose WeChat is the in-memory fake (installed in the
 * container the functions look up), with the share people signed up under their nicknames.
 */
export const shareWorld = async (cloud: {
  container: Container
  clock: Clock
  contextFor: (openid: string | null) => unknown
}) => {
  const wx = new FakeWechatShare(cloud.clock)
  cloud.container.wechatShare = wx
  const ids = {} as Record<Who, string>
  for (const [who, p] of Object.entries(PEOPLE))
    ids[who as Who] = (await aUser(cloud.container, p.openid, { nickname: p.nickname }))._id
  const call = async (who: Who | null, action: string, input: unknown = {}) =>
    (await shareMain(
      { action, input },
      cloud.contextFor(who ? PEOPLE[who].openid : null),
    )) as Envelope
  const must = async (who: Who, action: string, input: unknown = {}) => {
    const res = await call(who, action, input)
    if (!res.ok) throw new Error(`share.${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  /** `who` opens the card of `token` in group `openGId` (a cloudID WeChat issued to them). */
  const openInGroup = (who: Who, token: string, openGId: string) =>
    must(who, 'open', {
      token,
      via: 'card',
      groupCloudId: wx.issueCloudId(PEOPLE[who].openid, openGId),
    })
  return { wx, ids, call, must, openInGroup }
}
