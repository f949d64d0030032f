import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { type UploadKind, Uploads } from '../domain/upload.record'

/** A fileId a use case was handed, and the input field it came in (for the form's message). */
export interface FileRef {
  fileId: string
  path: string
}

/**
 * The one check for every use case that takes fileIds (listing photos and video, avatar, ID
 * photos): each must be the caller's own upload of that kind. A fileId is only a name: knowing
 * another user's (it shows in their listing) must not let anyone publish it, wear it as an avatar
 * or hand it to WeChat Pay as their ID card.
 */
export const assertOwnUploads = async (
  deps: Pick<Deps, 'store'>,
  ownerId: string,
  kind: UploadKind,
  refs: FileRef[],
) => {
  for (const { fileId, path } of refs) {
    const upload = await deps.store.get(Uploads, fileId)
    if (upload?.ownerId === ownerId && upload.kind === kind) continue
    const message =
      upload?.ownerId === ownerId ? KIND_MESSAGES[kind] : '只能使用你自己上传的文件，请重新上传'
    throw new AppError(ErrorCodes.FILE_NOT_OWNED, message, { path, issues: [{ path, message }] })
  }
}

/** Your own file, but uploaded for something else (an avatar picked as a listing photo…). */
const KIND_MESSAGES: Record<UploadKind, string> = {
  'listing-photos': '请重新上传宝贝图片',
  'listing-videos': '请重新上传宝贝视频',
  avatars: '请重新上传头像',
  'id-cards': '请重新上传证件照',
  evidence: '请重新上传凭证照片',
  'chat-images': '请重新选择要发送的图片',
  'review-photos': '请重新上传评价图片',
}
