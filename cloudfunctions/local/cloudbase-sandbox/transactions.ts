import { randomUUID } from 'node:crypto'
import { SandboxCodes, SandboxError } from './sandbox-error'
import { assertUnique, keyOf, type Environment, type Obj, type Write } from './store'

type TxState = 'open' | 'committed' | 'aborted'

/**
 * A transaction reads the snapshot it started from plus its own writes, and holds a write lock
 * on every document it wrote until it ends, as MongoDB's (and so CloudBase's) do.
 */
export class Transaction {
  readonly writes = new Map<string, Write>()
  state: TxState = 'open'
  /** Settles when the transaction commits or aborts: what a waiting outside write awaits. */
  readonly done: Promise<void>
  private settle!: () => void
  timer?: NodeJS.Timeout

  constructor(
    readonly id: string,
    readonly envName: string,
    readonly env: Environment,
    readonly startSeq: number,
  ) {
    this.done = new Promise((resolve) => (this.settle = resolve))
  }

  end(state: Exclude<TxState, 'open'>) {
    this.state = state
    clearTimeout(this.timer)
    this.settle()
  }
}

const slot = (collection: string, key: string) => `${collection}\u0000${key}`

export class Transactions {
  private readonly open = new Map<string, Transaction>()
  private readonly locks = new Map<string, Transaction>()

  /** @param lifetimeMs an open transaction is aborted after this long (MongoDB: 60 s). */
  constructor(private readonly lifetimeMs = 60_000) {}

  start(envName: string, env: Environment): Transaction {
    const tx = new Transaction(randomUUID().replace(/-/g, ''), envName, env, env.seq)
    tx.timer = setTimeout(() => this.abort(tx), this.lifetimeMs)
    tx.timer.unref()
    this.open.set(tx.id, tx)
    return tx
  }

  /** The open transaction with this id in this environment, or DATABASE_TRANSACTION_FAIL. */
  get(id: unknown, envName: string): Transaction {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (!tx || tx.envName !== envName)
      throw new SandboxError(
        SandboxCodes.DATABASE_TRANSACTION_FAIL,
        `transaction ${String(id)} is not open (unknown, committed, aborted or expired)`,
      )
    return tx
  }

  /** What the transaction sees for a document: its own write, else its snapshot. */
  read(tx: Transaction, collection: string, key: string): Obj | null {
    const own = tx.writes.get(slot(collection, key))
    if (own) return own.doc
    return tx.env.collection(collection).at(key, tx.startSeq)
  }

  /**
   * Records a write. A document locked by another transaction, or committed after this one's
   * snapshot, is a write conflict: this transaction is aborted, as MongoDB aborts it, and the
   * SDK's runTransaction starts a new one.
   */
  write(tx: Transaction, collection: string, key: string, doc: Obj | null) {
    const coll = tx.env.collection(collection)
    const holder = this.locks.get(this.lockKey(tx.envName, collection, key))
    if ((holder && holder !== tx) || coll.lastWrite(key) > tx.startSeq) {
      this.abort(tx)
      throw new SandboxError(
        SandboxCodes.DATABASE_TRANSACTION_CONFLICT,
        `write conflict on ${collection} ${key.slice(2)}`,
      )
    }
    if (doc) assertUnique(coll, key, doc, this.view(tx, collection))
    this.locks.set(this.lockKey(tx.envName, collection, key), tx)
    tx.writes.set(slot(collection, key), { collection, key, doc })
  }

  commit(tx: Transaction) {
    // Unique values are checked again against what others committed since the snapshot.
    try {
      for (const w of tx.writes.values()) {
        if (!w.doc) continue
        const coll = tx.env.collection(w.collection)
        const mine = [...tx.writes.values()].filter((x) => x.collection === w.collection)
        const others = coll.docs().filter((d) => !mine.some((x) => x.key === keyOf(d._id)))
        assertUnique(coll, w.key, w.doc, [
          ...others,
          ...mine.flatMap((x) => (x.doc ? [x.doc] : [])),
        ])
      }
    } catch (e) {
      this.abort(tx)
      throw e
    }
    this.release(tx)
    tx.env.commit([...tx.writes.values()], this.keepFrom(tx.envName))
    tx.end('committed')
  }

  abort(tx: Transaction) {
    if (tx.state !== 'open') return
    this.release(tx)
    tx.end('aborted')
  }

  /** The transaction holding a write lock on this document, if any. */
  holder(envName: string, collection: string, key: string): Transaction | undefined {
    return this.locks.get(this.lockKey(envName, collection, key))
  }

  /** The oldest snapshot an open transaction of this environment still reads. */
  keepFrom(envName: string): number {
    let min = Infinity
    for (const tx of this.open.values())
      if (tx.envName === envName) min = Math.min(min, tx.startSeq)
    return min
  }

  /** Aborts everything (the sandbox is closing). */
  closeAll() {
    for (const tx of [...this.open.values()]) this.abort(tx)
  }

  private view(tx: Transaction, collection: string): Obj[] {
    const docs = new Map<string, Obj | null>()
    for (const d of tx.env.collection(collection).docs(tx.startSeq)) docs.set(keyOf(d._id), d)
    for (const w of tx.writes.values()) if (w.collection === collection) docs.set(w.key, w.doc)
    return [...docs.values()].filter((d): d is Obj => d !== null)
  }

  private release(tx: Transaction) {
    this.open.delete(tx.id)
    for (const w of tx.writes.values()) {
      const k = this.lockKey(tx.envName, w.collection, w.key)
      if (this.locks.get(k) === tx) this.locks.delete(k)
    }
  }

  private lockKey(envName: string, collection: string, key: string) {
    return `${envName}\u0000${slot(collection, key)}`
  }
}
