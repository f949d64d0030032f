import { z } from 'zod'
import { FileIdSchema } from '@shared/contracts/common.schema'
import { maxUploadBytes } from '@shared/domain/uploads'
import { authHeader } from './session'
import { ClientErrorCodes, ServiceError, serviceErrorOf } from './service-error'
import { type ProgressListener, type UploadDir, type UploadedFile, uploadsOver } from './transport'

const UploadAnswerSchema = z.object({ fileId: FileIdSchema, url: z.string().min(1) })

const extensionOf = (type: string) =>
  ({
    'image/png': 'png',
    'image/webp': 'webp',
    'image/gif': 'gif',
    'video/mp4': 'mp4',
    'video/quicktime': 'mov',
  })[type] ?? (type.startsWith('video/') ? 'mp4' : 'jpg')

/** Reads an answer that may be `{ fileId, url }` or an error envelope from the gateway. */
export const parseUploadAnswer = (status: number, text: string, what = '图片'): UploadedFile => {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ServiceError(
      ClientErrorCodes.BAD_RESPONSE,
      `上传服务返回了无法识别的内容（HTTP ${status}）`,
    )
  }
  const err = body as {
    ok?: boolean
    error?: { code?: string; message?: string; details?: unknown }
  }
  if (err?.ok === false && err.error?.code)
    throw serviceErrorOf({ ...err.error, code: err.error.code }, `${what}上传失败`)
  const ok = UploadAnswerSchema.safeParse(body)
  if (status >= 200 && status < 300 && ok.success) return ok.data
  throw new ServiceError(ClientErrorCodes.BAD_RESPONSE, `${what}上传失败（HTTP ${status}）`)
}

/**
 * POST /files/upload as multipart (`dir` first, then `file`) with the session token. XHR rather
 * than fetch because only XHR reports upload progress.
 */
const uploadFile = async (
  localPath: string,
  onProgress: ProgressListener | undefined,
  dir: UploadDir,
  what: string,
): Promise<UploadedFile> => {
  // chooseImage / chooseVideo hand out blob: URLs in the browser; read the bytes back to send them.
  let blob: Blob
  try {
    blob = await (await fetch(localPath)).blob()
  } catch (e) {
    throw new ServiceError(ClientErrorCodes.NETWORK, `读取${what}失败，请重新选择`, {
      cause: String(e),
    })
  }
  // The server cuts an oversize upload off mid-way; saying so before sending saves the wait.
  const limit = maxUploadBytes(dir)
  if (blob.size > limit) {
    throw new ServiceError(
      'FILE.TOO_LARGE',
      `${what}不能超过 ${Math.round(limit / 1024 / 1024)} MB`,
      { path: 'file', limitBytes: limit },
    )
  }
  const form = new FormData()
  form.append('dir', dir)
  form.append(
    'file',
    blob,
    `${dir === 'listing-videos' ? 'video' : 'photo'}.${extensionOf(blob.type)}`,
  )

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/files/upload')
    for (const [k, v] of Object.entries(authHeader())) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)))
    }
    xhr.onload = () => {
      try {
        resolve(parseUploadAnswer(xhr.status, xhr.responseText, what))
      } catch (e) {
        reject(e)
      }
    }
    xhr.onerror = () =>
      reject(new ServiceError(ClientErrorCodes.NETWORK, `${what}上传失败，请检查网络`))
    xhr.send(form)
  })
}

export const { uploadPhoto, uploadVideo } = uploadsOver(uploadFile)
