import { updateIfUnchanged } from '../../core'
import type { z } from 'zod'
import type { UpdateProfileInputSchema } from '@shared/contracts/user.contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { flagFor, saveFlag, SCENES, screenText } from '../../risk'
import { assertOwnUploads } from '../../upload'
import { type UserRecord, Users } from '../domain/user.record'
import { openidOf } from './user-records'

export type UpdateProfileInput = z.output<typeof UpdateProfileInputSchema>

/**
 * Changes the caller's own profile; an avatar must be a file the caller really uploaded as one. A
 * new nickname passes the content checks (modules/risk): prohibited words are refused
 * (CONTENT.BLOCKED), doubtful ones kept and flagged for the moderation queue.
 */
export const updateProfile = async (
  deps: Deps,
  user: UserRecord,
  input: UpdateProfileInput,
): Promise<UserRecord> => {
  if (input.avatarFileId && !(await deps.files.exists(input.avatarFileId))) {
    throw new AppError(ErrorCodes.VALIDATION, '头像图片不存在，请重新上传', {
      path: 'avatarFileId',
    })
  }
  // Keeping the avatar one already has is no new claim on the file.
  if (input.avatarFileId && input.avatarFileId !== user.avatarFileId) {
    await assertOwnUploads(deps, user._id, 'avatars', [
      { fileId: input.avatarFileId, path: 'avatarFileId' },
    ])
  }
  const changed = input.nickname !== undefined && input.nickname !== user.nickname
  const screening = changed
    ? await screenText(deps, {
        openid: await openidOf(deps, user._id),
        scene: SCENES.profile,
        fields: [{ path: 'nickname', text: input.nickname }],
      })
    : null
  const next = await updateIfUnchanged(deps.store, Users, user._id, user, {
    ...input,
    updatedAt: deps.clock.now(),
  })
  if (screening)
    await saveFlag(
      deps.store,
      flagFor(deps, screening, { kind: 'nickname', targetId: user._id, userId: user._id }),
    )
  return next
}
