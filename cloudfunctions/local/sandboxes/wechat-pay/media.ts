import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'
import { WxError } from './state'

/** WeChat's limit for 图片上传 (merchant media upload). */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024

/**
 * Images uploaded through `POST /v3/merchant/media/upload`: applyments may only refer to media ids
 * handed out here, as on WeChat Pay, so a client that skips the upload fails in the sandbox too.
 */
export interface MediaEntry {
  filename: string
  sha256: string
  bytes: number
}

export class MediaStore {
  private readonly byId = new Map<string, MediaEntry>()

  /** Uploaded media ids survive a restart, as on WeChat (applyments submitted later still refer to them). */
  exportState(): Record<string, MediaEntry> {
    return Object.fromEntries([...this.byId].map(([id, m]) => [id, { ...m }]))
  }

  importState(state: Record<string, MediaEntry>) {
    if (typeof state !== 'object' || state === null || Array.isArray(state))
      throw new Error('saved media: not an object')
    const entries = Object.entries(state).map(([id, m]): [string, MediaEntry] => {
      if (
        typeof m !== 'object' ||
        m === null ||
        typeof m.filename !== 'string' ||
        typeof m.sha256 !== 'string' ||
        !Number.isSafeInteger(m.bytes)
      )
        throw new Error(`saved media: bad entry ${id}`)
      return [id, { filename: m.filename, sha256: m.sha256, bytes: m.bytes }]
    })
    this.byId.clear()
    for (const [id, m] of entries) this.byId.set(id, m)
  }

  /** Checks the meta against the file and answers the media_id. */
  put(metaJson: string, file: Buffer): { media_id: string } {
    let meta: { filename?: unknown; sha256?: unknown }
    try {
      meta = JSON.parse(metaJson)
    } catch {
      throw new WxError(400, 'PARAM_ERROR', 'meta 不是合法的 JSON')
    }
    if (typeof meta.filename !== 'string' || !/\.(jpe?g|png|bmp)$/i.test(meta.filename))
      throw new WxError(400, 'PARAM_ERROR', 'meta.filename 须以 JPG、BMP、PNG 为后缀')
    if (file.length === 0 || file.length > MAX_MEDIA_BYTES)
      throw new WxError(400, 'PARAM_ERROR', '图片大小须在 5M 以内')
    const sha256 = createHash('sha256').update(file).digest('hex')
    if (typeof meta.sha256 !== 'string' || meta.sha256.toLowerCase() !== sha256)
      throw new WxError(400, 'PARAM_ERROR', 'meta.sha256 与图片内容不一致')
    const media_id = `sandbox-media-${sha256.slice(0, 40)}`
    this.byId.set(media_id, { filename: meta.filename, sha256, bytes: file.length })
    return { media_id }
  }

  /** Marks media ids as uploaded without a file (tests that exercise other rules). */
  register(...mediaIds: string[]) {
    for (const id of mediaIds)
      this.byId.set(id, { filename: 'registered.png', sha256: '', bytes: 0 })
  }

  has(mediaId: unknown): boolean {
    return typeof mediaId === 'string' && this.byId.has(mediaId)
  }

  /** An applyment's image fields must name uploaded media. */
  assertUploaded(fields: Record<string, unknown>) {
    for (const [name, value] of Object.entries(fields)) {
      if (!this.has(value))
        throw new WxError(400, 'PARAM_ERROR', `${name} 不是通过图片上传接口获得的 MediaID`)
    }
  }
}

/** Reads the multipart body: the `meta` part as its exact text (it is what was signed) and the `file`. */
export const readMediaUpload = (req: IncomingMessage): Promise<{ meta: string; file: Buffer }> =>
  new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: MAX_MEDIA_BYTES + 1, fields: 2, parts: 3 },
      })
    } catch {
      req.resume()
      reject(new WxError(400, 'PARAM_ERROR', '请求主体须为 multipart/form-data'))
      return
    }
    let meta: string | undefined
    let file: Promise<Buffer> | undefined
    parser.on('field', (name, value) => {
      if (name === 'meta') meta = value
    })
    parser.on('file', (name, stream) => {
      if (name !== 'file' || file) return void stream.resume()
      file = new Promise((done, fail) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => done(Buffer.concat(chunks)))
        stream.on('error', fail)
      })
    })
    parser.on('error', () => reject(new WxError(400, 'PARAM_ERROR', 'multipart 格式不正确')))
    parser.on('close', () => {
      if (meta === undefined || !file)
        return reject(new WxError(400, 'PARAM_ERROR', '缺少 meta 或 file'))
      file.then((f) => resolve({ meta: meta!, file: f }), reject)
    })
    req.pipe(parser)
  })
