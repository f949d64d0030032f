import { main as listing } from '../src/functions/listing'
import { main as user } from '../src/functions/user'
import { goodsInput, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

/**
 * A fileId is only a name: a listing, an avatar or an ID photo may name the caller's own uploads
 * of that kind and nothing else (the ID photo case runs against the WeChat Pay sandbox, in
 * merchant.int.test.ts).
 */
let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await signUp(cloud, 'o-seller', 'o-thief')
})
afterEach(() => cloud.stop())

const notOwned = (path: string) => ({
  ok: false,
  error: { code: 'FILE.NOT_OWNED', details: { path } },
})

/** `openid` publishes the standard listing with `over`, its default photo being the publisher's own. */
const create = async (openid: string, over: Record<string, unknown>) =>
  invoke(listing, cloud, openid, 'create', await goodsInput(cloud, over, openid))

describe("listings take only the seller's own uploads", () => {
  it("refuses a listing with another user's photo, and one with another user's video", async () => {
    const sellers = await cloud.uploadPhoto('o-seller')
    const stolen = await create('o-thief', {
      photoFileIds: [await cloud.uploadPhoto('o-thief'), sellers],
    })
    expect(stolen).toMatchObject(notOwned('photoFileIds.1'))
    if (!stolen.ok) expect(stolen.error.message).toMatch(/自己上传/)

    const video = await cloud.uploadPhoto('o-seller', 'listing-videos')
    expect(await create('o-thief', { videoFileId: video })).toMatchObject(notOwned('videoFileId'))
    // The owner may use both.
    expect(await create('o-seller', { photoFileIds: [sellers], videoFileId: video })).toMatchObject(
      { ok: true },
    )
  })

  it("refuses the seller's own upload of another kind (an avatar is no listing photo)", async () => {
    const avatar = await cloud.uploadPhoto('o-seller', 'avatars')
    const res = await create('o-seller', { photoFileIds: [avatar] })
    expect(res).toMatchObject(notOwned('photoFileIds.0'))
    if (!res.ok) expect(res.error.message).toBe('请重新上传宝贝图片')
  })

  it('refuses a file no one uploaded through the files route (never recorded)', async () => {
    const loose = await cloud.container.files.put(
      'listing-photos/test/loose.png',
      Buffer.from('89504e470d0a1a0a', 'hex'),
      'image/png',
    )
    expect(await create('o-seller', { photoFileIds: [loose] })).toMatchObject(
      notOwned('photoFileIds.0'),
    )
  })

  it('checks photos an edit adds, keeps the ones already there, and writes nothing when refused', async () => {
    const created = await publishListing(cloud, 'o-seller')
    const kept = created.photos[0].fileId as string
    const stolen = await cloud.uploadPhoto('o-thief')
    const refused = await invoke(listing, cloud, 'o-seller', 'update', {
      id: created.id,
      expectedVersion: 1,
      patch: { photoFileIds: [kept, stolen] },
    })
    expect(refused).toMatchObject(notOwned('photoFileIds.1'))
    const video = await cloud.uploadPhoto('o-thief', 'listing-videos')
    expect(
      await invoke(listing, cloud, 'o-seller', 'update', {
        id: created.id,
        expectedVersion: 1,
        patch: { videoFileId: video },
      }),
    ).toMatchObject(notOwned('videoFileId'))

    const own = await cloud.uploadPhoto('o-seller')
    const edited = await invoke(listing, cloud, 'o-seller', 'update', {
      id: created.id,
      expectedVersion: 1,
      patch: { photoFileIds: [own, kept] },
    })
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } })
    if (edited.ok)
      expect(edited.data.photos.map((p: { fileId: string }) => p.fileId)).toEqual([own, kept])
  })
})

describe("avatars take only the user's own avatar uploads", () => {
  it("refuses another user's listing photo as an avatar, and the user's own listing photo too", async () => {
    const listingPhoto = (await publishListing(cloud, 'o-seller')).photos[0].fileId as string
    const stolen = await invoke(user, cloud, 'o-thief', 'updateProfile', {
      avatarFileId: listingPhoto,
    })
    expect(stolen).toMatchObject(notOwned('avatarFileId'))
    expect(
      await invoke(user, cloud, 'o-seller', 'updateProfile', { avatarFileId: listingPhoto }),
    ).toMatchObject(notOwned('avatarFileId'))
    const othersAvatar = await cloud.uploadPhoto('o-seller', 'avatars')
    expect(
      await invoke(user, cloud, 'o-thief', 'updateProfile', { avatarFileId: othersAvatar }),
    ).toMatchObject(notOwned('avatarFileId'))

    const me = await invoke(user, cloud, 'o-thief', 'me', {})
    expect(me).toMatchObject({ ok: true, data: { avatarUrl: null } })
    const own = await cloud.uploadPhoto('o-thief', 'avatars')
    expect(
      await invoke(user, cloud, 'o-thief', 'updateProfile', { avatarFileId: own }),
    ).toMatchObject({ ok: true })
    // Saving the profile again with the avatar it has is fine.
    expect(
      await invoke(user, cloud, 'o-thief', 'updateProfile', {
        nickname: '新名字',
        avatarFileId: own,
      }),
    ).toMatchObject({ ok: true })
  })
})
