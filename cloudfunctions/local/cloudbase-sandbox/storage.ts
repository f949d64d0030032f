import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { SandboxCodes, SandboxError, invalidParam } from './sandbox-error'

/** What the storage actions need from the request: where the sandbox is reachable, and when. */
export interface StorageContext {
  envName: string
  /** Absolute URL of the sandbox's mount point, e.g. `http://127.0.0.1:8787/sandbox/cloudbase`. */
  baseUrl: string
  nowMs: number
}

interface StoredFile {
  bytes: Buffer
  contentType: string
}

interface PendingUpload {
  envName: string
  path: string
  cosFileId: string
  authorization: string
  expiresMs: number
}

const BUCKET = 'sandbox-bucket-1250000000'
/** CloudBase's documented cap per getTempFileURL / deleteFile call ("一次最多 50 个"). */
export const MAX_FILES_PER_CALL = 50
const UPLOAD_TTL_MS = 10 * 60_000
const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.txt': 'text/plain',
}

const fileIdOf = (envName: string, path: string) => `cloud://${envName}.${BUCKET}/${path}`
/** COS keys as the SDK sends them; `?`, `#` and `%` would not survive a URL unescaped. */
const PATH = /^[^\0\\?#%]{1,1024}$/

/**
 * CloudBase storage as the SDK reaches it: `storage.getUploadMetadata` hands out a signed COS
 * URL that the SDK then PUTs the bytes to; `storage.batchGetDownloadUrl` answers temporary URLs
 * (signed, with an expiry) that GET the bytes; `storage.batchDeleteFile` deletes. Files live in
 * memory (not in the state file).
 */
export class SandboxStorage {
  private readonly files = new Map<string, StoredFile>()
  private readonly uploads = new Map<string, PendingUpload>()
  private readonly key = randomBytes(32)

  action(action: string, p: Record<string, unknown>, ctx: StorageContext): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const path =
          typeof p.path === 'string' && PATH.test(p.path) && !p.path.startsWith('/')
            ? p.path
            : invalidParam('path is required')
        const cosFileId = randomBytes(12).toString('hex')
        const expiresMs = ctx.nowMs + UPLOAD_TTL_MS
        const authorization = `q-sign-algorithm=sha256&q-key-time=${expiresMs}&q-signature=${this.sign(`put\n${ctx.envName}\n${path}\n${cosFileId}\n${expiresMs}`)}`
        this.uploads.set(cosFileId, {
          envName: ctx.envName,
          path,
          cosFileId,
          authorization,
          expiresMs,
        })
        return {
          data: {
            url: `${ctx.baseUrl}/cos/${ctx.envName}/${encodeURI(path)}`,
            token: randomBytes(16).toString('hex'),
            authorization,
            fileId: fileIdOf(ctx.envName, path),
            cosFileId,
          },
        }
      }
      case 'storage.batchGetDownloadUrl': {
        if (!Array.isArray(p.file_list)) return invalidParam('file_list must be a list')
        if (p.file_list.length > MAX_FILES_PER_CALL)
          return invalidParam(`file_list holds at most ${MAX_FILES_PER_CALL} files`)
        const download_list = p.file_list.map((f: { fileid?: unknown; max_age?: unknown }) => {
          const fileID = String(f?.fileid ?? '')
          const path = this.pathOf(fileID, ctx.envName)
          if (!path || !this.files.has(`${ctx.envName}\0${path}`))
            return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
          const maxAge = typeof f.max_age === 'number' && f.max_age > 0 ? f.max_age : 86_400
          const t = ctx.nowMs + maxAge * 1000
          const sign = this.sign(`get\n${ctx.envName}\n${path}\n${t}`)
          return {
            fileID,
            // Raw, as CloudBase's are: the SDK's downloadFile applies encodeURI itself.
            tempFileURL: `${ctx.baseUrl}/cos/${ctx.envName}/${path}?sign=${sign}&t=${t}`,
            code: 'SUCCESS',
          }
        })
        return { data: { download_list } }
      }
      case 'storage.batchDeleteFile': {
        if (!Array.isArray(p.fileid_list)) return invalidParam('fileid_list must be a list')
        if (p.fileid_list.length > MAX_FILES_PER_CALL)
          return invalidParam(`fileid_list holds at most ${MAX_FILES_PER_CALL} files`)
        const delete_list = p.fileid_list.map((id: unknown) => {
          const fileID = String(id)
          const path = this.pathOf(fileID, ctx.envName)
          const existed = !!path && this.files.delete(`${ctx.envName}\0${path}`)
          return { fileID, code: existed ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
        })
        return { data: { delete_list } }
      }
      default:
        throw new SandboxError(SandboxCodes.INVALID_ACTION, `action ${action} is not supported`)
    }
  }

  /** The COS side: PUT with the issued authorization stores bytes; GET with a live signature reads them. */
  async cos(req: IncomingMessage, res: ServerResponse, rest: string, url: URL, nowMs: number) {
    const slash = rest.indexOf('/')
    const envName = decodeURIComponent(rest.slice(0, Math.max(slash, 0)))
    const path = decodeURIComponent(slash < 0 ? '' : rest.slice(slash + 1))
    const slot = `${envName}\0${path}`
    if (req.method === 'PUT') {
      const upload = this.uploads.get(String(req.headers['x-cos-meta-fileid'] ?? ''))
      const auth = String(req.headers.authorization ?? '')
      const ok =
        upload &&
        upload.envName === envName &&
        upload.path === path &&
        upload.expiresMs >= nowMs &&
        same(auth, upload.authorization)
      const bytes = await readAll(req)
      if (!ok)
        return cosError(
          res,
          403,
          'SignatureDoesNotMatch',
          'The upload authorization does not match this key',
        )
      this.uploads.delete(upload.cosFileId)
      this.files.set(slot, {
        bytes,
        contentType: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      })
      res.writeHead(200, { 'content-length': 0 })
      return res.end()
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const t = Number(url.searchParams.get('t'))
      const sign = url.searchParams.get('sign') ?? ''
      if (!(t >= nowMs) || !same(sign, this.sign(`get\n${envName}\n${path}\n${t}`)))
        return cosError(
          res,
          403,
          'AccessDenied',
          'Request has expired or the signature does not match',
        )
      const file = this.files.get(slot)
      if (!file) return cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length })
      return res.end(req.method === 'HEAD' ? undefined : file.bytes)
    }
    return cosError(res, 405, 'MethodNotAllowed', 'PUT, GET or HEAD')
  }

  private pathOf(fileId: string, envName: string): string | null {
    const prefix = `cloud://${envName}.${BUCKET}/`
    return fileId.startsWith(prefix) ? fileId.slice(prefix.length) : null
  }

  private sign(text: string) {
    return createHmac('sha256', this.key).update(text).digest('hex')
  }
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

const readAll = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** COS answers errors as XML, which the SDK parses into `[Code]: Message`. */
const cosError = (res: ServerResponse, status: number, code: string, message: string) => {
  const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>sandbox</Resource><RequestId>sandbox</RequestId><TraceId>sandbox</TraceId></Error>`
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(xml),
  })
  res.end(xml)
}
