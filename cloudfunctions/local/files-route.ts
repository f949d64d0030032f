import { CHINA_OFFSET_MS } from '@shared/domain/time'
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { lstat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import busboy from 'busboy'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { LocalDiskFiles } from '../src/adapters/files/local-disk-files'
import { storeUpload } from '../src/modules/upload/application/accept-upload.use-case'
import { admitUpload } from '../src/modules/user/application/admit-upload'
import {
  isUploadKind,
  UPLOAD_KINDS,
  type UploadKind,
} from '../src/modules/upload/domain/upload.record'
import {
  MAX_ANY_UPLOAD_BYTES,
  maxBytesFor,
  PRIVATE_KINDS,
} from '../src/modules/upload/domain/upload.rules'
import { verifyLocalSession } from '../src/platform/caller-identity'
import type { Container } from '../src/platform/container'
import {
  bearerToken,
  contentTypeOf,
  HttpError,
  httpErrorOf,
  methodNotAllowed,
  safeSegments,
  sendJson,
} from './http-utils'

/** Where uploads may go; the client names one, the server builds the rest of the path. */
export const UPLOAD_DIRS = UPLOAD_KINDS
const VIDEO_DIR: UploadKind = 'listing-videos'

/** Image types we accept, recognised by their first bytes: the file name and MIME type lie. */
const SIGNATURES: { type: string; ext: string; test: (b: Buffer) => boolean }[] = [
  {
    type: 'image/jpeg',
    ext: 'jpg',
    test: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    type: 'image/png',
    ext: 'png',
    test: (b) =>
      b.length >= 8 &&
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b) =>
      b.length >= 12 &&
      b.toString('latin1', 0, 4) === 'RIFF' &&
      b.toString('latin1', 8, 12) === 'WEBP',
  },
  {
    type: 'image/gif',
    ext: 'gif',
    test: (b) => b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6)),
  },
]

export const sniffImage = (bytes: Buffer) => SIGNATURES.find((s) => s.test(bytes)) ?? null

/** MP4 and QuickTime are ISO media files: a box size, then `ftyp` and the brand. */
export const sniffVideo = (b: Buffer): { type: string; ext: string } | null => {
  if (b.length < 12 || b.toString('latin1', 4, 8) !== 'ftyp') return null
  return b.toString('latin1', 8, 12) === 'qt  '
    ? { type: 'video/quicktime', ext: 'mov' }
    : { type: 'video/mp4', ext: 'mp4' }
}

type LocalContainer = Container & { files: LocalDiskFiles }

/**
 * `POST /files/upload` (multipart: optional `dir` first, then `file`): the local version of
 * wx.cloud.uploadFile. A registered user who is not banned, within today's quota; images (10 MB)
 * everywhere, MP4/MOV (50 MB) only in listing-videos. Reading stops the moment a file passes its
 * limit: the answer is a 413 and the connection closes, the rest is never read. The stored file is
 * recorded as the user's upload of that kind.
 */
export const handleUpload = async (
  req: IncomingMessage,
  res: ServerResponse,
  container: LocalContainer,
  sessionSecret: string,
): Promise<void> => {
  if (req.method !== 'POST') throw methodNotAllowed(['POST'])
  const token = bearerToken(req)
  const session = token ? verifyLocalSession(token, sessionSecret, container.clock.now()) : null
  if (!session) {
    req.resume()
    throw new HttpError(401, ErrorCodes.UNAUTHENTICATED, '请先登录再上传')
  }
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    req.resume()
    throw new HttpError(400, ErrorCodes.VALIDATION, '上传需要 multipart/form-data')
  }
  // Refuse an announced oversize body before reading it (multipart overhead is small).
  if (Number(req.headers['content-length'] ?? 0) > MAX_ANY_UPLOAD_BYTES + 64 * 1024) {
    throw tooLarge(`文件不能超过 ${MAX_ANY_UPLOAD_BYTES / MB} MB`, MAX_ANY_UPLOAD_BYTES)
  }
  const owner = await admitUpload(container, session.openid).catch(asHttp({ hangUp: true }))

  const { file, kind } = await readUpload(req)
  const isVideo = kind === VIDEO_DIR
  const sniffed = isVideo ? sniffVideo(file) : sniffImage(file)
  if (!sniffed) {
    throw new HttpError(
      400,
      ErrorCodes.VALIDATION,
      isVideo ? '只支持 MP4、MOV 视频' : '只支持 JPEG、PNG、WebP、GIF 图片',
    )
  }
  const path = `${kind}/${yearMonth(container.clock.now())}/${randomBytes(12).toString('hex')}.${sniffed.ext}`
  // The session's OPENID rides along for WeChat's image check (upload does not look users up).
  const fileId = await storeUpload(
    container,
    { _id: owner._id, openid: session.openid },
    {
      kind,
      path,
      bytes: file,
      contentType: sniffed.type,
    },
  ).catch(asHttp())
  const urls = await container.files.urls([fileId])
  sendJson(res, 200, { fileId, url: urls[fileId] })
}

