import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { lstat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import busboy from 'busboy'
import { ErrorCodes } from '@shared/errors/error-codes'
import type { LocalDiskFiles } from '../src/adapters/files/local-disk-files'
import { verifyLocalSession } from '../src/platform/caller-identity'
import type { Container } from '../src/platform/container'
import { bearerToken, contentTypeOf, HttpError, methodNotAllowed, safeSegments, sendJson } from './http-utils'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
/** A listing's short video (WeChat's chooseMedia caps it at 60 s); phones record ~10 MB a minute. */
export const MAX_VIDEO_BYTES = 50 * 1024 * 1024

/** Where uploads may go; the client names one, the server builds the rest of the path. */
export const UPLOAD_DIRS = ['listing-photos', 'avatars', 'listing-videos', 'id-cards'] as const
/** Uploads only the backend reads (ID card photos forwarded to WeChat Pay): never served by URL. */
export const PRIVATE_DIRS = ['id-cards']
const VIDEO_DIR = 'listing-videos'

/** Image types we accept, recognised by their first bytes: the file name and MIME type lie. */
const SIGNATURES: { type: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    ext: 'png',
    test: (b) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b) => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
  { type: 'image/gif', ext: 'gif', test: (b) => b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6)) },
]

export const sniffImage = (bytes: Buffer) => SIGNATURES.find((s) => s.test(bytes)) ?? null

/** MP4 and QuickTime are ISO media files: a box size, then `ftyp` and the brand. */
export const sniffVideo = (b: Buffer): { type: string; ext: string } | null => {
  if (b.length < 12 || b.toString('latin1', 4, 8) !== 'ftyp') return null
  return b.toString('latin1', 8, 12) === 'qt  ' ? { type: 'video/quicktime', ext: 'mov' } : { type: 'video/mp4', ext: 'mp4' }
}

type LocalContainer = Container & { files: LocalDiskFiles }

/**
 * `POST /files/upload` (multipart, field `file`, optional `dir`): the local version of
 * wx.cloud.uploadFile. Signed-in users only; images (10 MB) everywhere, MP4/MOV (50 MB) only in
 * listing-videos.
 */
export const handleUpload = async (
  req: IncomingMessage,
  res: ServerResponse,
  container: LocalContainer,
  sessionSecret: string,
): Promise<void> => {
  if (req.method !== 'POST') throw methodNotAllowed(['POST'])
  const token = bearerToken(req)
  if (!token || !verifyLocalSession(token, sessionSecret, container.clock.now())) {
    req.resume()
    throw new HttpError(401, ErrorCodes.UNAUTHENTICATED, '请先登录再上传')
  }
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    req.resume()
    throw new HttpError(400, ErrorCodes.VALIDATION, '上传需要 multipart/form-data')
  }
  // Refuse an announced oversize body before reading it (multipart overhead is small).
  if (Number(req.headers['content-length'] ?? 0) > MAX_VIDEO_BYTES + 64 * 1024) {
    req.resume()
    throw tooLarge()
  }

  const { file, dir } = await readUpload(req)
  if (dir !== undefined && !(UPLOAD_DIRS as readonly string[]).includes(dir)) {
    throw new HttpError(400, ErrorCodes.VALIDATION, `dir 只能是 ${UPLOAD_DIRS.join(' 或 ')}`)
  }
  const isVideo = dir === VIDEO_DIR
  const sniffed = isVideo ? sniffVideo(file) : sniffImage(file)
  if (!sniffed) {
    throw new HttpError(400, ErrorCodes.VALIDATION, isVideo ? '只支持 MP4、MOV 视频' : '只支持 JPEG、PNG、WebP、GIF 图片')
  }
  if (!isVideo && file.length > MAX_UPLOAD_BYTES) throw tooLarge()

  const path = `${dir ?? 'listing-photos'}/${yearMonth(container.clock.now())}/${randomBytes(12).toString('hex')}.${sniffed.ext}`
  const fileId = await container.files.put(path, file, sniffed.type)
  const urls = await container.files.urls([fileId])
  sendJson(res, 200, { fileId, url: urls[fileId] })
}

const tooLarge = () => new HttpError(413, ErrorCodes.VALIDATION, `图片不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`)

/** Month folders in China time, so a photo taken on the 1st at 07:00 lands in that month. */
const yearMonth = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 7)

const readUpload = (req: IncomingMessage): Promise<{ file: Buffer; dir?: string }> =>
  new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: MAX_VIDEO_BYTES, fields: 4, fieldSize: 256, parts: 6 },
      })
    } catch {
      req.resume()
      reject(new HttpError(400, ErrorCodes.VALIDATION, '上传格式不正确'))
      return
    }
    // The file stream may end after the parser closes, so wait for both.
    let fileDone: Promise<Buffer> | undefined
    let dir: string | undefined
    let truncated = false
    parser.on('file', (field, stream) => {
      if (field !== 'file' || fileDone) {
        stream.resume()
        return
      }
      fileDone = new Promise((done, fail) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('limit', () => {
          truncated = true
        })
        stream.on('end', () => done(Buffer.concat(chunks)))
        stream.on('error', fail)
      })
    })
    parser.on('field', (field, value) => {
      if (field === 'dir') dir = value
    })
    parser.on('error', () => {
      req.unpipe(parser)
      req.resume()
      reject(new HttpError(400, ErrorCodes.VALIDATION, '上传格式不正确'))
    })
    parser.on('close', async () => {
      const file = await fileDone?.catch(() => undefined)
      if (truncated) reject(new HttpError(413, ErrorCodes.VALIDATION, `视频不能超过 ${MAX_VIDEO_BYTES / 1024 / 1024} MB`))
      else if (!file || file.length === 0) reject(new HttpError(400, ErrorCodes.VALIDATION, '缺少文件字段 file'))
      else resolve({ file, dir })
    })
    req.pipe(parser)
  })

/**
 * `GET /files/<path>`: stored files, never anything outside the files folder. Names are random
 * and never rewritten, so browsers may cache them for good.
 */
export const serveFile = async (
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  files: LocalDiskFiles,
): Promise<void> => {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD'])
  const segments = safeSegments(rawPath)
  const full = segments && segments.length > 0 ? files.resolve(segments.join('/')) : null
  if (!full) throw new HttpError(400, ErrorCodes.VALIDATION, '文件路径不合法')
  if (PRIVATE_DIRS.includes(segments![0])) throw new HttpError(404, ErrorCodes.NOT_FOUND, '文件不存在')
  const info = await lstat(full).catch(() => null)
  if (!info || !info.isFile()) throw new HttpError(404, ErrorCodes.NOT_FOUND, '文件不存在')
  sendStatic(req, res, full, info.size, info.mtimeMs, 'public, max-age=31536000, immutable')
}

/** Streams a file with type, length, ETag and conditional GET; shared with the static H5 route. */
export const sendStatic = (
  req: IncomingMessage,
  res: ServerResponse,
  full: string,
  size: number,
  mtimeMs: number,
  cacheControl: string,
): void => {
  const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`
  const headers = {
    'Content-Type': contentTypeOf(full),
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': new Date(mtimeMs).toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  res.writeHead(200, { ...headers, 'Content-Length': size })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(full)
    .on('error', () => res.destroy())
    .pipe(res)
}
