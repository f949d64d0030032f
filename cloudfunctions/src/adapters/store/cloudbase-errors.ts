import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { isTcbError } from './cloudbase-sdk.types'

/** The code the SDK's runTransaction retries on; it must reach runTransaction unchanged. */
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'
export const COLLECTION_EXISTS = 'DATABASE_COLLECTION_ALREADY_EXIST'

/** MongoDB's duplicate key error, which CloudBase answers as DATABASE_REQUEST_FAILED. */
const isDuplicateKey = (e: unknown) => isTcbError(e) && /E11000|duplicate key/i.test(e.message)

export const isTransactionConflict = (e: unknown) =>
  isTcbError(e) && e.code === TRANSACTION_CONFLICT

/**
 * Our reading of a failed SDK call: a duplicate key is a CONFLICT (an idempotency key or a unique
 * index already holds the value); a transaction conflict left after the SDK's retries is a
 * CONFLICT too (callers such as the rate limiter try again). Anything else stays an internal
 * failure, with CloudBase's code and request id in the message for the logs.
 */
export const fromTcbError = (e: unknown, what: string): Error => {
  if (!isTcbError(e)) return e instanceof Error ? e : new Error(String(e))
  if (isDuplicateKey(e)) return new AppError(ErrorCodes.CONFLICT, `${what} 已存在`)
  if (e.code === TRANSACTION_CONFLICT)
    return new AppError(ErrorCodes.CONFLICT, '数据正被同时修改，请稍后重试')
  return new Error(`CloudBase ${e.code} (${what}): ${e.message} [${e.requestId ?? ''}]`)
}
