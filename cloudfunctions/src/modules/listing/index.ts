/** listing: what is for sale (goods and services), its lifecycle, views, and its search index. */
export { toCards } from './application/listing-views'
export { cityFeed } from './application/browse-listings.use-case'
export {
  activeListingsOf,
  countSellerListings,
  loadListing,
  loadListings,
  setFavoriteCount,
  sweepListingViews,
  viewsBy,
  type ViewEvent,
} from './application/listing-records'
export { updateListingIn } from './application/save-listing'
export {
  hideSellerListings,
  isListingBuyable,
  showSellerListings,
} from './application/seller-ban.use-case'
export { isInsideCity } from './domain/listing-location'
export { hiddenByBan, type ListingRecord } from './domain/listing.record'
export {
  holdListingsShowingImage,
  listingsShowingImage,
} from './application/hold-for-image.use-case'
export {
  holdListingsForReport,
  releaseReportHold,
  releaseRiskHold,
  restoreTakenDown,
  takeDownForRules,
} from './application/moderation-hold.use-case'
