import { REALNAME_SENSITIVE_PRICE_FEN, isSensitiveSale } from '@shared/domain/realname'
import { DAY, HOUR } from '@shared/domain/time'
import { findCity } from '@shared/domain/cities'
import { FakeClock } from '../../src/adapters/clock/system-clock'
import { ulidIds } from '../../src/adapters/ids/ulid-ids'
import { DocumentStoreRateLimiter } from '../../src/adapters/rate-limit/document-store-rate-limiter'
import type { Deps } from '../../src/modules/deps'
import { WechatApiError } from '../../src/modules/messaging/ports/wechat-api.port'
import type { ContentSecurity } from '../../src/modules/risk/ports/content-security.port'
import { changeStatus } from '../../src/modules/listing/application/change-status.use-case'
import type { ListingRecord } from '../../src/modules/listing/domain/listing.record'
import {
  createCommunity,
  joinCommunity,
} from '../../src/modules/social/application/communities.use-case'
import { setFavorite } from '../../src/modules/social/application/favorites.use-case'
import { setFollow } from '../../src/modules/social/application/follows.use-case'
import { recordUpload } from '../../src/modules/upload/application/accept-upload.use-case'
import type { UserRecord } from '../../src/modules/user/domain/user.record'
import { Users } from '../../src/modules/user/domain/user.record'
import { aListing } from '../mothers/listing.mother'
import { aUser } from '../mothers/user.mother'
import { DEMO_USERS, type DemoUser } from './demo-users'
import { draftListing, draftService } from './listing-catalog'
import { seedCreditHistory } from './seed-credit'
import { counterfeitsBySlot, plantedDraft, REUSE_SLOT_FROM_END, stolenPhoto } from './seed-risk'
import { seedMerchants, UNONBOARDED_DEMO_OPENIDS } from './seed-merchants'
import { seedReports } from './seed-reports'
import { sweepFlagsIntoCases } from '../../src/modules/report'
import { generateAvatar, generatePhoto } from './photo-generator'
import type { PhotoKind } from './photo-glyphs'
import { createRng, type Rng } from './prng'
import sharp from 'sharp'

export interface SeedOptions {
  /** PRNG seed: the same seed gives the same users, listings and photos. */
  seed?: number
  listings?: number
  /** Listings are spread over this many days before `now`. */
  days?: number
  /** At most this many shots of a kind of item; each seller's listings reuse that seller's copies. */
  photoVariants?: number
  /** Side of the square photos, pixels. */
  photoSize?: number
}

export interface SeedResult {
  users: number
  listings: number
  photos: number
  ms: number
}

/**
 * Shots of a kind of item: one more for every this many listings of it (each shot is a drawing,
 * the seed's main cost), at least two so a listing can show two photos.
 */
const LISTINGS_PER_SHOT = 3
const MIN_SHOTS = 2

/** Share of seeded listings that are local services rather than goods. */
const SERVICE_SHARE = 0.08
const OLD_LISTINGS = 6

/** Two communities per city, created by one demo user and joined by the neighbours of its district. */
const COMMUNITY_SEEDS = [
  { name: '徐汇滨江 · 西岸公寓', type: 'residential', city: '上海', district: '徐汇区' },
  { name: '复旦大学 邯郸校区', type: 'campus', city: '上海', district: '杨浦区' },
  { name: '西溪诚园', type: 'residential', city: '杭州', district: '西湖区' },
  { name: '滨江 · 网商路写字楼', type: 'office', city: '杭州', district: '滨江区' },
] as const

/**
 * The seed's texts are the catalog's own and still pass the local lexicon, but WeChat's
 * msgSecCheck is not asked: the local cloud's server holds every request until the seed is done,
 * so each call would wait out its timeout (10 s for each of 300 listings). Images are checked as
 * usual, later, through the outbox.
 */
const lexiconOnly = (real: ContentSecurity): ContentSecurity => ({
  checkText: () =>
    Promise.reject(
      new WechatApiError('NOT_CONFIGURED', 'not asked while seeding', false, 'not-configured'),
    ),
  checkImageAsync: (input) => real.checkImageAsync(input),
  verifyPush: (input) => real.verifyPush(input),
  answerUrlCheck: (input) => real.answerUrlCheck(input),
})

