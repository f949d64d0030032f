import { join } from 'node:path'
import { CITIES, findCity } from '@shared/domain/cities'
import { distanceMeters } from '@shared/domain/geo'
import { CATEGORY_IDS } from '@shared/domain/listing'
import { FakeClock } from '../../src/adapters/clock/system-clock'
import { isInsideCity } from '../../src/modules/listing/domain/listing-location'
import { type ListingRecord, Listings } from '../../src/modules/listing/domain/listing.record'
import { updateListing } from '../../src/modules/listing/application/update-listing.use-case'
import { Uploads } from '../../src/modules/upload/domain/upload.record'
import { Identities, Users } from '../../src/modules/user/domain/user.record'
import { CreditAccounts } from '../../src/modules/credit/domain/credit.records'
import { moderationQueue } from '../../src/modules/report'
import { createLocalContainer, type LocalContainer } from '../../src/platform/local-container'
import { DEMO_USERS } from '../seed/demo-users'
import { seedDemoData, seedIfEmpty } from '../seed/seed-demo-data'
import { tempDir } from './local-cloud.fixture'
import { COUNTERFEITS } from '../seed/seed-risk'
import { openFlagsOn } from '../../src/modules/risk'
import { ContentFlags } from '../../src/modules/risk/domain/content-flag.record'
import { MAX_FIND_LIMIT } from '../../src/modules/core/ports/document-store.port'

const NOW = Date.UTC(2026, 10, 24, 4, 0, 0)
const DAY = 86_400_000

const allListings = async (c: LocalContainer): Promise<ListingRecord[]> =>
  (
    await c.store.find(
      Listings,
      {},
      { orderBy: { field: '_id', direction: 'asc' }, limit: MAX_FIND_LIMIT },
    )
  ).items

