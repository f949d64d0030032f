import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { DAY } from '@shared/domain/time'
import { main as listing } from '../src/functions/listing'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { openFlagsOn } from '../src/modules/risk'
import { aPicture } from '../src/modules/risk/__tests__/test-images'
import { recordUpload } from '../src/modules/upload/application/accept-upload.use-case'
import { goodsInput } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

/**
 * Listing risk (modules/risk listing-risk) through the listing function: a price improbable for
 * its brand is flagged as a possible counterfeit (the listing stays up), a photo another seller
 * published first is flagged on the newer listing, and a new account publishing its third
 * high-value listing in a day is held for review. The flags are what openFlagsOn gives the triage.
 */
let cloud: TestCloud
let ids: Record<string, string>
beforeEach(async () => {
  cloud = startTestCloud()
  const [a, b] = await signUp(cloud, 'o-seller', 'o-other')
  ids = { 'o-seller': a!, 'o-other': b! }
})
afterEach(() => cloud.stop())

/** Stores these bytes as `openid`'s listing photo, as the files route would. */
const uploadBytes = async (openid: string, bytes: Buffer, ext = 'jpg') => {
  const fileId = await cloud.container.files.put(
    `listing-photos/test/${openid}-${randomBytes(6).toString('hex')}.${ext}`,
    bytes,
    ext === 'png' ? 'image/png' : 'image/jpeg',
  )
  await recordUpload(cloud.container, {
    fileId,
    ownerId: ids[openid]!,
    kind: 'listing-photos',
    bytes: bytes.length,
    contentType: ext === 'png' ? 'image/png' : 'image/jpeg',
  })
  return fileId
}

const publish = async (openid: string, over: Record<string, unknown>) => {
  const res = await invoke(listing, cloud, openid, 'create', await goodsInput(cloud, over, openid))
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
  return res.data as { id: string; version: number }
}

const stored = async (id: string) => (await cloud.container.store.get(Listings, id))!
const risksOn = async (id: string) => (await openFlagsOn(cloud.container, id)).map((f) => f.risk)

describe('a price improbable for its brand', () => {
  it('is flagged as a possible counterfeit, and the listing stays up', async () => {
    const bag = await publish('o-seller', {
      title: 'LV Neverfull 老花托特包',
      description: '朋友送的，用过几次，成色很好。',
      priceFen: 38_000,
      originalPriceFen: null,
      category: 'clothing',
      subcategory: 'clothing.bags',
    })
    const [flag] = await openFlagsOn(cloud.container, bag.id)
    expect(flag).toMatchObject({
      kind: 'listing',
      source: 'listing-risk',
      risk: 'price',
      action: 'review',
      userId: ids['o-seller'],
      status: 'open',
      riskDetail: { brand: 'louis-vuitton', priceFen: 38_000, referenceFen: 500_000 },
    })
    expect((await stored(bag.id)).reviewHeldAt ?? null).toBeNull()
    // Found like any listing: a flag is for triage, not a hold.
    const detail = await invoke(listing, cloud, 'o-other', 'get', { id: bag.id })
    expect(detail.ok).toBe(true)
  })

  it('is flagged again when an edit lowers a fair price to an improbable one, once per price', async () => {
    const bag = await publish('o-seller', {
      title: 'LV Neverfull 老花托特包',
      priceFen: 650_000,
      originalPriceFen: null,
      category: 'clothing',
      subcategory: 'clothing.bags',
    })
    expect(await risksOn(bag.id)).toEqual([])
    const edited = await invoke(listing, cloud, 'o-seller', 'update', {
      id: bag.id,
      expectedVersion: bag.version,
      patch: { priceFen: 120_000 },
    })
    expect(edited.ok).toBe(true)
    expect(await risksOn(bag.id)).toEqual(['price'])
    const again = await invoke(listing, cloud, 'o-seller', 'update', {
      id: bag.id,
      expectedVersion: (edited as { data: { version: number } }).data.version,
      patch: { description: '不议价，可验货。' },
    })
    expect(again.ok).toBe(true)
    expect(await risksOn(bag.id)).toEqual(['price'])
  })

  it('leaves ordinary prices and unknown brands alone', async () => {
    const phones = await publish('o-seller', { title: '索尼 WH-1000XM4 降噪耳机' })
    const noName = await publish('o-seller', {
      title: '无牌 托特包',
      priceFen: 3_000,
      originalPriceFen: null,
      category: 'clothing',
      subcategory: 'clothing.bags',
    })
    expect(await risksOn(phones.id)).toEqual([])
    expect(await risksOn(noName.id)).toEqual([])
  })
})