/**
 * Demo data through the real use cases (login, updateProfile, createListing), so seeded records
 * are exactly what the app itself would write, and whatever those use cases add later (search
 * index writes, counters) the seed gets for free. A FakeClock walks forward through the last
 * `days` days, so createdAt and the time-ordered ids agree.
 */
export const seedDemoData = async (deps: Deps, options: SeedOptions = {}): Promise<SeedResult> => {
  const started = Date.now()
  const rng = createRng(options.seed ?? 20261124)
  const total = options.listings ?? 300
  const days = options.days ?? 14
  const variants = options.photoVariants ?? 6
  const now = deps.clock.now()

  const clock = new FakeClock(now - 45 * DAY)
  // Limits count in seed time too, or 300 listings in one real minute would trip the publish limit.
  const seedDeps: Deps = {
    ...deps,
    clock,
    ids: ulidIds(clock),
    limits: new DocumentStoreRateLimiter(deps.store, clock),
    contentSecurity: lexiconOnly(deps.contentSecurity),
  }

  const photos = photoMaker(options.seed ?? 20261124, options.photoSize ?? 480)
  const photoOf = sellersPhotos(seedDeps, photos)

  const users = new Map<string, UserRecord>()
  for (const demo of DEMO_USERS) {
    clock.advance(rng.int(1, 3 * DAY))
    users.set(
      demo.openid,
      await aUser(seedDeps, demo.openid, {
        nickname: demo.nickname,
        city: demo.city,
        avatar: { path: `seed/avatars/${demo.openid}.png`, png: generateAvatar(rng) },
        ...(demo.moderator ? { roles: ['user', 'moderator'] } : {}),
      }),
    )
  }

  const communities = await seedCommunities(seedDeps, rng, users)
  // 开通收款 done for the demo sellers (not o-demo-07/08), so escrowed sales work from the start.
  await seedMerchants(seedDeps, users)

  // Listing times: uniform over the window, sorted so the clock only moves forward. A little
  // more activity in the evening, like a real marketplace, by nudging hours toward 19-23h. A few
  // listings are nearly 30 days old, so the expiry reminder has something to remind about.
  const start = now - days * DAY
  const times = Array.from({ length: total }, (_, n) => {
    if (n < OLD_LISTINGS) return now - (27 + rng.next() * 2) * DAY
    const t = start + rng.next() * (days * DAY - 10 * 60_000)
    return rng.chance(0.35)
      ? Math.min(now - 60_000, t - (t % DAY) + (11 + rng.int(0, 4)) * HOUR + rng.int(0, HOUR - 1))
      : t
  }).sort((a, b) => a - b)

  // Drafted first, so that each kind of item gets as many shots as it has listings to show
  // them in: the feed's many phones come in several colours, a lone tent in two photos.
  const drafts = times.map((at) => {
    const demo = rng.pick(DEMO_USERS)
    const location = pickLocation(rng, demo)
    const { photoKind, ...draft } = rng.chance(SERVICE_SHARE)
      ? draftService(rng)
      : draftListing(rng, location.district)
    return { at, demo, location, photoKind, draft: withinRealNameGate(demo.openid, draft) }
  })
  const perKind = new Map<PhotoKind, number>()
  for (const d of drafts) perKind.set(d.photoKind, (perKind.get(d.photoKind) ?? 0) + 1)
  const shotsOf = (kind: PhotoKind) =>
    Math.min(variants, Math.max(MIN_SHOTS, Math.ceil((perKind.get(kind) ?? 0) / LISTINGS_PER_SHOT)))
  // Planted after the draws above, and applied without drawing, so the rest of the seed is as it was.
  const counterfeits = counterfeitsBySlot(drafts.length)

  const listings: ListingRecord[] = []
  const reuseAt = drafts.length - REUSE_SLOT_FROM_END
  for (const [n, drafted] of drafts.entries()) {
    const { at, demo, location } = drafted
    // Only a goods draft becomes a counterfeit (a small seed may put a service in the slot).
    const planted = drafted.draft.kind === 'service' ? undefined : counterfeits.get(n)
    const photoKind = planted?.photoKind ?? drafted.photoKind
    const draft = planted ? plantedDraft(drafted.draft, planted) : drafted.draft
    clock.set(Math.max(clock.now() + 1, Math.floor(at)))
    const seller = users.get(demo.openid)!
    const shots = shotsOf(drafted.photoKind)
    const picked = rng.sample(
      Array.from({ length: shots }, (_, v) => v),
      rng.int(1, Math.min(3, shots)),
    )
    const own = await Promise.all(
      picked.map((v) => photoOf(seller._id, demo.openid, photoKind, v % shotsOf(photoKind))),
    )
    // One listing shows another seller's photo, for the listing-risk check to find (seed-risk.ts).
    const stolen =
      n === reuseAt
        ? await stolenPhoto(seedDeps, listings, { ...seller, openid: demo.openid })
        : null
    const photoFileIds = stolen ? [stolen, ...own.slice(0, 1)] : own
    const communityIds = (communities.get(demo.openid) ?? []).filter(() => rng.chance(0.6))
    listings.push(
      await aListing(seedDeps, seller, { ...draft, photoFileIds, location, communityIds }),
    )
  }

  await seedActivity(seedDeps, rng, users, listings)
  await seedCreditHistory(seedDeps, rng, users)
  await seedReports({ ...seedDeps, clock }, users, listings, now)
  // The planted listing risks reach the queue as the cron's flag-cases sweep would bring them:
  // 系统标记 cases beside the reported ones (none hides anything: the risk checks did that).
  await sweepFlagsIntoCases({ ...seedDeps, clock })

  return {
    users: users.size,
    listings: total,
    photos: photos.made(),
    ms: Date.now() - started,
  }
}

