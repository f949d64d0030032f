/** social: communities (小区/学校), memberships, 想要 (favourites) and follows. */
export {
  communitiesOf,
  communityName,
  favoritesOf,
  followedSellerIds,
  isFavorite,
  isMember,
} from './application/social-records'