describe('a photo reused by another seller', () => {
  it('flags the newer listing, with the first one named; a seller’s own reuse is fine', async () => {
    const photo = await aPicture(11)
    const first = await publish('o-seller', {
      photoFileIds: [await uploadBytes('o-seller', photo, 'png')],
    })
    // The same seller's second listing with the same picture: no flag.
    const again = await publish('o-seller', {
      title: '索尼 WH-1000XM4 第二副',
      photoFileIds: [await uploadBytes('o-seller', photo, 'png')],
    })
    // Another seller, the picture resized and recompressed (saved from the listing page).
    const copy = await sharp(photo).resize(200).jpeg({ quality: 55 }).toBuffer()
    const stolen = await publish('o-other', {
      photoFileIds: [
        await uploadBytes('o-other', await aPicture(12)),
        await uploadBytes('o-other', copy),
      ],
    })
    expect(await risksOn(first.id)).toEqual([])
    expect(await risksOn(again.id)).toEqual([])
    const flags = await openFlagsOn(cloud.container, stolen.id)
    // One flag per other seller, naming their first listing with the photo.
    expect(flags.map((f) => f.riskDetail)).toEqual([
      expect.objectContaining({
        risk: 'photo-reuse',
        otherSellerId: ids['o-seller'],
        otherListingId: first.id,
      }),
    ])
    expect(flags[0]).toMatchObject({ action: 'review', userId: ids['o-other'] })
    expect((await stored(stolen.id)).reviewHeldAt ?? null).toBeNull()
  })

  it('does not take different photos, or blank placeholders, for one another', async () => {
    await publish('o-seller', { photoFileIds: [await uploadBytes('o-seller', await aPicture(21))] })
    const other = await publish('o-other', {
      photoFileIds: [await uploadBytes('o-other', await aPicture(22))],
    })
    // Both sellers' default fixture photo is the same 1×1 PNG: too plain to say anything.
    await publish('o-seller', {})
    const plain = await publish('o-other', {})
    expect(await risksOn(other.id)).toEqual([])
    expect(await risksOn(plain.id)).toEqual([])
  })

  it('is found when an edit adds the photo', async () => {
    const photo = await aPicture(31)
    const first = await publish('o-seller', {
      photoFileIds: [await uploadBytes('o-seller', photo)],
    })
    const later = await publish('o-other', {})
    const res = await invoke(listing, cloud, 'o-other', 'update', {
      id: later.id,
      expectedVersion: later.version,
      patch: { photoFileIds: [await uploadBytes('o-other', photo)] },
    })
    expect(res.ok).toBe(true)
    expect((await openFlagsOn(cloud.container, later.id))[0]?.riskDetail).toMatchObject({
      risk: 'photo-reuse',
      otherListingId: first.id,
      distance: 0,
    })
  })
})

describe('a new account publishing many high-value listings', () => {
  const sofa = (n: number) => ({
    title: `实木 餐桌 1.4米 第${n}张`,
    priceFen: 150_000,
    originalPriceFen: null,
    category: 'furniture',
    subcategory: 'furniture.table',
  })

  it('holds the third in a day for review, with a flag; an older account is not held', async () => {
    const one = await publish('o-seller', sofa(1))
    const two = await publish('o-seller', sofa(2))
    // A cheap one in between does not count.
    const cheap = await publish('o-seller', { ...sofa(9), priceFen: 20_000 })
    const three = await publish('o-seller', sofa(3))
    for (const l of [one, two, cheap]) expect((await stored(l.id)).reviewHeldAt ?? null).toBeNull()
    const held = await stored(three.id)
    expect(held.reviewHeldAt).toBe(cloud.clock.now())
    expect(held.riskNotice).toMatch(/人工审核/)
    expect(await openFlagsOn(cloud.container, three.id)).toEqual([
      expect.objectContaining({
        risk: 'new-account',
        action: 'review',
        riskDetail: expect.objectContaining({ highValueInWindow: 3 }),
      }),
    ])
    // Held listings leave the feed: another user cannot open it.
    const seen = await invoke(listing, cloud, 'o-other', 'get', { id: three.id })
    expect(seen.ok).toBe(false)

    // A week on, the account is no longer new.
    cloud.clock.advance(8 * DAY)
    await publish('o-seller', sofa(4))
    await publish('o-seller', sofa(5))
    const six = await publish('o-seller', sofa(6))
    expect((await stored(six.id)).reviewHeldAt ?? null).toBeNull()
  })

  it('counts over a rolling day: three high-value listings two days apart are fine', async () => {
    const a = await publish('o-seller', sofa(1))
    cloud.clock.advance(DAY + 1)
    await publish('o-seller', sofa(2))
    cloud.clock.advance(DAY + 1)
    const c = await publish('o-seller', sofa(3))
    expect((await stored(a.id)).reviewHeldAt ?? null).toBeNull()
    expect((await stored(c.id)).reviewHeldAt ?? null).toBeNull()
  })
})