/**
 * Demo users who have not opened 收款 are not real-name verified, so their phones, digital goods
 * and computers stay under the line where publishing asks for it (shared/domain/realname.ts):
 * the seed publishes through createListing and would be refused otherwise.
 */
const withinRealNameGate = <D extends { category: string; priceFen: number }>(
  openid: string,
  draft: D,
): D =>
  UNONBOARDED_DEMO_OPENIDS.includes(openid) && isSensitiveSale(draft)
    ? { ...draft, priceFen: REALNAME_SENSITIVE_PRICE_FEN - 100 * (1 + (draft.priceFen % 7)) }
    : draft

/** Seeds only a database without users: restarts keep what people did. */
export const seedIfEmpty = async (
  deps: Deps,
  options?: SeedOptions,
): Promise<SeedResult | null> => {
  if ((await deps.store.count(Users, {})) > 0) return null
  return seedDemoData(deps, options)
}

/**
 * Photos of each kind of item, drawn the first time a listing needs one: only the kinds the seed
 * sells are drawn. Each (kind, variant) has its own random stream, so a photo does not depend on
 * which listing asked for it first.
 */
const photoMaker = (seed: number, size: number) => {
  const made = new Map<string, Buffer>()
  const kindSeed = (kind: string) =>
    [...kind].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, seed)
  return {
    photo: (kind: PhotoKind, variant: number): Buffer => {
      const key = `${kind}-${variant}`
      let png = made.get(key)
      if (!png) {
        png = generatePhoto({ kind, variant, size, rng: createRng(kindSeed(kind) + variant) })
        made.set(key, png)
      }
      return png
    },
    made: () => made.size,
  }
}

/**
 * Each seller's own copy of a generated photo, stored on first use and recorded as that seller's
 * upload: a listing may only show its seller's uploads, so sellers cannot share one file. Each
 * seller frames the drawing their own way (sellerFraming): one drawing in two sellers' listings
 * would be the same photo reused, which the listing-risk check flags (seed-risk.ts plants one
 * such pair on purpose).
 */
const sellersPhotos = (deps: Deps, photos: ReturnType<typeof photoMaker>) => {
  const stored = new Map<string, Promise<string>>()
  return (sellerId: string, openid: string, kind: PhotoKind, variant: number) => {
    const key = `${sellerId}|${kind}|${variant}`
    let fileId = stored.get(key)
    if (!fileId) {
      fileId = sellerFraming(photos.photo(kind, variant), openid)
        .then((jpeg) =>
          deps.files
            .put(`seed/photos/${openid}/${kind}-${variant + 1}.jpg`, jpeg, 'image/jpeg')
            .then((id) => ({ id, jpeg })),
        )
        .then(async ({ id, jpeg }) => {
          await recordUpload(deps, {
            fileId: id,
            ownerId: sellerId,
            kind: 'listing-photos',
            bytes: jpeg.length,
            contentType: 'image/jpeg',
          })
          return id
        })
      stored.set(key, fileId)
    }
    return fileId
  }
}

