import type { IncomingMessage, ServerResponse } from 'node:http'
import { type AppError, ErrorCodes, type ErrorCode } from '@shared/errors/error-codes'
import { JSON_TOO_DEEP_MESSAGE, exceedsJsonDepth } from '../src/platform/json-depth'

/**
 * Small helpers over node:http. Non-function routes answer plain JSON on success and the same
 * error envelope as the functions on failure, so one client-side error path covers everything.
 */

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export const sendError = (
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
  headers: Record<string, string> = {},
): void =>
  sendJson(
    res,
    status,
    { ok: false, error: { code, message, ...(details ? { details } : {}) } },
    headers,
  )

/** Thrown by route code for an answer other than 200; the server turns it into an envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly options: {
      headers?: Record<string, string>
      /** Answer and close the connection without reading the rest of the body (an upload past its limit). */
      hangUp?: boolean
    } = {},
  ) {
    super(message)
  }
}

/** How long the client has to read our answer before the connection is torn down. */
const HANG_UP_LINGER_MS = 1_000

/**
 * Answers without reading another byte of the request. The body stays paused; once the answer is
 * out our side is half-closed (FIN: no more answers on this connection) and the socket destroyed a
 * moment later. Closing at once would reset the connection while the client is still sending, and
 * a reset can throw away the answer before the client has read it (so no `Connection: close`,
 * which makes Node do exactly that).
 */
export const sendErrorAndHangUp = (
  req: IncomingMessage,
  res: ServerResponse,
  e: HttpError,
): void => {
  req.pause()
  const socket = req.socket
  res.once('finish', () => {
    socket.end()
    setTimeout(() => socket.destroy(), HANG_UP_LINGER_MS).unref()
  })
  const body = {
    ok: false,
    error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) },
  }
  sendJson(res, e.status, body, e.options.headers)
}

/** HTTP statuses for the codes a local route may answer; anything else expected is a 400. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  'COMMON.UNAUTHENTICATED': 401,
  'COMMON.FORBIDDEN': 403,
  'USER.BANNED': 403,
  'COMMON.NOT_FOUND': 404,
  'COMMON.CONFLICT': 409,
  'FILE.TOO_LARGE': 413,
  'COMMON.RATE_LIMITED': 429,
  'COMMON.INTERNAL': 500,
}

/** A use case's AppError as an HTTP answer: its code, message and details, and Retry-After when limited. */
export const httpErrorOf = (e: AppError, options: HttpError['options'] = {}): HttpError => {
  const retryAfterMs = (e.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs
  const headers =
    typeof retryAfterMs === 'number'
      ? { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) }
      : undefined
  return new HttpError(STATUS_OF[e.code] ?? 400, e.code, e.message, e.details, {
    ...options,
    headers: { ...headers, ...options.headers },
  })
}

export const methodNotAllowed = (allowed: string[]) =>
  new HttpError(405, ErrorCodes.VALIDATION, `只支持 ${allowed.join(', ')} 请求`, { allowed })

/**
 * Reads the whole body up to `limit` bytes. Past the limit it keeps draining (so the client gets
 * our 400 instead of a reset connection) but stops buffering.
 */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      req.resume()
      reject(tooLarge(limit))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      if (!over) chunks.push(chunk)
    })
    req.on('end', () => (over ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })

const tooLarge = (limit: number) =>
  new HttpError(400, ErrorCodes.VALIDATION, `请求内容过大（上限 ${Math.round(limit / 1024)} KB）`)

/** Parses a JSON object body; anything else is the caller's mistake, never a crash. */
export const readJsonObject = async (
  req: IncomingMessage,
  limit: number,
): Promise<Record<string, unknown>> => {
  const raw = await readBody(req, limit)
  let value: unknown
  try {
    value = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new HttpError(400, ErrorCodes.VALIDATION, '请求体不是合法的 JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, ErrorCodes.VALIDATION, '请求体必须是 JSON 对象')
  }
  // JSON.parse copes with any depth; what reads the value next (stringify, zod) recurses.
  if (exceedsJsonDepth(value))
    throw new HttpError(400, ErrorCodes.VALIDATION, JSON_TOO_DEEP_MESSAGE)
  return value as Record<string, unknown>
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export const bearerToken = (req: IncomingMessage): string | undefined => {
  const header = req.headers.authorization
  if (typeof header !== 'string') return undefined
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return m ? m[1] : undefined
}

/** Content types the local cloud serves, by extension. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export const contentTypeOf = (path: string): string => {
  const dot = path.lastIndexOf('.')
  return (dot >= 0 && CONTENT_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream'
}

/**
 * Splits a URL path below a prefix into safe segments, or null if it tries to climb out
 * (`..`, encoded slashes or backslashes, NUL) — checked after decoding, where the tricks live.
 */
export const safeSegments = (rawPath: string): string[] | null => {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '.' || s === '..')) return null
  return segments
}
