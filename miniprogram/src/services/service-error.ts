import type { ErrorCode } from '@shared/errors/error-codes'
import { HOUR, MINUTE } from '@shared/domain/time'

/**
 * Failures that happen on the client's side of the wire, so the server never sends them:
 * the request did not get through, or the answer was not an envelope we understand.
 */
export const ClientErrorCodes = {
  NETWORK: 'CLIENT.NETWORK',
  BAD_RESPONSE: 'CLIENT.BAD_RESPONSE',
  UNSUPPORTED: 'CLIENT.UNSUPPORTED',
} as const
export type ClientErrorCode = (typeof ClientErrorCodes)[keyof typeof ClientErrorCodes]

export type ServiceErrorCode = ErrorCode | ClientErrorCode

/** What a VALIDATION error carries: the first bad field and every issue, paths joined with dots. */
export interface ValidationDetails {
  path: string
  issues: { path: string; message: string }[]
}

/** Every failed backend call surfaces as one of these, so pages branch on `code`, never on text. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode | string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ServiceError'
  }

  /** The form field a COMMON.VALIDATION error is about, e.g. 'title' or 'location.district'. */
  get fieldPath(): string | null {
    const d = this.details as Partial<ValidationDetails> | undefined
    return typeof d?.path === 'string' && d.path ? d.path : null
  }

  /** Every field message of a COMMON.VALIDATION error, keyed by path. */
  get fieldErrors(): Record<string, string> {
    const d = this.details as Partial<ValidationDetails> | undefined
    const out: Record<string, string> = {}
    for (const issue of Array.isArray(d?.issues) ? d.issues : []) {
      if (issue && typeof issue.path === 'string' && !(issue.path in out))
        out[issue.path] = String(issue.message)
    }
    const path = this.fieldPath
    if (path && !(path in out)) out[path] = this.message
    return out
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError

/** Codes that mean "sign in first": the page should send the user to login, not show an error. */
export const isAuthError = (e: unknown): boolean =>
  isServiceError(e) && (e.code === 'COMMON.UNAUTHENTICATED' || e.code === 'USER.NOT_REGISTERED')

/** A wait in the words a toast uses: "30 秒", "2 分钟", "3 小时" (rounded up, so it is enough). */
export const waitInWords = (ms: number): string => {
  if (ms < MINUTE) return `${Math.max(1, Math.ceil(ms / 1000))} 秒`
  if (ms < HOUR) return `${Math.ceil(ms / MINUTE)} 分钟`
  return `${Math.ceil(ms / HOUR)} 小时`
}

/**
 * What a COMMON.RATE_LIMITED answer says on screen: the server's own first clause (发布太频繁了…)
 * with the wait worked out from `details.retryAfterMs`, e.g. "操作太频繁，请 2 分钟后再试". A message
 * that already names the day (请明天再传) is kept as it is.
 */
export const rateLimitedMessage = (message: string, details: unknown): string => {
  const ms = (details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || message.includes('明天'))
    return message
  const lead = message.split(/[，,]/)[0]?.trim() || '操作太频繁'
  return `${lead}，请 ${waitInWords(ms)}后再试`
}

/**
 * The one way an error envelope from the backend (a function, the upload route, demo sign-in)
 * becomes a ServiceError, so every page's toast reads the same for the same code.
 */
export const serviceErrorOf = (
  error: { code: string; message?: string; details?: unknown },
  fallback = '出错了，请稍后再试',
): ServiceError => {
  const message = error.message || fallback
  return new ServiceError(
    error.code,
    error.code === 'COMMON.RATE_LIMITED' ? rateLimitedMessage(message, error.details) : message,
    error.details,
  )
}