/** Where each demo seller's shot sits on the drawing (fractions of the room left by the zoom). */
const FRAMING_SPOTS = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
  [0.5, 0],
  [0.5, 1],
  [0, 0.5],
  [1, 0.5],
] as const

/**
 * A seller's shot of a drawing, as the JPEG a phone uploads: cropped to 75% at a spot of their own
 * (not scaled back: the hash ignores size) and mirrored for every other seller, so no two sellers'
 * photos hash alike (over every kind drawn, 1 pair in 4,256 came within the reuse threshold at
 * 75%; 21 at 88%). JPEG and no rescale: the seed makes about 400 of these, and a PNG scaled back
 * to full size quadrupled its time.
 */
export const sellerFraming = async (png: Buffer, openid: string): Promise<Buffer> => {
  const n = DEMO_USERS.findIndex((u) => u.openid === openid)
  if (n < 0) return sharp(png).jpeg({ quality: 85 }).toBuffer()
  const { width = 0, height = 0 } = await sharp(png).metadata()
  const [fx, fy] = FRAMING_SPOTS[n % FRAMING_SPOTS.length]!
  const w = Math.round(width * 0.75)
  const h = Math.round(height * 0.75)
  const image = sharp(png).extract({
    left: Math.round((width - w) * fx),
    top: Math.round((height - h) * fy),
    width: w,
    height: h,
  })
  return (n % 2 ? image.flop() : image).jpeg({ quality: 85 }).toBuffer()
}

/**
 * Mostly the seller's home district, sometimes elsewhere in the same city; scattered around the
 * district centre (about 1.2 km standard deviation) so points are plausible but not stacked.
 */
const pickLocation = (rng: Rng, demo: DemoUser) => {
  const city = findCity(demo.city)!
  const district = rng.chance(0.7)
    ? city.districts.find((d) => d.name === demo.district)!
    : rng.pick(city.districts)
  const km = 1.2
  const latitude = district.center.latitude + (rng.gauss() * km) / 111.32
  const longitude =
    district.center.longitude +
    (rng.gauss() * km) / (111.32 * Math.cos((district.center.latitude * Math.PI) / 180))
  return {
    latitude: Math.round(latitude * 1e6) / 1e6,
    longitude: Math.round(longitude * 1e6) / 1e6,
    city: city.name,
    district: district.name,
  }
}

/** Communities, and for each demo user the ids of those they belong to. */
const seedCommunities = async (deps: Deps, rng: Rng, users: Map<string, UserRecord>) => {
  const memberOf = new Map<string, string[]>()
  for (const seed of COMMUNITY_SEEDS) {
    const city = findCity(seed.city)!
    const center = city.districts.find((d) => d.name === seed.district)!.center
    const locals = DEMO_USERS.filter((u) => u.city === seed.city)
    const founder = locals.find((u) => u.district === seed.district) ?? locals[0]
    const community = await createCommunity(deps, users.get(founder.openid)!._id, {
      name: seed.name,
      type: seed.type,
      location: { ...center, city: seed.city, district: seed.district },
    })
    memberOf.set(founder.openid, [...(memberOf.get(founder.openid) ?? []), community.id])
    for (const u of locals) {
      if (u === founder || !rng.chance(0.5)) continue
      await joinCommunity(deps, users.get(u.openid)!._id, { communityId: community.id })
      memberOf.set(u.openid, [...(memberOf.get(u.openid) ?? []), community.id])
    }
  }
  return memberOf
}

/** What people do after publishing: a few sales and take-downs, 想要, follows. */
const seedActivity = async (
  deps: Deps,
  rng: Rng,
  users: Map<string, UserRecord>,
  listings: ListingRecord[],
) => {
  const people = [...users.values()]
  const bySeller = (id: string) => people.find((u) => u._id === id)!
  for (const listing of listings) {
    const r = rng.next()
    if (r < 0.06) await changeStatus(deps, bySeller(listing.sellerId), listing._id, 'markSold')
    else if (r < 0.09) await changeStatus(deps, bySeller(listing.sellerId), listing._id, 'takeDown')
    else {
      for (const fan of people) {
        if (fan._id !== listing.sellerId && rng.chance(0.08))
          await setFavorite(deps, fan._id, listing._id, true)
      }
    }
  }
  for (const follower of people) {
    for (const seller of rng.sample(people, 3)) {
      if (seller._id !== follower._id) await setFollow(deps, follower._id, seller._id, true)
    }
  }
}