describe('demo seed', () => {
  const tmp = tempDir('seed')
  let container: LocalContainer
  let listings: ListingRecord[]

  beforeAll(async () => {
    container = createLocalContainer({
      dataDir: join(tmp.dir, 'a'),
      publicBaseUrl: 'http://local/files',
      sessionSecret: 's',
      secretKey: 'ab'.repeat(32),
      clock: new FakeClock(NOW),
    })
    const result = await seedIfEmpty(container)
    // Shots of each kind of item sold (a camera, a sofa …), more for the common ones, drawn once.
    expect(result).toMatchObject({ users: 8, listings: 300, photos: 144 })
    listings = await allListings(container)
  }, 60_000)

  afterAll(() => {
    container?.close()
    tmp.cleanup()
  })

  it('makes 8 demo users, split between 上海 and 杭州, and ~300 listings', async () => {
    expect(await container.store.count(Users, {})).toBe(DEMO_USERS.length)
    expect(listings).toHaveLength(300)
    for (const city of CITIES) {
      const n = listings.filter((l) => l.city === city.name).length
      expect(n).toBeGreaterThan(100)
    }
    expect(new Set(listings.map((l) => l.category))).toEqual(new Set(CATEGORY_IDS))
  })

  it('gives the demo sellers a credit history: the busy shop carries a badge, 已存证', async () => {
    const accountOf = async (openid: string) => {
      const userId = (await container.store.get(Identities, openid))!.userId
      return {
        account: (await container.store.get(CreditAccounts, userId))!,
        user: (await container.store.get(Users, userId))!,
      }
    }
    const shop = await accountOf('o-demo-02')
    // A newcomer with one sale stays where every account starts, without a badge.
    const newcomer = await accountOf('o-demo-06')
    expect(newcomer.account.breakdown.tier).toBe('fair')
    expect(newcomer.user.creditBadge ?? null).toBeNull()
    expect(shop.account.breakdown.tier).toMatch(/^(great|excellent)$/)
    expect(shop.user.creditBadge).toMatch(/^信用(优秀|极好)$/)
    expect(shop.account.anchoredDay).not.toBeNull()
  })

  it('leaves open 举报 in the moderation queue for two moderators, only on 杭州 listings', async () => {
    const userOf = async (openid: string) =>
      (await container.store.get(Users, (await container.store.get(Identities, openid))!.userId))!
    const moderators = DEMO_USERS.filter((u) => u.moderator).map((u) => u.openid)
    expect(moderators.sort()).toEqual(['o-demo-06', 'o-demo-08'])
    const queue = await moderationQueue(container, await userOf('o-demo-08'), {
      view: 'cases',
      limit: 20,
    })
    const reported = queue.items.filter((c) => c.reporters > 0)
    expect(reported.length).toBeGreaterThanOrEqual(3)
    expect(queue.items.filter((c) => c.hidden)).toHaveLength(1)
    expect(queue.items[0]!.hidden).toBe(true)
    for (const c of reported.filter((x) => x.target.kind === 'listing'))
      expect(listings.find((l) => l._id === c.target.id)?.city).toBe('杭州')
    for (const c of queue.items) expect(c.openedAt).toBeLessThanOrEqual(NOW)
    // The planted listing risks wait beside them as 系统标记: one case per flagged listing, once.
    const flagged = (
      await container.store.find(ContentFlags, { source: 'listing-risk' }, { limit: 500 })
    ).items
    const system = queue.items.filter((c) => c.reporters === 0)
    expect(system.map((c) => c.target.id).sort()).toEqual(
      [...new Set(flagged.map((f) => f.targetId))].sort(),
    )
    for (const c of system) expect(c.flagLabels.length).toBeGreaterThan(0)
    for (const f of flagged) expect(f.takenAt).not.toBeNull()
  })

  it('puts every listing in its city, near one of its districts', () => {
    for (const l of listings) {
      expect(isInsideCity(l.location)).toBe(true)
      const district = findCity(l.city)!.districts.find((d) => d.name === l.location.district)!
      expect(distanceMeters(district.center, l.location)).toBeLessThan(8_000)
    }
  })

  it('gives ids in createdAt order, over the last 14 days plus a few nearly expired ones', () => {
    const byTime = [...listings].sort(
      (a, b) => a.createdAt - b.createdAt || (a._id < b._id ? -1 : 1),
    )
    expect(byTime.map((l) => l._id)).toEqual(listings.map((l) => l._id))
    expect(new Set(listings.map((l) => l.createdAt)).size).toBe(listings.length)
    expect(listings[0].createdAt).toBeGreaterThanOrEqual(NOW - 29 * DAY)
    expect(listings.filter((l) => l.createdAt < NOW - 15 * DAY)).toHaveLength(6)
    expect(listings[6].createdAt).toBeGreaterThanOrEqual(NOW - 15 * DAY)
    expect(listings[listings.length - 1].createdAt).toBeLessThan(NOW)
  })

  it('writes plausible listings: short titles, prices in fen, 1-3 stored photos', async () => {
    for (const l of listings) {
      expect(l.title.length).toBeLessThanOrEqual(30)
      expect(Number.isInteger(l.priceFen) && l.priceFen > 0).toBe(true)
      if (l.originalPriceFen !== null) expect(l.originalPriceFen).toBeGreaterThan(l.priceFen)
      expect(l.photoFileIds.length).toBeGreaterThanOrEqual(1)
      expect(l.photoFileIds.length).toBeLessThanOrEqual(3)
    }
    expect(await container.files.exists(listings[0].photoFileIds[0])).toBe(true)
    expect(listings.filter((l) => l.originalPriceFen !== null).length).toBeGreaterThan(50)
  })

  it('shows each listing’s kind of item in its photos', () => {
    const photosOf = (title: RegExp) =>
      listings.filter((l) => title.test(l.title)).flatMap((l) => l.photoFileIds)
    const cameras = photosOf(/微单|X-T30/)
    expect(cameras.length).toBeGreaterThan(0)
    for (const f of cameras) expect(f).toMatch(/\/camera-\d\.jpg$/)
    for (const f of photosOf(/WH-1000XM5/)) expect(f).toMatch(/\/headphones-\d\.jpg$/)
    for (const f of photosOf(/猫爪杯/)) expect(f).toMatch(/\/cup-\d\.jpg$/)
    for (const f of photosOf(/沙发/)) expect(f).toMatch(/\/sofa-\d\.jpg$/)
    // The cat-paw cup is a cup, not a pet product.
    for (const l of listings.filter((x) => /猫爪杯/.test(x.title)))
      expect(l.subcategory).toBe('other.misc')
  })

  it('has services, trade options, sales, 想要 and communities to show', async () => {
    const services = listings.filter((l) => l.kind === 'service')
    expect(services.length).toBeGreaterThan(5)
    for (const l of services)
      expect(l).toMatchObject({ category: 'services', condition: null, trade: null })
    for (const l of listings.filter((x) => x.kind === 'goods')) expect(l.trade).not.toBeNull()
    expect(listings.filter((l) => l.status === 'sold').length).toBeGreaterThan(5)
    expect(listings.reduce((n, l) => n + l.favoriteCount, 0)).toBeGreaterThan(50)
    expect(listings.filter((l) => l.communityIds.length > 0).length).toBeGreaterThan(10)
  })

  it("records every photo and avatar as its owner's upload, so seeded listings edit like any other", async () => {
    for (const l of listings) {
      for (const fileId of l.photoFileIds)
        expect(await container.store.get(Uploads, fileId)).toMatchObject({
          ownerId: l.sellerId,
          kind: 'listing-photos',
        })
    }
    for (const u of (await container.store.find(Users, {}, { limit: 20 })).items) {
      expect(await container.store.get(Uploads, u.avatarFileId!)).toMatchObject({
        ownerId: u._id,
        kind: 'avatars',
      })
    }
    // An edit that reorders the photos and adds one from the seller's other listing goes through…
    const l = listings.find(
      (x) =>
        x.status === 'active' &&
        listings.some(
          (o) =>
            o.sellerId === x.sellerId && o.photoFileIds.some((f) => !x.photoFileIds.includes(f)),
        ),
    )!
    const seller = (await container.store.get(Users, l.sellerId))!
    const extra = listings
      .filter((o) => o.sellerId === l.sellerId)
      .flatMap((o) => o.photoFileIds)
      .find((f) => !l.photoFileIds.includes(f))!
    const photoFileIds = [extra, ...[...l.photoFileIds].reverse()].slice(0, 9)
    const edited = await updateListing(container, seller, {
      id: l._id,
      expectedVersion: l.version,
      patch: { photoFileIds },
    })
    expect(edited.photoFileIds).toEqual(photoFileIds)
    // …while another seller's seeded photo is refused.
    const foreign = listings.find((o) => o.sellerId !== l.sellerId)!.photoFileIds[0]!
    await expect(
      updateListing(container, seller, {
        id: l._id,
        expectedVersion: edited.version,
        patch: { photoFileIds: [foreign] },
      }),
    ).rejects.toMatchObject({
      code: 'FILE.NOT_OWNED',
    })
  })

  it('plants listing risks for the moderation queue: counterfeit prices and one reused photo', async () => {
    const flags = (
      await container.store.find(ContentFlags, { source: 'listing-risk' }, { limit: 500 })
    ).items
    const titleOf = (id: string) => listings.find((l) => l._id === id)!.title
    const priced = flags.filter((f) => f.risk === 'price').map((f) => titleOf(f.targetId))
    expect(priced.sort()).toEqual(COUNTERFEITS.map((c) => c.title).sort())
    // The one stolen photo, and no other: each seller frames the shared drawings their own way.
    const reused = flags.filter((f) => f.risk === 'photo-reuse')
    expect(reused).toHaveLength(1)
    const stolen = listings.find((l) => l._id === reused[0]!.targetId)!
    expect(stolen.photoFileIds[0]).toMatch(/saved-photo\.jpg$/)
    expect(reused[0]!.riskDetail).toMatchObject({ otherSellerId: expect.any(String) })
    expect((reused[0]!.riskDetail as { otherSellerId: string }).otherSellerId).not.toBe(
      stolen.sellerId,
    )
    // The demo accounts are old enough by the time they list: nothing held as a new account.
    expect(flags.filter((f) => f.risk === 'new-account')).toEqual([])
    // Readable by target, as the report triage reads them.
    expect(await openFlagsOn(container, stolen._id)).toEqual([reused[0]])
  })

  it('does not seed a database that already has users', async () => {
    expect(await seedIfEmpty(container)).toBeNull()
    expect(await container.store.count(Listings, {})).toBe(300)
  })

  it('seeds the journeys’ small demo (40 listings), whatever kind lands on a planted slot', async () => {
    const c = createLocalContainer({
      dataDir: join(tmp.dir, 'forty'),
      publicBaseUrl: 'http://local/files',
      sessionSecret: 's',
      secretKey: 'ab'.repeat(32),
      clock: new FakeClock(NOW),
    })
    await seedDemoData(c, { listings: 40, photoVariants: 1, photoSize: 32 })
    expect(await c.store.count(Listings, {})).toBe(40)
    c.store.close()
  })

  it('is deterministic: the same seed gives the same listings', async () => {
    const small = async (dir: string) => {
      const c = createLocalContainer({
        dataDir: join(tmp.dir, dir),
        publicBaseUrl: 'http://local/files',
        sessionSecret: 's',
        secretKey: 'ab'.repeat(32),
        clock: new FakeClock(NOW),
      })
      await seedDemoData(c, { seed: 7, listings: 25, photoVariants: 1, photoSize: 32 })
      // Ids carry random bits (ULIDs): compare everything else.
      const rows = (await allListings(c)).map(
        ({ _id: _i, sellerId: _s, sortKey: _k, communityIds, ...rest }) => ({
          ...rest,
          communities: communityIds.length,
        }),
      )
      c.store.close()
      return rows
    }
    const [a, b] = [await small('b'), await small('c')]
    expect(a).toEqual(b)
  })
})
