import { main as listingMain } from '../src/functions/listing'
import { main as socialMain } from '../src/functions/social'
import { FakeWechatShare } from '../src/modules/share/__tests__/fake-wechat-share'
import { GroupIds, Groups } from '../src/modules/share/domain/share.records'
import { GROUP_MISSES } from '../src/modules/share/domain/share.limits'
import { publishListing, XUHUI } from './fixtures'
import { invoke, startTestCloud, type TestCloud } from './harness'
import { PEOPLE, shareWorld } from './share-harness'

const GROUP = 'tGopenGId-neighbours-0001'
const OTHER_GROUP = 'tGopenGId-school-parents-02'

describe('group circles (群闲置): learnt from confirmed cloudIDs, shown to members only', () => {
  let cloud: TestCloud
  let w: Awaited<ReturnType<typeof shareWorld>>
  let token: string
  beforeEach(async () => {
    cloud = startTestCloud()
    w = await shareWorld(cloud)
    const listing = await publishListing(cloud, PEOPLE.seller.openid)
    token = (await w.must('alice', 'create', { kind: 'listing', targetId: listing.id })).token
  })
  afterEach(() => cloud.stop())

  const notFound = {
    ok: false,
    error: { code: 'SHARE.GROUP_NOT_FOUND', message: '没有找到这个群' },
  }

  it('an open with a confirmed cloudID makes the viewer a member; the group has a random key and no name', async () => {
    const opened = await w.openInGroup('bob', token, GROUP)
    expect(opened.group).toEqual({
      groupKey: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{16}$/),
      label: null,
    })
    const again = await w.openInGroup('carol', token, GROUP)
    expect(again.group.groupKey).toBe(opened.group.groupKey)
    const mine = await w.must('bob', 'myGroups')
    expect(mine.items).toEqual([
      expect.objectContaining({ groupKey: opened.group.groupKey, label: null, memberCount: 2 }),
    ])
    expect(JSON.stringify([opened, again, mine])).not.toContain(GROUP)
    expect(await cloud.container.store.get(Groups, opened.group.groupKey)).toMatchObject({
      label: null,
    })
    expect(await cloud.container.store.get(GroupIds, GROUP)).toMatchObject({
      groupKey: opened.group.groupKey,
    })
  })

  it("someone else's, forged or expired cloudIDs are ignored without an error", async () => {
    const bobs = w.wx.issueCloudId(PEOPLE.bob.openid, GROUP)
    expect(await w.call('carol', 'open', { token, via: 'card', groupCloudId: bobs })).toEqual({
      ok: true,
      data: { group: null },
    })
    expect(
      await w.call('carol', 'open', { token, via: 'card', groupCloudId: 'forged-cloud-id' }),
    ).toEqual({ ok: true, data: { group: null } })
    cloud.clock.advance(FakeWechatShare.CLOUD_ID_LIFETIME_MS + 1)
    expect(await w.call('bob', 'open', { token, via: 'card', groupCloudId: bobs })).toEqual({
      ok: true,
      data: { group: null },
    })
    w.wx.failNext('openGroupId')
    expect(await w.openInGroup('dave', token, GROUP)).toEqual({ group: null })
    for (const who of ['bob', 'carol', 'dave'] as const)
      expect((await w.must(who, 'myGroups')).items).toEqual([])
  })

  it('a non-member gets exactly the answer of a key that does not exist, for every group action', async () => {
    const { groupKey } = (await w.openInGroup('bob', token, GROUP)).group
    const listing = await publishListing(cloud, PEOPLE.stranger.openid, { title: '路人的自行车' })
    for (const [action, input] of [
      ['group', { groupKey }],
      ['postToGroup', { groupKey, listingId: listing.id }],
      ['setGroupLabel', { groupKey, label: '隔壁群' }],
    ] as const) {
      const real = await w.call('stranger', action, input)
      const made = await w.call('stranger', action, { ...input, groupKey: 'ZZZZZZZZZZZZZZZZ' })
      expect(real).toMatchObject(notFound)
      expect(real).toEqual(made)
    }
    expect((await w.must('stranger', 'myGroups')).items).toEqual([])
  })

  it('guessing keys is limited: after 10 misses every group action is refused, a real key too', async () => {
    const { groupKey } = (await w.openInGroup('carol', token, GROUP)).group
    await w.openInGroup('stranger', token, OTHER_GROUP)
    const own = (await w.must('stranger', 'myGroups')).items[0].groupKey
    for (let i = 0; i < GROUP_MISSES.limit; i++)
      expect(await w.call('stranger', 'group', { groupKey: `GUESS${i}` })).toMatchObject(notFound)
    for (const key of [groupKey, own, 'GUESSAGAIN'])
      expect(await w.call('stranger', 'group', { groupKey: key })).toMatchObject({
        ok: false,
        error: { code: 'COMMON.RATE_LIMITED' },
      })
  })

  it("a group's page lists what its members sell, and what they posted to it; posting is the seller's own listing on sale", async () => {
    const { groupKey } = (await w.openInGroup('bob', token, GROUP)).group
    await w.openInGroup('seller', token, GROUP)
    const bobs = await publishListing(cloud, PEOPLE.bob.openid, { title: '小李的书架' })
    const strangers = await publishListing(cloud, PEOPLE.stranger.openid, { title: '路人的台灯' })
    expect(await w.must('bob', 'postToGroup', { groupKey, listingId: bobs.id })).toMatchObject({
      groupKey,
      listingId: bobs.id,
    })
    expect(await w.call('bob', 'postToGroup', { groupKey, listingId: strangers.id })).toMatchObject(
      {
        ok: false,
        error: { code: 'COMMON.FORBIDDEN' },
      },
    )
    await invoke(listingMain, cloud, PEOPLE.bob.openid, 'takeDown', { id: bobs.id })
    expect(await w.call('bob', 'postToGroup', { groupKey, listingId: bobs.id })).toMatchObject({
      ok: false,
      error: { code: 'SHARE.LISTING_NOT_ON_SALE' },
    })
    await invoke(listingMain, cloud, PEOPLE.bob.openid, 'relist', { id: bobs.id })
    const page = await w.must('seller', 'group', { groupKey })
    expect(page.group).toMatchObject({ groupKey, memberCount: 2, postedCount: 1 })
    expect(page.posted.map((l: { title: string }) => l.title)).toEqual(['小李的书架'])
    const titles = page.items.map((l: { title: string }) => l.title)
    expect(titles).toEqual(expect.arrayContaining(['小李的书架', '索尼 WH-1000XM4 降噪耳机']))
    expect(titles).not.toContain('路人的台灯')
  })

  it('a member names the group for every member; the name is screened', async () => {
    const { groupKey } = (await w.openInGroup('bob', token, GROUP)).group
    await w.openInGroup('carol', token, GROUP)
    expect(await w.must('bob', 'setGroupLabel', { groupKey, label: '  幸福里业主群 ' })).toEqual({
      groupKey,
      label: '幸福里业主群',
    })
    expect((await w.must('carol', 'myGroups')).items[0].label).toBe('幸福里业主群')
    for (const label of ['加微信 wx:abc12345', '邻圈官方群', '群 13800138000'])
      expect(await w.call('bob', 'setGroupLabel', { groupKey, label })).toMatchObject({
        ok: false,
        error: { code: 'SHARE.LABEL_REFUSED' },
      })
    expect(
      await w.call('bob', 'setGroupLabel', { groupKey, label: '长'.repeat(21) }),
    ).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION', details: { path: 'label' } } })
    expect(await w.must('carol', 'setGroupLabel', { groupKey, label: null })).toEqual({
      groupKey,
      label: null,
    })
  })
})

