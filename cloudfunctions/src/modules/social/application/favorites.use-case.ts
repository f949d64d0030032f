import { type PageRequest, newestFirst } from '../../core/ports/document-store.port'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { hiddenByBan, loadListing, setFavoriteCount, type ListingRecord } from '../../listing'
import { Favorites, favoriteId } from '../domain/social.records'

/**
 * 想要 and its undo. The favourite document and the listing's counter change in one transaction,
 * and the favourite's id is (user, listing), so double taps and retries count once.
 */
export const setFavorite = async (deps: Deps, userId: string, listingId: string, on: boolean) =>
  deps.store.transaction(async (tx) => {
    const listing = await loadListing(tx, listingId)
    if (!listing || (on && (listing.status !== 'active' || hiddenByBan(listing, deps.clock.now()))))
      throw new AppError(ErrorCodes.NOT_FOUND, '宝贝不存在或已下架')
    const id = favoriteId(userId, listingId)
    const existing = await tx.get(Favorites, id)
    if (on === (existing !== null)) return listing.favoriteCount
    if (on) await tx.insert(Favorites, { _id: id, userId, listingId, at: deps.clock.now() })
    else await tx.remove(Favorites, id)
    const favoriteCount = Math.max(0, listing.favoriteCount + (on ? 1 : -1))
    await setFavoriteCount(tx, listingId, favoriteCount)
    return favoriteCount
  })

/** The caller's favourites, most recent first, with the listings they point at (none a seller ban hides). */
export const listFavorites = async (deps: Deps, userId: string, page: PageRequest) => {
  const favs = await deps.store.find(Favorites, { userId }, newestFirst('at', page))
  const listings = await Promise.all(favs.items.map((f) => loadListing(deps.store, f.listingId)))
  const now = deps.clock.now()
  return {
    listings: listings.filter((l): l is ListingRecord => l !== null && !hiddenByBan(l, now)),
    nextCursor: favs.nextCursor,
  }
}
