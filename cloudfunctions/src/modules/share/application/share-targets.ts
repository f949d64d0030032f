import type { CardStatus, ShareKind } from '@shared/domain/share'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { hiddenByBan, loadListing, type ListingRecord } from '../../listing'
import { communityName } from '../../social'
import { isBanned, loadPublicUsers, loadUser } from '../../user'
import { ShareCards, type ShareCardRecord } from '../domain/share.records'

/** What a share card shows, drawn from its target. */
export interface CardFace {
  title: string
  imageUrl: string | null
  priceFen: number | null
  status: CardStatus | null
}

const unavailable = () => new AppError(ErrorCodes.SHARE_TARGET_UNAVAILABLE)

/**
 * What a listing's card says: the order process's word when it has spoken (已预订 while an order
 * runs), 已售出 for a listing sold without one (marked sold by its seller), 在售 otherwise.
 */
export const cardStatusOf = (listing: ListingRecord, card: ShareCardRecord | null): CardStatus => {
  if (card?.status === 'sold' || card?.status === 'reserved') return card.status
  return listing.status === 'sold' ? 'sold' : 'on_sale'
}

/** A listing anyone may see and share: on sale or sold, its seller not banned. */
export const loadShareableListing = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  listingId: string,
): Promise<ListingRecord> => {
  const listing = await loadListing(deps.store, listingId)
  if (!listing || listing.status === 'draft') throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在')
  if (!['active', 'sold'].includes(listing.status) || hiddenByBan(listing, deps.clock.now()))
    throw unavailable()
  return listing
}

/** The card of a shareable target, or SHARE.TARGET_UNAVAILABLE / NOT_FOUND. */
export const cardFaceOf = async (
  deps: Pick<Deps, 'store' | 'files' | 'clock'>,
  kind: ShareKind,
  targetId: string,
): Promise<{ face: CardFace; listing: ListingRecord | null }> => {
  if (kind === 'listing') {
    const listing = await loadShareableListing(deps, targetId)
    const cover = listing.photoFileIds[0]
    const urls = cover ? await deps.files.urls([cover]) : {}
    const card = await deps.store.get(ShareCards, listing._id)
    return {
      listing,
      face: {
        title: listing.title,
        imageUrl: cover ? (urls[cover] ?? null) : null,
        priceFen: listing.priceFen,
        status: cardStatusOf(listing, card),
      },
    }
  }
  if (kind === 'storefront') {
    const seller = await loadUser(deps, targetId)
    if (!seller) throw new AppError(ErrorCodes.NOT_FOUND, '用户不存在')
    if (isBanned(seller, deps.clock.now())) throw unavailable()
    const profile = (await loadPublicUsers(deps, [seller._id])).get(seller._id)!
    const face = { title: `${profile.nickname}的闲置`, imageUrl: profile.avatarUrl }
    return { listing: null, face: { ...face, priceFen: null, status: null } }
  }
  const name = await communityName(deps, targetId)
  if (name === null) throw new AppError(ErrorCodes.NOT_FOUND, '圈子不存在')
  return { listing: null, face: { title: name, imageUrl: null, priceFen: null, status: null } }
}
