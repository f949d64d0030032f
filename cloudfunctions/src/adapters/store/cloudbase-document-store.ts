import { AsyncLocalStorage } from 'node:async_hooks'
import { randomInt } from 'node:crypto'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type {
  CollectionSpec,
  Doc,
  DocumentStore,
  Filter,
  FindOptions,
  Page,
  Scalar,
  TransactionOps,
  UpdateOptions,
} from '../../modules/core/ports/document-store.port'
import { assertFindLimit } from '../../modules/core/ports/document-store.port'
import { afterCursor, toWhere } from './cloudbase-filter'
import { COLLECTION_EXISTS, fromTcbError, isTransactionConflict } from './cloudbase-errors'
import type { CbCommand, CbDatabase } from './cloudbase-sdk.types'
import { transactionOps } from './cloudbase-transaction-ops'
import { isTcbError } from './cloudbase-sdk.types'
import { ConcurrencyGate } from './concurrency-gate'
import { decodeCursor, encodeCursor } from './cursor'

/** A transaction that meets a write conflict runs again, up to this many attempts in all. */
const TRANSACTION_ATTEMPTS = 10

/**
 * Random, growing waits between attempts (full jitter): callers that collided on one document
 * spread out instead of colliding again in lockstep.
 */
const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, randomInt(0, Math.min(2 ** attempt, 64) + 1)))

type Fields = Record<string, unknown>

/** A patch as CloudBase update commands: top-level fields replaced whole, undefined removed. */
const updateOf = (_: CbCommand, patch: Fields): Fields => {
  const out: Fields = {}
  for (const [k, v] of Object.entries(patch)) {
    if (k === '_id') continue
    out[k] = v === undefined ? _.remove() : v !== null && typeof v === 'object' ? _.set(v) : v
  }
  return out
}

/** `expect` as where conditions: equal, and present (null) or absent (undefined). */
const expectOf = (_: CbCommand, expect: Fields): Fields => {
  const out: Fields = {}
  for (const [k, v] of Object.entries(expect))
    out[k] =
      v === undefined ? _.exists(false) : v === null ? _.eq(null).and(_.exists(true)) : _.eq(v)
  return out
}

/**
 * DocumentStore over the CloudBase document database (@cloudbase/node-sdk). Compare-and-set
 * updates are one `updateAndReturn` whose where clause holds the id and the expected fields.
 * Transactions use the SDK's runTransaction: optimistic, so on a write conflict `fn` runs again
 * from the start (keep it free of side effects outside the store); calls made inside `fn` through
 * the store itself join it. Collections are created on first use (indexes come with the deploy).
 */
export class CloudbaseDocumentStore implements DocumentStore {
  private readonly ready = new Map<string, Promise<void>>()
  private readonly txScope = new AsyncLocalStorage<TransactionOps>()
  private readonly gate: ConcurrencyGate

  /** @param maxTransactions transactions of this process in flight at once; others queue. */
  constructor(
    private readonly db: CbDatabase,
    { maxTransactions = 4 }: { maxTransactions?: number } = {},
  ) {
    this.gate = new ConcurrencyGate(maxTransactions)
  }

  /** Creates the collections now rather than on first use (a deploy step, or a warm-up). */
  async ensureCollections(specs: CollectionSpec<Doc>[]): Promise<void> {
    await Promise.all(specs.map((s) => this.collection(s)))
  }

  /** The transaction this call path runs in, if any: an adapter writing beside the store joins it. */
  joinedTransaction(): TransactionOps | undefined {
    return this.txScope.getStore()
  }

  async get<T extends Doc>(spec: CollectionSpec<T>, id: string): Promise<T | null> {
    const tx = this.txScope.getStore()
    if (tx) return tx.get(spec, id)
    const { data } = await this.call(spec, id, async () =>
      (await this.collection(spec)).doc(id).get(),
    )
    return ((data as T[])[0] ?? null) as T | null
  }

  async insert<T extends Doc>(spec: CollectionSpec<T>, doc: T): Promise<void> {
    const tx = this.txScope.getStore()
    if (tx) return tx.insert(spec, doc)
    await this.call(spec, doc._id, async () => (await this.collection(spec)).add(doc))
  }