const MB = 1024 * 1024

const tooLarge = (message: string, limitBytes: number) =>
  new HttpError(
    413,
    ErrorCodes.FILE_TOO_LARGE,
    message,
    { path: 'file', limitBytes },
    { hangUp: true },
  )

/** A use case's refusal (not registered, banned, over quota) as the HTTP answer it deserves. */
const asHttp =
  (options: HttpError['options'] = {}) =>
  (e: unknown): never => {
    throw isAppError(e) ? httpErrorOf(e, options) : e
  }

/** Month folders in China time, so a photo taken on the 1st at 07:00 lands in that month. */
const yearMonth = (at: number) => new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 7)

/**
 * Reads the one file part, counting its bytes as they arrive. The limit is the kind's, so `dir`
 * must come before `file` (as the app sends it); past the limit the request is dropped at once.
 */
const readUpload = (req: IncomingMessage): Promise<{ file: Buffer; kind: UploadKind }> =>
  new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: req.headers,
        // Our own count stops a file at its kind's limit; this is only the backstop.
        limits: {
          files: 1,
          fileSize: MAX_ANY_UPLOAD_BYTES + 1,
          fields: 4,
          fieldSize: 256,
          parts: 6,
        },
      })
    } catch {
      req.resume()
      reject(new HttpError(400, ErrorCodes.VALIDATION, '上传格式不正确'))
      return
    }
    let settled = false
    const stop = (e: HttpError) => {
      if (settled) return
      settled = true
      // Only unpiped: destroying busboy from inside its own write callback breaks it.
      req.unpipe(parser)
      reject(e)
    }
    // The file stream may end after the parser closes, so wait for both.
    let fileDone: Promise<Buffer | null> | undefined
    let kind: UploadKind | undefined
    let dir: string | undefined
    parser.on('file', (field, stream) => {
      if (field !== 'file' || fileDone) {
        stream.resume()
        return
      }
      const named = dir ?? 'listing-photos'
      if (!isUploadKind(named)) {
        stream.resume()
        stop(
          new HttpError(
            400,
            ErrorCodes.VALIDATION,
            `dir 只能是 ${UPLOAD_DIRS.join(' 或 ')}`,
            { path: 'dir' },
            { hangUp: true },
          ),
        )
        return
      }
      kind = named
      const limit = maxBytesFor(named)
      fileDone = new Promise((done) => {
        const chunks: Buffer[] = []
        let size = 0
        stream.on('data', (c: Buffer) => {
          if (settled) return
          size += c.length
          if (size <= limit) chunks.push(c)
          else
            stop(
              tooLarge(
                named === VIDEO_DIR
                  ? `视频不能超过 ${limit / MB} MB`
                  : `图片不能超过 ${limit / MB} MB`,
                limit,
              ),
            )
        })
        stream.on('end', () => done(Buffer.concat(chunks)))
        stream.on('error', () => done(null))
      })
    })
    parser.on('field', (field, value) => {
      if (field !== 'dir') return
      if (fileDone)
        stop(
          new HttpError(
            400,
            ErrorCodes.VALIDATION,
            'dir 需要放在 file 之前',
            { path: 'dir' },
            { hangUp: true },
          ),
        )
      else dir = value
    })
    parser.on('error', () => {
      if (settled) return
      settled = true
      req.unpipe(parser)
      req.resume()
      reject(new HttpError(400, ErrorCodes.VALIDATION, '上传格式不正确'))
    })
    parser.on('close', async () => {
      const file = await fileDone
      if (settled) return
      settled = true
      if (!file || file.length === 0 || !kind)
        reject(new HttpError(400, ErrorCodes.VALIDATION, '缺少文件字段 file'))
      else resolve({ file, kind })
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
  if ((PRIVATE_KINDS as readonly string[]).includes(segments![0]!))
    throw new HttpError(404, ErrorCodes.NOT_FOUND, '文件不存在')
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
