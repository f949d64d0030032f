import Taro from '@tarojs/taro'
import { ensureCloud } from './cloud.weapp'
import { ClientErrorCodes, ServiceError } from './service-error'
import { type ProgressListener, type UploadDir, type UploadedFile, uploadsOver } from './transport'

const extensionOf = (path: string) => /\.(\w{1,5})$/.exec(path)?.[1]?.toLowerCase() ?? 'jpg'

/**
 * Uploads to CloudBase storage. The callback form is used on purpose: only it returns the
 * UploadTask whose onProgressUpdate drives the progress ring on the thumbnail.
 */
const uploadFile = (
  localPath: string,
  onProgress: ProgressListener | undefined,
  dir: UploadDir,
  what: string,
): Promise<UploadedFile> =>
  new Promise((resolve, reject) => {
    ensureCloud()
    const name = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extensionOf(localPath)}`
    const task = Taro.cloud.uploadFile({
      cloudPath: `${dir}/${name}`,
      filePath: localPath,
      success: (res) => resolve({ fileId: res.fileID, url: res.fileID }),
      fail: (e) =>
        reject(
          new ServiceError(ClientErrorCodes.NETWORK, `${what}上传失败，请重试`, {
            cause: e.errMsg,
          }),
        ),
    } as Taro.cloud.UploadFileParam) as unknown as Taro.UploadTask | undefined
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })

export const { uploadPhoto, uploadVideo } = uploadsOver(uploadFile)
