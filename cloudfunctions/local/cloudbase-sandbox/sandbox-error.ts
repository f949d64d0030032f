/**
 * The error answers the CloudBase API gives and @cloudbase/node-sdk turns into a thrown
 * `TcbError { code, message, requestId }` (HTTP 200 with a `code` in the body).
 */
export const SandboxCodes = {
  /** The action name is not one this sandbox (or CloudBase) knows. */
  INVALID_ACTION: 'INVALID_ACTION',
  /** A request field is missing or malformed (bad EJSON, no collectionName...). */
  INVALID_PARAM: 'INVALID_PARAM',
  /** Missing, forged or expired TC3 signature, or an unknown secretId. */
  SIGN_PARAM_INVALID: 'SIGN_PARAM_INVALID',
  /** The database refused the statement: duplicate key, unsupported operator, bad update... */
  DATABASE_REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  /** A write met another transaction's write: the SDK's runTransaction retries on this code. */
  DATABASE_TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  /** The transaction id is unknown, committed, aborted or expired. */
  DATABASE_TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  DATABASE_COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  DATABASE_COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
} as const

export type SandboxCode = (typeof SandboxCodes)[keyof typeof SandboxCodes]

export class SandboxError extends Error {
  constructor(
    readonly code: SandboxCode,
    message: string,
  ) {
    super(message)
  }
}

/** Refuses a request field; the message names it so a failing adapter test says what was wrong. */
export const invalidParam = (message: string): never => {
  throw new SandboxError(SandboxCodes.INVALID_PARAM, message)
}

/** The database statement itself is refused (unsupported operator, duplicate key...). */
export const requestFailed = (message: string): never => {
  throw new SandboxError(SandboxCodes.DATABASE_REQUEST_FAILED, message)
}
