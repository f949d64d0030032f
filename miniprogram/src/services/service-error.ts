import type { ErrorCode } from '@shared/errors/error-codes'

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