describe('trust signals: only what the viewer shares with the other person', () => {
  let cloud: TestCloud
  let w: Awaited<ReturnType<typeof shareWorld>>
  let listingId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    w = await shareWorld(cloud)
    listingId = (await publishListing(cloud, PEOPLE.seller.openid)).id
    // Alice shares the seller's listing into the group; Bob and the seller open it there.
    const { token } = await w.must('alice', 'create', { kind: 'listing', targetId: listingId })
    await w.openInGroup('bob', token, GROUP)
    await w.openInGroup('seller', token, GROUP)
    // The seller and Bob live in the same 小区.
    const community = await invoke(socialMain, cloud, PEOPLE.seller.openid, 'createCommunity', {
      name: '幸福里小区',
      type: 'residential',
      location: XUHUI,
    })
    if (!community.ok) throw new Error(community.error.code)
    await invoke(socialMain, cloud, PEOPLE.bob.openid, 'joinCommunity', {
      communityId: community.data.id,
    })
  })
  afterEach(() => cloud.stop())

  const trust = (who: Parameters<typeof w.call>[0], over: Record<string, unknown> = {}) =>
    w.call(who, 'trust', { userId: w.ids.seller, listingId, ...over })
  const empty = { sameGroupCount: 0, sharedBy: null, sameCommunityCount: 0, labels: [] }

  it('shows the shared group count, the friend who shared it and the shared community', async () => {
    expect(await trust('bob')).toEqual({
      ok: true,
      data: {
        sameGroupCount: 1,
        sharedBy: { nickname: '小王', isTheUser: false },
        sameCommunityCount: 1,
        labels: ['同在 1 个群', '你的好友 小王 分享给你', '同一小区'],
      },
    })
  })

  it('nothing for strangers, guests or oneself', async () => {
    expect(await trust('stranger')).toEqual({ ok: true, data: empty })
    expect(await trust(null)).toEqual({ ok: true, data: empty })
    expect(await trust('seller')).toEqual({ ok: true, data: empty })
  })

  it('"show me in trust signals" off: that user appears in nobody’s signals (and sees none)', async () => {
    expect(await w.must('seller', 'settings')).toEqual({ showInTrustSignals: true })
    expect(await w.must('seller', 'updateSettings', { showInTrustSignals: false })).toEqual({
      showInTrustSignals: false,
    })
    expect(await trust('bob')).toEqual({ ok: true, data: empty })
    expect(await w.call('seller', 'trust', { userId: w.ids.bob })).toEqual({
      ok: true,
      data: empty,
    })
    await w.must('seller', 'updateSettings', { showInTrustSignals: true })
    await w.must('alice', 'updateSettings', { showInTrustSignals: false })
    expect(await trust('bob')).toMatchObject({
      ok: true,
      data: { sameGroupCount: 1, sharedBy: null },
    })
  })
})
