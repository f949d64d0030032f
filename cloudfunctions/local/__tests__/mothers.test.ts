import { join } from 'node:path'
import { FakeClock } from '../../src/adapters/clock/system-clock'
import { subMchidOf } from '../../src/modules/merchant/application/sub-merchant'
import { Merchants } from '../../src/modules/merchant/domain/merchant.records'
import { recordUpload } from '../../src/modules/upload/application/accept-upload.use-case'
import { isOperator } from '../../src/modules/user/domain/user.record'
import { createLocalContainer, type LocalContainer } from '../../src/platform/local-container'
import { aGoodsListingInput, aListing, aListingRecord } from '../mothers/listing.mother'
import { aFinishedMerchant, anIdentity } from '../mothers/merchant.mother'
import { aPendingOrderRecord } from '../mothers/order-record.mother'
import { aUser } from '../mothers/user.mother'
import { tempDir, tinyPng } from './local-cloud.fixture'

const NOW = Date.UTC(2026, 10, 24, 4, 0, 0)

describe('object mothers', () => {
  const tmp = tempDir('mothers')
  let c: LocalContainer
  beforeAll(() => {
    c = createLocalContainer({
      dataDir: join(tmp.dir, 'data'),
      publicBaseUrl: 'http://local/files',
      sessionSecret: 's',
      secretKey: 'ab'.repeat(32),
      clock: new FakeClock(NOW),
    })
  })
  afterAll(() => {
    c.store.close()
    tmp.cleanup()
  })

  it('aUser signs up once per OPENID and applies profile, avatar, roles and ban', async () => {
    const plain = await aUser(c, 'o-plain')
    expect(plain).toMatchObject({ roles: ['user'], bannedUntil: null, avatarFileId: null })
    expect((await aUser(c, 'o-plain'))._id).toBe(plain._id)
    const mod = await aUser(c, 'o-mod', {
      nickname: '小鹿',
      city: '上海',
      avatar: { path: 'test/avatars/o-mod.png', png: tinyPng() },
      roles: ['user', 'moderator'],
      bannedUntil: NOW + 1,
    })
    expect(mod).toMatchObject({ nickname: '小鹿', city: '上海', bannedUntil: NOW + 1 })
    expect(mod.avatarFileId).toEqual(expect.any(String))
    expect(isOperator(mod)).toBe(true)
  })

  it('aFinishedMerchant gives a seller a sub_mchid to be paid into, its identity sealed and masked', async () => {
    const seller = await aUser(c, 'o-seller')
    const record = await aFinishedMerchant(c, seller._id, { subMchid: '1900300009' })
    expect(await subMchidOf(c, seller._id)).toBe('1900300009')
    const identity = anIdentity()
    expect(JSON.parse(c.secrets.open(record.sealedIdentity))).toEqual(identity)
    expect(record.masked.idCardNumber).not.toContain(identity.idCardNumber.slice(6, 14))
    expect(await c.store.get(Merchants, seller._id)).toEqual(record)
  })

  it("aListing publishes the seller's form through createListing: active, in its city", async () => {
    const seller = await aUser(c, 'o-lister')
    const png = tinyPng()
    const fileId = await c.files.put('listing-photos/test/p.png', png, 'image/png')
    await recordUpload(c, {
      fileId,
      ownerId: seller._id,
      kind: 'listing-photos',
      bytes: png.length,
      contentType: 'image/png',
    })
    const listing = await aListing(c, seller, aGoodsListingInput({ photoFileIds: [fileId] }))
    expect(listing).toMatchObject({
      sellerId: seller._id,
      status: 'active',
      city: '上海',
      priceFen: 89_900,
      photoFileIds: [fileId],
    })
    // The form is validated as the function would: someone else's photo is refused.
    const other = await aUser(c, 'o-other-lister')
    await expect(
      aListing(c, other, aGoodsListingInput({ photoFileIds: [fileId] })),
    ).rejects.toMatchObject({ code: 'FILE.NOT_OWNED' })
  })

  it('record mothers derive what checkout and publish would: totals, commission, deadline, sort key', () => {
    const listing = aListingRecord({ _id: '01L', priceFen: 500 }, NOW)
    expect(listing).toMatchObject({ sortKey: '01L', city: '上海', bumpedAt: NOW, status: 'active' })
    const order = aPendingOrderRecord(
      { _id: '01O', subMchid: '1900300001', priceFen: 10_000, shippingFen: 1_200 },
      NOW,
    )
    expect(order).toMatchObject({ totalFen: 11_200, commissionFen: 100, state: 'pending_payment' })
    expect(order.dueTransition).not.toBeNull()
    expect(order.dueAt).toBeGreaterThan(NOW)
  })
})
