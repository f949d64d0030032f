import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Role } from '@shared/domain/user'
import { defineCollection } from '../../core/ports/document-store.port'

/** A person on 邻圈. The OPENID is kept apart (identities) so a user document can be shown safely. */
export interface UserRecord {
  _id: string
  nickname: string
  avatarFileId: string | null
  city: string | null
  roles: Role[]
  /** Epoch ms until which the user may not act; null when not banned. */
  bannedUntil: number | null
  /**
   * The credit badge of the user's tier (信用极好 / 信用优秀), copied here by the credit module
   * when the tier changes, so every card and profile shows it without a second read. Absent on
   * users older than credit.
   */
  creditBadge?: string | null
  createdAt: number
  updatedAt: number
  version: number
}

/** OPENID → user id. Keyed by the OPENID so a racing second first-login fails with CONFLICT. */
export interface IdentityRecord {
  _id: string
  userId: string
  createdAt: number
}

export const Users = defineCollection<UserRecord>('users', [
  // The cron finds bans that have run out (null, the usual case, is never in range).
  { name: 'banned_until', fields: [{ field: 'bannedUntil' }] },
  // The jury draw: accounts old enough to serve.
  { name: 'created', fields: [{ field: 'createdAt', direction: 'desc' }] },
])
export const Identities = defineCollection<IdentityRecord>('identities')

export const isBanned = (user: UserRecord, now: number) =>
  user.bannedUntil !== null && user.bannedUntil > now

/** Moderators and admins act for the platform (disputes, bans, 异常任务). The one check for it. */
export const isOperator = (user: Pick<UserRecord, 'roles'> | null | undefined): boolean =>
  !!user && (user.roles.includes('moderator') || user.roles.includes('admin'))

/** COMMON.FORBIDDEN unless the caller is an operator. */
export const assertOperator = (user: Pick<UserRecord, 'roles'>): void => {
  if (!isOperator(user)) throw new AppError(ErrorCodes.FORBIDDEN)
}
