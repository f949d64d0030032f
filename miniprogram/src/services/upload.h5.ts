import { z } from 'zod'
import { FileIdSchema } from '@shared/contracts/common.schema'
import { authHeader } from './session'
import { ClientErrorCodes, ServiceError } from './service-error'
import type { ProgressListener, UploadDir, UploadedFile } from './transport'

const UploadAnswerSchema = z.object({ fileId: FileIdSchema, url: z.string().min(1) })

const extensionOf = (type: string) => ({ 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' })[type] ?? 'jpg'

/** Reads an answer that may be `{ fileId, url }` or an error envelope from the gateway. */
export const parseUploadAnswer = (status: number, text: string): UploadedFile => {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ServiceError(ClientErrorCodes.BAD_RESPONSE, `上传服务返回了无法识别的内容（HTTP ${status}）`)
  }
  const err = (body as { ok?: boolean; error?: { code?: string; message?: string; details?: unknown } })
  if (err?.ok === false && err.error?.code)
    throw new ServiceError(err.error.code, err.error.message ?? '图片上传失败', err.error.details)
  const ok = UploadAnswerSchema.safeParse(body)
  if (status >= 200 && status < 300 && ok.success) return ok.data
  throw new ServiceError(ClientErrorCodes.BAD_RESPONSE, `图片上传失败（HTTP ${status}）`)
}

/**
 * POST /files/upload as multipart (`dir` first, then `file`) with the session token. XHR rather
 * than fetch because only XHR reports upload progress.
 */
export const uploadPhoto = async (
  localPath: string,
  onProgress?: ProgressListener,
  dir: UploadDir = 'listing-photos',
): Promise<UploadedFile> => {
  // chooseImage hands out blob: URLs in the browser; read the bytes back to send them.
  let blob: Blob
  try {
    blob = await (await fetch(localPath)).blob()
  } catch (e) {
    throw new ServiceError(ClientErrorCodes.NETWORK, '读取图片失败，请重新选择', { cause: String(e) })
  }
  const form = new FormData()
  form.append('dir', dir)
  form.append('file', blob, `photo.${extensionOf(blob.type)}`)

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/files/upload')
    for (const [k, v] of Object.entries(authHeader())) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)))
    }
    xhr.onload = () => {
      try {
        resolve(parseUploadAnswer(xhr.status, xhr.responseText))
      } catch (e) {
        reject(e)
      }
    }
    xhr.onerror = () => reject(new ServiceError(ClientErrorCodes.NETWORK, '图片上传失败，请检查网络'))
    xhr.send(form)
  })
}
