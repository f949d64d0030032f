import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { priceAnomalyOf } from '../domain/brand-prices'
import {
  ContentFlags,
  type ContentFlagRecord,
  type ListingRisk,
  type ListingRiskDetail,
} from '../domain/content-flag.record'
import { LISTING_RISK } from '../domain/listing-risk.rules'
import { bandsOf, hammingDistance, isInformative } from '../domain/photo-hash'
import { PHOTO_BANDS, PhotoHashes, type PhotoHashRecord } from '../domain/photo-hash.record'
import { dhashOfImage } from './photo-dhash'

/**
 * Listing risk (issue 15 point 2): rules over a listing as it goes live or is edited, each leaving
 * an open content flag (source 'listing-risk') the report triage and the moderation queue read.
 *
 * - price: far below what its brand's item sells for used (brand-prices.ts) — a possible
 *   counterfeit. Flagged only (warn, or review when very far below): a cheap genuine item is
 *   real, so the listing stays up and a moderator decides; the seller is not told (a notice
 *   would teach a counterfeiter the threshold).
 * - photo-reuse: a photo whose dHash is within LISTING_RISK.photo.maxDistance bits of a photo
 *   another seller published earlier (stolen pictures, or one counterfeiter behind several
 *   accounts). The newer listing — this one — is flagged, review; a seller reusing their own
 *   photos is fine.
 * - new-account: an account younger than LISTING_RISK.newAccount.ageMs publishing its k-th
 *   high-value listing within the window: the listing is held for review (reviewHeldAt), the way
 *   the content check holds doubtful text, with a flag.
 *
 * assessListingRisk reads (hashes photos, looks up bands) outside any transaction; the caller
 * writes what it returns with the listing, in the listing's transaction (saveListingRisk).
 */

export interface RiskListing {
  _id: string
  sellerId: string
  kind: string
  title: string
  priceFen: number
  category: string
  subcategory: string | null
  photoFileIds: string[]
}

export interface ListingRiskRequest {
  listing: RiskListing
  seller: { _id: string; createdAt: number }
  /**
   * publish: the listing goes live (created published, published from a draft, relisted): every
   * rule. edit: a live listing's price, title or photos changed: price and photos.
   */
  event: 'publish' | 'edit'
  /**
   * publish: prices of the seller's other listings that went live within
   * LISTING_RISK.newAccount.windowMs (listing module: it owns listings).
   */
  recentlyPublishedFen?: number[]
}

export interface ListingRiskAssessment {
  flags: ContentFlagRecord[]
  photoHashes: PhotoHashRecord[]
  /** Whether the listing is to be held for review (the new-account rule). */
  hold: boolean
  /** Shown to the seller when held. */
  notice: string | null
}

export const NEW_ACCOUNT_HELD_NOTICE =
  '新注册账号短时间内发布多件高价宝贝，需人工审核，审核通过前仅你自己可见'

/** At most this many photo-reuse flags per listing (one per other seller). */
const MAX_REUSE_FLAGS = 5

export const assessListingRisk = async (
  deps: Pick<Deps, 'store' | 'files' | 'clock'>,
  request: ListingRiskRequest,
): Promise<ListingRiskAssessment> => {
  const now = deps.clock.now()
  const { listing } = request
  const flag = (
    id: string,
    risk: ListingRisk,
    action: 'review' | 'warn',
    detail: ListingRiskDetail,
  ): ContentFlagRecord => ({
    _id: id,
    kind: 'listing',
    targetId: listing._id,
    userId: listing.sellerId,
    source: 'listing-risk',
    action,
    hits: [],
    wechat: null,
    risk,
    riskDetail: detail,
    status: 'open',
    createdAt: now,
  })
  const flags: ContentFlagRecord[] = []

  const anomaly = priceAnomalyOf(listing)
  if (anomaly)
    flags.push(
      // One flag per price: an edit to another improbable price is news, the same one is not.
      flag(`risk:price:${listing._id}:${listing.priceFen}`, 'price', anomaly.action, {
        risk: 'price',
        brand: anomaly.brand,
        priceFen: listing.priceFen,
        referenceFen: anomaly.referenceFen,
        ratio: anomaly.ratio,
      }),
    )

  const photos = await photoHashesOf(deps, listing, now)
  for (const match of (await reusedPhotos(deps, listing, photos.all)).slice(0, MAX_REUSE_FLAGS))
    flags.push(
      flag(`risk:photo:${listing._id}:${match.otherSellerId}`, 'photo-reuse', 'review', {
        risk: 'photo-reuse',
        ...match,
      }),
    )

  let hold = false
  if (request.event === 'publish') {
    const rule = LISTING_RISK.newAccount
    const age = now - request.seller.createdAt
    const highValue =
      (request.recentlyPublishedFen ?? []).filter((f) => f >= rule.highValueFen).length + 1
    if (age < rule.ageMs && listing.priceFen >= rule.highValueFen && highValue >= rule.count) {
      hold = true
      flags.push(
        flag(`risk:new-account:${listing._id}`, 'new-account', 'review', {
          risk: 'new-account',
          accountAgeMs: age,
          highValueInWindow: highValue,
        }),
      )
    }
  }

  // A flag raised before (an earlier edit, a relist) is not raised again, open or closed.
  const fresh: ContentFlagRecord[] = []
  for (const f of flags) if (!(await deps.store.get(ContentFlags, f._id))) fresh.push(f)
  return {
    flags: fresh,
    photoHashes: photos.fresh,
    hold,
    notice: hold ? NEW_ACCOUNT_HELD_NOTICE : null,
  }
}

