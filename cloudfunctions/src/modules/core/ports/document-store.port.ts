/**
 * DocumentStore: collections of JSON documents keyed by `_id`. The SQLite adapter runs locally
 * and in tests; a CloudBase adapter implements the same port in production. Everything a use case
 * may do here must be expressible in both, which is why transactions are by id only.
 */

import { AppError, ErrorCodes } from '@shared/errors/error-codes'

export type Doc = { _id: string }

export type Scalar = string | number | boolean | null

/** The small filter subset both databases can answer with an index. */
export type FieldCondition =
  | Scalar
  | {
      $eq?: Scalar
      $ne?: Scalar
      $in?: Scalar[]
      $gt?: Scalar
      $gte?: Scalar
      $lt?: Scalar
      $lte?: Scalar
    }

export type Filter<T> = { [K in keyof T & string]?: FieldCondition }

/**
 * The most documents one `find` returns, in every adapter: CloudBase answers at most 1000 per
 * query and its adapter reads one more to see whether a page follows. SQLite refuses more too,
 * so code asking for more fails in local tests, not first in production.
 */
export const MAX_FIND_LIMIT = 999

export interface FindOptions<T> {
  /** Sort field; `_id` breaks ties, so with time-ordered ids `_id desc` is newest first. */
  orderBy?: { field: keyof T & string; direction: 'asc' | 'desc' }
  /** 1 to MAX_FIND_LIMIT; anything else is COMMON.VALIDATION. */
  limit: number
  /** The `nextCursor` of the previous page. */
  cursor?: string
}

/** What a caller asks for: how many, after which cursor. */
export type PageRequest = Pick<FindOptions<Doc>, 'cursor' | 'limit'>

/** A page of `field` in descending order: newest first, for times and sort keys. */
export const newestFirst = <T>(field: keyof T & string, page: PageRequest): FindOptions<T> => ({
  orderBy: { field, direction: 'desc' },
  ...page,
})

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface IndexSpec {
  name: string
  fields: { field: string; direction?: 'asc' | 'desc' }[]
  unique?: boolean
}

/** A collection is declared once, with its indexes; both adapters create them. */
export interface CollectionSpec<T extends Doc> {
  name: string
  indexes: IndexSpec[]
  /** Phantom field carrying the document type. */
  readonly _type?: T
}

export const defineCollection = <T extends Doc>(
  name: string,
  indexes: IndexSpec[] = [],
): CollectionSpec<T> => ({ name, indexes })

export interface UpdateOptions<T> {
  /** Compare-and-set: the update applies only if these top-level fields still hold these values. */
  expect?: Partial<T>
}

/** Operations allowed inside a transaction: by id only (CloudBase allows nothing else). */
export interface TransactionOps {
  /** Reads one document by id, or null. */
  get<T extends Doc>(spec: CollectionSpec<T>, id: string): Promise<T | null>
  /** Inserts; COMMON.CONFLICT if the id exists. */
  insert<T extends Doc>(spec: CollectionSpec<T>, doc: T): Promise<void>
  /** Shallow-merges top-level fields; COMMON.NOT_FOUND or COMMON.CONFLICT (expectation failed). */
  update<T extends Doc>(
    spec: CollectionSpec<T>,
    id: string,
    patch: Partial<Omit<T, '_id'>>,
    options?: UpdateOptions<T>,
  ): Promise<T>
  /** Deletes by id; answers whether a document was there. */
  remove<T extends Doc>(spec: CollectionSpec<T>, id: string): Promise<boolean>
}

export interface DocumentStore extends TransactionOps {
  /** Documents matching the filter, in order, one page at a time. */
  find<T extends Doc>(
    spec: CollectionSpec<T>,
    filter: Filter<T>,
    options: FindOptions<T>,
  ): Promise<Page<T>>
  /** How many documents match the filter. */
  count<T extends Doc>(spec: CollectionSpec<T>, filter: Filter<T>): Promise<number>
  /** Runs fn atomically: all its writes land or none do. */
  transaction<R>(fn: (tx: TransactionOps) => Promise<R>): Promise<R>
}

/** Refuses a page size outside 1–MAX_FIND_LIMIT, as every adapter must. */
export const assertFindLimit = (limit: number): void => {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIND_LIMIT)
    throw new AppError(ErrorCodes.VALIDATION, `每页 1 到 ${MAX_FIND_LIMIT} 条`)
}
