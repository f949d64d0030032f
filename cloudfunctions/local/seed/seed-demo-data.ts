import { findCity } from '@shared/domain/cities'
import { CATEGORY_IDS, type CategoryId } from '@shared/domain/listing'
import { CreateListingInputSchema } from '@shared/contracts/listing.contract'
import { UpdateProfileInputSchema } from '@shared/contracts/user.contract'
import { FakeClock } from '../../src/adapters/clock/system-clock'
import { ulidIds } from '../../src/adapters/ids/ulid-ids'
import type { Deps } from '../../src/modules/core/ports/deps'
import { createListing } from '../../src/modules/listing/application/create-listing.use-case'
import { login } from '../../src/modules/user/application/login.use-case'
import { updateProfile } from '../../src/modules/user/application/update-profile.use-case'
import type { UserRecord } from '../../src/modules/user/domain/user.record'
import { Users } from '../../src/modules/user/domain/user.record'
import { DEMO_USERS, type DemoUser } from './demo-users'
import { draftListing } from './listing-catalog'
import { generateAvatar, generatePhoto } from './photo-generator'
import { createRng, type Rng } from './prng'

export interface SeedOptions {
  /** PRNG seed: the same seed gives the same users, listings and photos. */
  seed?: number
  listings?: number
  /** Listings are spread over this many days before `now`. */
  days?: number
  /** Photo variants per category; listings reuse them. */
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

const DAY = 86_400_000

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
  const variants = options.photoVariants ?? 3
  const now = deps.clock.now()

  const clock = new FakeClock(now - 45 * DAY)
  const seedDeps: Deps = { ...deps, clock, ids: ulidIds(clock) }

  const photos = await storePhotos(seedDeps, rng, variants, options.photoSize ?? 480)

  const users = new Map<string, UserRecord>()
  for (const demo of DEMO_USERS) {
    clock.advance(rng.int(1, 3 * DAY))
    const { user } = await login(seedDeps, demo.openid)
    const avatarFileId = await seedDeps.files.put(`seed/avatars/${demo.openid}.png`, generateAvatar(rng), 'image/png')
    const profile = UpdateProfileInputSchema.parse({ nickname: demo.nickname, city: demo.city, avatarFileId })
    users.set(demo.openid, await updateProfile(seedDeps, user, profile))
  }

  // Listing times: uniform over the window, sorted so the clock only moves forward. A little
  // more activity in the evening, like a real marketplace, by nudging hours toward 19-23h.
  const start = now - days * DAY
  const times = Array.from({ length: total }, () => {
    const t = start + rng.next() * (days * DAY - 10 * 60_000)
    return rng.chance(0.35) ? Math.min(now - 60_000, t - (t % DAY) + (11 + rng.int(0, 4)) * 3_600_000 + rng.int(0, 3_599_999)) : t
  }).sort((a, b) => a - b)

  for (const at of times) {
    clock.set(Math.max(clock.now() + 1, Math.floor(at)))
    const demo = rng.pick(DEMO_USERS)
    const seller = users.get(demo.openid)!
    const location = pickLocation(rng, demo)
    const draft = draftListing(rng, location.district)
    const photoFileIds = rng.sample(photos[draft.category], rng.int(1, Math.min(3, variants)))
    const input = CreateListingInputSchema.parse({ ...draft, photoFileIds, location })
    await createListing(seedDeps, seller, input)
  }

  return {
    users: users.size,
    listings: total,
    photos: Object.values(photos).reduce((n, ids) => n + ids.length, 0),
    ms: Date.now() - started,
  }
}

/** Seeds only a database without users: restarts keep what people did. */
export const seedIfEmpty = async (deps: Deps, options?: SeedOptions): Promise<SeedResult | null> => {
  if ((await deps.store.count(Users, {})) > 0) return null
  return seedDemoData(deps, options)
}

const storePhotos = async (
  deps: Deps,
  rng: Rng,
  variants: number,
  size: number,
): Promise<Record<CategoryId, string[]>> => {
  const out = {} as Record<CategoryId, string[]>
  for (const category of CATEGORY_IDS) {
    out[category] = []
    for (let v = 0; v < variants; v++) {
      const png = generatePhoto({ category, variant: v, size, rng })
      out[category].push(await deps.files.put(`seed/photos/${category}-${v + 1}.png`, png, 'image/png'))
    }
  }
  return out
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
    district.center.longitude + (rng.gauss() * km) / (111.32 * Math.cos((district.center.latitude * Math.PI) / 180))
  return {
    latitude: Math.round(latitude * 1e6) / 1e6,
    longitude: Math.round(longitude * 1e6) / 1e6,
    city: city.name,
    district: district.name,
  }
}
