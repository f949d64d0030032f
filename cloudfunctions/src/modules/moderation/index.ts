/** moderation: what operators do to accounts (bans); reports and disputes will follow here. */
export { banUser, liftBan, liftExpiredBans } from './application/ban-user.use-case'
