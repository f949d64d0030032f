import sharp from 'sharp'
import type { Deps } from '../../src/modules/deps'
import type { ListingRecord } from '../../src/modules/listing/domain/listing.record'
import { recordUpload } from '../../src/modules/upload/application/accept-upload.use-case'
import { UNONBOARDED_DEMO_OPENIDS } from './seed-merchants'
import type { PhotoKind } from './photo-glyphs'

/**
 * What the listing-risk checks (modules/risk listing-risk) find in the demo, so the moderation
 * queue has flags to show: a few listings priced far below what their brand sells for (possible
 * counterfeits), and one photo another seller published first, saved and re-uploaded. They
 * replace ordinary drafts rather than adding listings, so the seed's counts stay as they are; the
 * choice is by position in the (seeded) draft list, so it is deterministic.
 */
export const COUNTERFEITS = [
  {
    title: 'LV Neverfull 老花托特包 中号',
    description: '朋友送的，背过几次，成色很新，无小票。',
    priceFen: 38_000,
    category: 'clothing',
    subcategory: 'clothing.bags',
    photoKind: 'bag',
  },
  {
    title: 'AirPods Pro 2 全新未拆封',
    description: '公司年会抽到的，全新未拆，支持当面验货。',
    priceFen: 9_900,
    category: 'digital',
    subcategory: 'digital.earphones',
    photoKind: 'earbuds',
  },
  {
    title: '劳力士 绿水鬼 潜航者 男表',
    description: '闲置手表，走时准确，表带有轻微划痕。',
    priceFen: 120_000,
    category: 'other',
    subcategory: 'other.misc',
    photoKind: 'watch',
  },
] as const satisfies readonly (Record<string, unknown> & { photoKind: PhotoKind })[]

type Counterfeit = (typeof COUNTERFEITS)[number]

/**
 * Which drafts become the counterfeits, by position: late in the fortnight, so they sit near the
 * top of feeds. Their sellers, times and places are kept.
 */
export const counterfeitsBySlot = (total: number): Map<number, Counterfeit> =>
  new Map(COUNTERFEITS.map((c, i) => [total - 10 - 7 * i, c]))

/** A draft rewritten as a counterfeit. */
export const plantedDraft = <D extends Record<string, unknown>>(
  draft: D,
  { photoKind: _kind, ...fields }: Counterfeit,
): D => ({
  ...draft,
  ...fields,
  kind: 'goods',
  originalPriceFen: null,
  service: null,
  condition: draft.condition ?? 'like_new',
  trade: draft.trade ?? { shipping: { payer: 'buyer' }, meetup: true, pickup: false },
})

/** The draft whose seller re-uses another seller's photo: a phone, late in the fortnight. */
export const REUSE_SLOT_FROM_END = 4

/**
 * The photo thief: a seller (onboarded, not the owner) saves the first photo of an earlier
 * listing by someone else — recompressed to JPEG and shrunk, as saving from the app does — and
 * uploads it as their own. Answers the fileId, or null when no such listing exists.
 */
export const stolenPhoto = async (
  deps: Deps,
  earlier: ListingRecord[],
  thief: { _id: string; openid: string },
): Promise<string | null> => {
  if (UNONBOARDED_DEMO_OPENIDS.includes(thief.openid)) return null
  const victim = [...earlier].reverse().find((l) => l.sellerId !== thief._id && l.kind === 'goods')
  const source = victim?.photoFileIds[0]
  const bytes = source ? await deps.files.read(source) : null
  if (!bytes) return null
  const jpeg = await sharp(bytes).resize(360).jpeg({ quality: 70 }).toBuffer()
  const fileId = await deps.files.put(
    `seed/photos/${thief.openid}/saved-photo.jpg`,
    jpeg,
    'image/jpeg',
  )
  await recordUpload(deps, {
    fileId,
    ownerId: thief._id,
    kind: 'listing-photos',
    bytes: jpeg.length,
    contentType: 'image/jpeg',
  })
  return fileId
}
