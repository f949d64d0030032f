/** user: accounts, identities (OPENID), profiles, operators and ban status. */
export { sellerBanned } from './application/ban-status'
export { assertUnrestricted } from './application/restriction-gate'
export { findUserByOpenid } from './application/find-user-by-openid'
export { loadPublicUsers } from './application/user-views'
export {
  clearEndedBan,
  loadUser,
  openidOf,
  setBannedUntil,
  setCreditBadge,
  usersCreatedBefore,
  usersWithEndedBans,
} from './application/user-records'
export { assertOperator, isBanned, isOperator, type UserRecord } from './domain/user.record'
