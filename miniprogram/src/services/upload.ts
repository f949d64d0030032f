import { ClientErrorCodes, ServiceError } from './service-error'
import type { ProgressListener, UploadDir, UploadedFile } from './transport'

// Fallback for tools that do not resolve platform files; see upload.weapp.ts and upload.h5.ts.
export const uploadPhoto = async (
  _localPath: string,
  _onProgress?: ProgressListener,
  _dir: UploadDir = 'listing-photos',
): Promise<UploadedFile> => {
  throw new ServiceError(ClientErrorCodes.UNSUPPORTED, '当前平台不支持上传')
}

export const uploadVideo = async (
  _localPath: string,
  _onProgress?: ProgressListener,
): Promise<UploadedFile> => {
  throw new ServiceError(ClientErrorCodes.UNSUPPORTED, '当前平台不支持上传视频')
}