  async update<T extends Doc>(
    spec: CollectionSpec<T>,
    id: string,
    patch: Partial<Omit<T, '_id'>>,
    options: UpdateOptions<T> = {},
  ): Promise<T> {
    const tx = this.txScope.getStore()
    if (tx) return tx.update(spec, id, patch, options)
    const _ = this.db.command
    const where = { ...expectOf(_, (options.expect ?? {}) as Fields), _id: id }
    const update = updateOf(_, patch as Fields)
    const coll = await this.collection(spec)
    const result = Object.keys(update).length
      ? await this.call(spec, id, () => coll.where(where).updateAndReturn(update))
      : { doc: (await this.call(spec, id, () => coll.where(where).limit(1).get())).data[0] ?? null }
    if (result.doc) return result.doc as T
    // Nothing matched: tell a missing document from a failed expectation.
    if (!(await this.get(spec, id))) throw new AppError(ErrorCodes.NOT_FOUND)
    throw new AppError(ErrorCodes.CONFLICT, `${spec.name} ${id} 已被修改`)
  }

  async remove<T extends Doc>(spec: CollectionSpec<T>, id: string): Promise<boolean> {
    const tx = this.txScope.getStore()
    if (tx) return tx.remove(spec, id)
    const { deleted } = await this.call(spec, id, async () =>
      (await this.collection(spec)).doc(id).remove(),
    )
    return deleted > 0
  }

  async find<T extends Doc>(
    spec: CollectionSpec<T>,
    filter: Filter<T>,
    options: FindOptions<T>,
  ): Promise<Page<T>> {
    assertFindLimit(options.limit)
    const _ = this.db.command
    const field = options.orderBy?.field ?? '_id'
    const desc = options.orderBy?.direction === 'desc'
    const where = toWhere(_, filter)
    const cursor = options.cursor ? decodeCursor(options.cursor) : null
    const query = cursor ? _.and([where, afterCursor(_, field, desc, cursor)]) : where
    let q = (await this.collection(spec)).where(query).orderBy(field, desc ? 'desc' : 'asc')
    if (field !== '_id') q = q.orderBy('_id', desc ? 'desc' : 'asc')
    const { data } = await this.call(spec, '', () => q.limit(options.limit + 1).get())
    const items = (data as T[]).slice(0, options.limit)
    const last = items[items.length - 1] as (T & Fields) | undefined
    const nextCursor =
      data.length > options.limit && last
        ? encodeCursor({ value: (last[field] ?? null) as Scalar, id: last._id })
        : null
    return { items, nextCursor }
  }

  async count<T extends Doc>(spec: CollectionSpec<T>, filter: Filter<T>): Promise<number> {
    const coll = await this.collection(spec)
    const { total } = await this.call(spec, '', () =>
      coll.where(toWhere(this.db.command, filter)).count(),
    )
    return total
  }

  async transaction<R>(fn: (tx: TransactionOps) => Promise<R>): Promise<R> {
    const joined = this.txScope.getStore()
    if (joined) return fn(joined)
    return this.gate.run(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          // times = 0: the SDK rolls back and throws; retrying here lets callers back off.
          return await this.db.runTransaction((t) => {
            const ops = transactionOps(t, (spec) => this.collection(spec))
            return this.txScope.run(ops, () => fn(ops))
          }, 0)
        } catch (e) {
          if (isTransactionConflict(e) && attempt < TRANSACTION_ATTEMPTS) {
            await backOff(attempt)
            continue
          }
          throw isAppError(e) ? e : fromTcbError(e, 'transaction')
        }
      }
    })
  }

  private async call<R>(spec: CollectionSpec<Doc>, id: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run()
    } catch (e) {
      throw fromTcbError(e, `${spec.name} ${id}`.trim())
    }
  }

  /** The SDK collection, created once per process if it does not exist yet. */
  private collection(spec: CollectionSpec<Doc>) {
    let ready = this.ready.get(spec.name)
    if (!ready) {
      ready = this.db.createCollection(spec.name).then(
        () => undefined,
        (e: unknown) => {
          if (isTcbError(e) && e.code === COLLECTION_EXISTS) return
          this.ready.delete(spec.name)
          throw fromTcbError(e, spec.name)
        },
      )
      this.ready.set(spec.name, ready)
    }
    return ready.then(() => this.db.collection(spec.name))
  }
}
