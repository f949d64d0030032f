import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type {
  CollectionSpec,
  Doc,
  TransactionOps,
} from '../../modules/core/ports/document-store.port'
import { fromTcbError, isTransactionConflict } from './cloudbase-errors'
import type { CbTransaction } from './cloudbase-sdk.types'

type Fields = Record<string, unknown>

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The SDK reads GeoJSON back as db.Geo objects; structuredClone would strip one to its fields
 * ({ longitude, latitude }), and the set() of a later update would store that, no longer a point
 * (the search index's 2dsphere point, lost to a view-count update). Kept as the GeoJSON it is.
 */
const geoAsJson = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(geoAsJson)
  if (!v || typeof v !== 'object' || v instanceof Date) return v
  // The SDK's geo classes: an `_internalType` getter (its own symbol objects) and toJSON().
  const sdk = v as { _internalType?: unknown; toJSON?: () => unknown }
  if (sdk._internalType !== undefined && typeof sdk.toJSON === 'function') return sdk.toJSON()
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, geoAsJson(x)]))
}

/** A conflict goes up raw, for the transaction loop to retry; the rest as our errors. */
const inTx = async <R>(
  spec: CollectionSpec<Doc>,
  id: string,
  run: () => Promise<R>,
): Promise<R> => {
  try {
    return await run()
  } catch (e) {
    if (isTransactionConflict(e)) throw e
    throw fromTcbError(e, `${spec.name} ${id}`)
  }
}

/**
 * The by-id operations of one SDK transaction (CloudBase allows nothing else in one). Expected
 * fields are compared here, on the transaction's snapshot: the server's write-conflict check
 * makes that as safe as a where clause. `ensure` creates a collection on first use.
 */
export const transactionOps = (
  t: CbTransaction,
  ensure: (spec: CollectionSpec<Doc>) => Promise<unknown>,
): TransactionOps => {
  const docOf = async (spec: CollectionSpec<Doc>, id: string) => {
    await ensure(spec)
    return t.collection(spec.name).doc(id)
  }
  // Reads in a transaction are of its snapshot plus its own writes: the same id answers the
  // same until this transaction writes it, so each document is fetched once.
  const seen = new Map<string, Doc | null>()
  const remember = (spec: CollectionSpec<Doc>, id: string, doc: Doc | null) =>
    seen.set(`${spec.name}\u0000${id}`, doc && structuredClone(doc))
  const read = async <T extends Doc>(spec: CollectionSpec<T>, id: string): Promise<T | null> => {
    const key = `${spec.name}\u0000${id}`
    if (!seen.has(key)) {
      const { data } = await inTx(spec, id, async () => (await docOf(spec, id)).get())
      seen.set(key, geoAsJson(data ?? null) as Doc | null)
    }
    const doc = seen.get(key)
    return doc ? (structuredClone(doc) as T) : null
  }
  return {
    get: read,
    insert: async (spec, doc) => {
      // Checked first: a failed insert would abort the whole transaction on the server.
      if (await read(spec, doc._id))
        throw new AppError(ErrorCodes.CONFLICT, `${spec.name} ${doc._id} 已存在`)
      await inTx(spec, doc._id, async () => {
        await ensure(spec)
        return t.collection(spec.name).add(doc)
      })
      remember(spec, doc._id, doc)
    },
    update: async (spec, id, patch, options = {}) => {
      const current = await read(spec, id)
      if (!current) throw new AppError(ErrorCodes.NOT_FOUND)
      for (const [key, value] of Object.entries(options.expect ?? {}))
        if (!sameValue((current as Fields)[key], value))
          throw new AppError(ErrorCodes.CONFLICT, `${spec.name} ${id} 已被修改`, { field: key })
      const next = { ...current, ...patch, _id: current._id } as typeof current
      // set() replaces the document: the shallow merge is done here, undefined fields dropped.
      const { _id, ...body } = next as Fields
      for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k]
      await inTx(spec, id, async () => (await docOf(spec, id)).set(body))
      remember(spec, id, next)
      return next
    },
    remove: async (spec, id) => {
      if (!(await read(spec, id))) return false
      await inTx(spec, id, async () => (await docOf(spec, id)).remove())
      remember(spec, id, null)
      return true
    },
  }
}