/** Writes an assessment beside the listing, in its transaction. */
export const saveListingRisk = async (
  tx: Pick<TransactionOps, 'insert'>,
  assessment: ListingRiskAssessment | null,
) => {
  if (!assessment) return
  for (const f of assessment.flags) await tx.insert(ContentFlags, f)
  for (const h of assessment.photoHashes) await tx.insert(PhotoHashes, h)
}

/**
 * The informative hashes of the listing's photos: `all` of them, and the `fresh` records to write
 * (photos this listing did not show before). A file is read and hashed once: a photo another of
 * the seller's listings already shows reuses that hash. A photo that cannot be read or decoded is
 * left out (the check is advice, never a reason to refuse a listing).
 */
const photoHashesOf = async (
  deps: Pick<Deps, 'store' | 'files'>,
  listing: RiskListing,
  now: number,
): Promise<{ all: PhotoHashRecord[]; fresh: PhotoHashRecord[] }> => {
  const fileIds = [...new Set(listing.photoFileIds)]
  const found = await Promise.all(
    fileIds.map(async (fileId) => {
      const id = `${listing._id}:${fileId}`
      const mine = await deps.store.get(PhotoHashes, id)
      if (mine) return { record: mine, fresh: false }
      const hash = await hashOfFile(deps, fileId)
      if (!hash || !isInformative(hash)) return null
      const [band0, band1, band2, band3] = bandsOf(hash) as [string, string, string, string]
      const record: PhotoHashRecord = {
        _id: id,
        hash,
        band0,
        band1,
        band2,
        band3,
        sellerId: listing.sellerId,
        listingId: listing._id,
        fileId,
        createdAt: now,
      }
      return { record, fresh: true }
    }),
  )
  const present = found.filter((x): x is NonNullable<typeof x> => x !== null)
  return {
    all: present.map((x) => x.record),
    fresh: present.filter((x) => x.fresh).map((x) => x.record),
  }
}

const hashOfFile = async (deps: Pick<Deps, 'store' | 'files'>, fileId: string) => {
  const seen = await deps.store.find(PhotoHashes, { fileId }, { limit: 1 })
  if (seen.items[0]) return seen.items[0].hash
  const bytes = await deps.files.read(fileId).catch(() => null)
  return bytes ? dhashOfImage(bytes) : null
}

/**
 * Other sellers' listings showing one of these photos: candidates by exact band (one indexed
 * lookup per band, never a scan), kept when the whole hash is within maxDistance bits. One
 * match per other seller (their earliest listing among the closest: whose photo it first was);
 * nearest first.
 */
export const reusedPhotos = async (
  deps: Pick<Deps, 'store'>,
  listing: Pick<RiskListing, '_id' | 'sellerId'>,
  photos: Pick<PhotoHashRecord, 'hash' | 'fileId'>[],
) => {
  const best = new Map<
    string,
    { fileId: string; otherListingId: string; otherSellerId: string; distance: number }
  >()
  for (const photo of photos) {
    for (const candidate of await candidatesFor(deps, photo.hash)) {
      if (candidate.sellerId === listing.sellerId || candidate.listingId === listing._id) continue
      const distance = hammingDistance(photo.hash, candidate.hash)
      if (distance > LISTING_RISK.photo.maxDistance) continue
      const known = best.get(candidate.sellerId)
      if (
        !known ||
        distance < known.distance ||
        (distance === known.distance && candidate.listingId < known.otherListingId)
      )
        best.set(candidate.sellerId, {
          fileId: photo.fileId,
          otherListingId: candidate.listingId,
          otherSellerId: candidate.sellerId,
          distance,
        })
    }
  }
  return [...best.values()].sort(
    (a, b) => a.distance - b.distance || a.otherListingId.localeCompare(b.otherListingId),
  )
}

/** Stored photos sharing at least one band with the hash (deduplicated). */
export const candidatesFor = async (
  deps: Pick<Deps, 'store'>,
  hash: string,
): Promise<PhotoHashRecord[]> => {
  const bands = bandsOf(hash)
  const pages = await Promise.all(
    PHOTO_BANDS.map((field, i) =>
      deps.store.find(
        PhotoHashes,
        { [field]: bands[i]! },
        { limit: LISTING_RISK.photo.candidatesPerBand },
      ),
    ),
  )
  const byId = new Map<string, PhotoHashRecord>()
  for (const page of pages) for (const r of page.items) byId.set(r._id, r)
  return [...byId.values()]
}
