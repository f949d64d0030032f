import { parseEjson, type Value } from './ejson'
import { UPDATE_OPERATORS } from './update-operators'
import { invalidParam, requestFailed } from './sandbox-error'
import { keyOf, type Environment, type IndexDef, type Obj } from './store'
import type { Transaction, Transactions } from './transactions'

export type Params = Record<string, unknown>

/** What an action handler works with: one environment, the transactions, a change hook. */
export interface ActionContext {
  envName: string
  env: Environment
  txs: Transactions
  /** Declared indexes per collection name, applied when the collection is created. */
  indexesFor(collection: string): IndexDef[]
  /** Called after every commit (persistence). */
  changed(): void
}

/** The answer's fields besides `requestId`, e.g. `{ data: { list } }` or `{ transactionId }`. */
export type ActionResult = Record<string, unknown>
export type Action = (p: Params, ctx: ActionContext) => ActionResult | Promise<ActionResult>

export const collectionName = (p: Params): string =>
  typeof p.collectionName === 'string' && p.collectionName
    ? p.collectionName
    : invalidParam('collectionName is required')

/** An EJSON object field (query, data, order, projection); `fallback` when absent. */
export const objectField = (p: Params, field: string, fallback?: Obj): Obj => {
  if (p[field] === undefined || p[field] === '') {
    if (fallback) return fallback
    return invalidParam(`${field} is required`)
  }
  const v = parseEjson(p[field], field)
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return invalidParam(`${field} must be an object`)
  return v as Obj
}

export const transactionOf = (p: Params, ctx: ActionContext): Transaction | undefined =>
  p.transactionId === undefined || p.transactionId === ''
    ? undefined
    : ctx.txs.get(p.transactionId, ctx.envName)

/** Inside a transaction CloudBase works on one document by id: the query must be `{ _id }`. */
export const idQuery = (query: Obj): string => {
  const keys = Object.keys(query)
  if (
    keys.length !== 1 ||
    keys[0] !== '_id' ||
    (typeof query._id !== 'string' && typeof query._id !== 'number')
  )
    return invalidParam('inside a transaction documents are read and written by _id only')
  return keyOf(query._id)
}

/** An update document: operators only (merge) or a plain replacement (set). */
export const updateOf = (p: Params, merge: boolean): Obj => {
  const data = objectField(p, 'data')
  const keys = Object.keys(data)
  if (merge) {
    if (!keys.length) invalidParam('data must hold at least one update operator')
    for (const k of keys)
      if (!(UPDATE_OPERATORS as readonly string[]).includes(k))
        requestFailed(`update operator ${k} is not supported by the sandbox`)
  } else if (keys.some((k) => k.startsWith('$')))
    requestFailed('a replacement cannot hold operators')
  return data
}

/**
 * Runs a write outside any transaction once no open transaction holds a lock on the documents
 * it touches (MongoDB makes such a write wait for the transaction to end). `plan` is evaluated
 * again after each wait, since the documents it matches may have changed.
 */
export const whenUnlocked = async <R>(
  ctx: ActionContext,
  collection: string,
  plan: () => { keys: string[]; apply: () => R },
): Promise<R> => {
  for (;;) {
    const { keys, apply } = plan()
    const holder = keys.map((k) => ctx.txs.holder(ctx.envName, collection, k)).find(Boolean)
    if (!holder) return apply()
    await holder.done
  }
}

/** CloudBase's generated ids are 32 hex characters. */
export const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

export const asObj = (v: Value, field: string): Obj =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Obj)
    : invalidParam(`${field} must be an object`)
