import { UpdateProfileInputSchema } from '@shared/contracts/user.contract'
import type { Deps } from '../../src/modules/deps'
import { recordUpload } from '../../src/modules/upload/application/accept-upload.use-case'
import { login } from '../../src/modules/user/application/login.use-case'
import { updateProfile } from '../../src/modules/user/application/update-profile.use-case'
import { Users, type UserRecord } from '../../src/modules/user/domain/user.record'

export interface UserOptions {
  nickname?: string
  city?: string
  /** A PNG stored at `path` as the user's avatar (and recorded as the user's own upload). */
  avatar?: { path: string; png: Buffer }
  /** Replaces the roles login gave (['user']): an operator is ['user', 'moderator']. */
  roles?: UserRecord['roles']
  bannedUntil?: number
}

/**
 * A user as the app makes one: signed up by login on first open, then given a profile through
 * updateProfile; roles and bans are written straight, as no user-facing action grants them.
 * Signing up the same OPENID again answers the same user.
 */
export const aUser = async (
  deps: Deps,
  openid: string,
  options: UserOptions = {},
): Promise<UserRecord> => {
  let { user } = await login(deps, openid)
  const profile: Record<string, string> = {}
  if (options.nickname !== undefined) profile.nickname = options.nickname
  if (options.city !== undefined) profile.city = options.city
  if (options.avatar) profile.avatarFileId = await storeAvatar(deps, user._id, options.avatar)
  if (Object.keys(profile).length > 0)
    user = await updateProfile(deps, user, UpdateProfileInputSchema.parse(profile))
  if (options.roles || options.bannedUntil !== undefined)
    user = await deps.store.update(Users, user._id, {
      ...(options.roles ? { roles: options.roles } : {}),
      ...(options.bannedUntil !== undefined ? { bannedUntil: options.bannedUntil } : {}),
    })
  return user
}

/** Users for these OPENIDs, in order; answers their ids. */
export const someUsers = async (deps: Deps, ...openids: string[]): Promise<string[]> => {
  const ids: string[] = []
  for (const openid of openids) ids.push((await aUser(deps, openid))._id)
  return ids
}

const storeAvatar = async (
  deps: Deps,
  ownerId: string,
  { path, png }: UserOptions['avatar'] & {},
) => {
  const fileId = await deps.files.put(path, png, 'image/png')
  await recordUpload(deps, {
    fileId,
    ownerId,
    kind: 'avatars',
    bytes: png.length,
    contentType: 'image/png',
  })
  return fileId
}
