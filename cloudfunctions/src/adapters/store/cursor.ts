import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Scalar } from '../../modules/core/ports/document-store.port'

/** Where the previous page ended: the sort value and the id that breaks ties. */
export interface CursorPosition {
  value: Scalar
  id: string
}

export const encodeCursor = (p: CursorPosition): string =>
  Buffer.from(JSON.stringify([p.value, p.id])).toString('base64url')

/** A cursor from a client is untrusted input: anything malformed is a validation error. */
export const decodeCursor = (cursor: string): CursorPosition => {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]
    const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value)
    if (scalar && typeof id === 'string') return { value: value as Scalar, id }
  } catch {
    // fall through
  }
  throw new AppError(ErrorCodes.VALIDATION, '分页参数无效，请刷新')
}
