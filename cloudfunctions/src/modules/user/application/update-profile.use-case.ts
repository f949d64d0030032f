import { updateIfUnchanged } from '../../core'
import type { z } from 'zod'
import type { UpdateProfileInputSchema } from '@shared/contracts/user.contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { assertOwnUploads } from '../../upload'
import { type UserRecord, Users } from '../domain/user.record'

export type UpdateProfileInput = z.output<typeof UpdateProfileInputSchema>

/** Changes the caller's own profile; an avatar must be a file the caller really uploaded as one. */
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
  return updateIfUnchanged(deps.store, Users, user._id, user, {
    ...input,
    updatedAt: deps.clock.now(),
  })
}
