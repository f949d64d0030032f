import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type {
  CollectionSpec,
  Doc,
  DocumentStore,
  FieldCondition,
  Filter,
  FindOptions,
  Page,
  Scalar,
  TransactionOps,
  UpdateOptions,
} from '../../modules/core/ports/document-store.port'
import { assertFindLimit } from '../../modules/core/ports/document-store.port'
import { decodeCursor, encodeCursor } from './cursor'

type Row = { _id: string; doc: string }
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

/**
 * DocumentStore on SQLite: one table per collection (`_id`, JSON `doc`), declared index fields as
 * generated columns with real indexes, WAL for concurrent readers. better-sqlite3 is synchronous,
 * so an async transaction holds the connection: other calls wait until it commits, except calls
 * made from inside it (tracked with AsyncLocalStorage) which run in it.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database
  private readonly ready = new Map<string, Set<string>>()
  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  private readonly statements = new Map<string, Database.Statement>()
  private readonly txScope = new AsyncLocalStorage<true>()
  private txTail: Promise<unknown> = Promise.resolve()
  private txOpen = false

  constructor(filePath: string) {
    this.db = new Database(filePath)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
  }

  close() {
    this.db.close()
  }

  /**
   * The connection, for adapters whose writes must land in the same transactions as documents
   * (the SQLite listing search index). Statements run on it join an open `transaction`.
   */
  get connection(): Database.Database {
    return this.db
  }

  async get<T extends Doc>(spec: CollectionSpec<T>, id: string): Promise<T | null> {
    await this.turn()
    const row = this.statement(`SELECT doc FROM ${this.table(spec)} WHERE _id = ?`).get(id) as
      Row | undefined
    return row ? (JSON.parse(row.doc) as T) : null
  }

  async insert<T extends Doc>(spec: CollectionSpec<T>, doc: T): Promise<void> {
    await this.turn()
    try {
      this.statement(`INSERT INTO ${this.table(spec)} (_id, doc) VALUES (?, ?)`).run(
        doc._id,
        JSON.stringify(doc),
      )
    } catch (e) {
      if (isConstraint(e)) throw new AppError(ErrorCodes.CONFLICT, `${spec.name} ${doc._id} 已存在`)
      throw e
    }
  }

  async update<T extends Doc>(
    spec: CollectionSpec<T>,
    id: string,
    patch: Partial<Omit<T, '_id'>>,
    options: UpdateOptions<T> = {},
  ): Promise<T> {
    await this.turn()
    const table = this.table(spec)
    // Read, check and write in one SQLite transaction so another process cannot slip in between.
    return this.db.transaction(() => {
      const row = this.statement(`SELECT doc FROM ${table} WHERE _id = ?`).get(id) as
        Row | undefined
      if (!row) throw new AppError(ErrorCodes.NOT_FOUND)
      const current = JSON.parse(row.doc) as T
      for (const [key, value] of Object.entries(options.expect ?? {})) {
        if (!sameValue((current as Record<string, unknown>)[key], value)) {
          throw new AppError(ErrorCodes.CONFLICT, `${spec.name} ${id} 已被修改`, { field: key })
        }
      }
      const next = { ...current, ...patch, _id: current._id } as T
      try {
        this.statement(`UPDATE ${table} SET doc = ? WHERE _id = ?`).run(JSON.stringify(next), id)
      } catch (e) {
        if (isConstraint(e)) throw new AppError(ErrorCodes.CONFLICT)
        throw e
      }
      return next
    })()
  }

  async remove<T extends Doc>(spec: CollectionSpec<T>, id: string): Promise<boolean> {
    await this.turn()
    return this.statement(`DELETE FROM ${this.table(spec)} WHERE _id = ?`).run(id).changes > 0
  }

  async find<T extends Doc>(
    spec: CollectionSpec<T>,
    filter: Filter<T>,
    options: FindOptions<T>,
  ): Promise<Page<T>> {
    assertFindLimit(options.limit)
    await this.turn()
    const table = this.table(spec)
    const where = this.where(spec, filter)
    const field = options.orderBy?.field ?? '_id'
    const desc = (options.orderBy?.direction ?? 'asc') === 'desc'
    const expr = this.expr(spec, field)
    if (options.cursor) {
      const after = decodeCursor(options.cursor)
      const cmp = desc ? '<' : '>'
      if (field === '_id') {
        where.sql.push(`_id ${cmp} ?`)
        where.params.push(after.id)
      } else {
        where.sql.push(`(${expr} ${cmp} ? OR (${expr} = ? AND _id ${cmp} ?))`)
        where.params.push(sqlValue(after.value), sqlValue(after.value), after.id)
      }
    }
    const dir = desc ? 'DESC' : 'ASC'
    const order = field === '_id' ? `_id ${dir}` : `${expr} ${dir}, _id ${dir}`
    const rows = this.db
      .prepare(`SELECT doc FROM ${table} ${whereSql(where.sql)} ORDER BY ${order} LIMIT ?`)
      .all(...where.params, options.limit + 1) as Row[]
    const items = rows.slice(0, options.limit).map((r) => JSON.parse(r.doc) as T)
    const last = items[items.length - 1]
    const nextCursor =
      rows.length > options.limit && last
        ? encodeCursor({ value: (last as Record<string, unknown>)[field] as Scalar, id: last._id })
        : null
    return { items, nextCursor }
  }

  async count<T extends Doc>(spec: CollectionSpec<T>, filter: Filter<T>): Promise<number> {
    await this.turn()
    const where = this.where(spec, filter)
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM ${this.table(spec)} ${whereSql(where.sql)}`)
      .get(...where.params) as { n: number }
    return row.n
  }

  async transaction<R>(fn: (tx: TransactionOps) => Promise<R>): Promise<R> {
    if (this.txScope.getStore()) return fn(this) // already inside: join it
    const run = async () => {
      this.db.exec('BEGIN IMMEDIATE')
      this.txOpen = true
      try {
        const result = await this.txScope.run(true, () => fn(this))
        this.db.exec('COMMIT')
        return result
      } catch (e) {
        this.db.exec('ROLLBACK')
        // Tables (and index columns) created inside the transaction are gone again: check anew.
        this.ready.clear()
        this.statements.clear()
        throw e
      } finally {
        this.txOpen = false
      }
    }
    const result = this.txTail.then(run, run)
    this.txTail = result.catch(() => undefined)
    return result
  }

  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql)
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)))
    return st
  }

  /** Waits while another caller's transaction holds the connection. */
  private async turn() {
    while (this.txOpen && !this.txScope.getStore()) await this.txTail
  }

  /** The collection's table, created with its declared indexes on first use. */
  private table<T extends Doc>(spec: CollectionSpec<T>): string {
    const name = `"c_${spec.name}"`
    if (this.ready.has(spec.name)) return name
    const indexed = new Set<string>()
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${name} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`,
    )
    const columns = new Set(
      (this.statement(`PRAGMA table_xinfo(${name})`).all() as { name: string }[]).map(
        (c) => c.name,
      ),
    )
    for (const index of spec.indexes) {
      const cols = index.fields.map(({ field, direction }) => {
        if (field !== '_id') {
          assertField(field)
          indexed.add(field)
          if (!columns.has(column(field))) {
            this.db.exec(
              `ALTER TABLE ${name} ADD COLUMN "${column(field)}" GENERATED ALWAYS AS (json_extract(doc, '$.${field}')) VIRTUAL`,
            )
            columns.add(column(field))
          }
        }
        const col = field === '_id' ? '_id' : `"${column(field)}"`
        return `${col} ${direction === 'desc' ? 'DESC' : 'ASC'}`
      })
      this.db.exec(
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${spec.name}__${index.name}" ON ${name} (${cols.join(', ')})`,
      )
    }
    this.ready.set(spec.name, indexed)
    return name
  }

  /** SQL for a field: its indexed generated column, or json_extract when it has none. */
  private expr<T extends Doc>(spec: CollectionSpec<T>, field: string): string {
    if (field === '_id') return '_id'
    assertField(field)
    return this.ready.get(spec.name)?.has(field)
      ? `"${column(field)}"`
      : `json_extract(doc, '$.${field}')`
  }

  private where<T extends Doc>(spec: CollectionSpec<T>, filter: Filter<T>) {
    const sql: string[] = []
    const params: unknown[] = []
    for (const [field, condition] of Object.entries(filter) as [string, FieldCondition][]) {
      if (condition === undefined) continue
      const expr = this.expr(spec, field)
      const ops = isOperatorObject(condition) ? condition : { $eq: condition }
      for (const [op, value] of Object.entries(ops)) {
        if (value === undefined) continue
        if (op === '$in') {
          const list = value as Scalar[]
          if (list.length === 0) sql.push('0')
          else {
            sql.push(`${expr} IN (${list.map(() => '?').join(', ')})`)
            params.push(...list.map(sqlValue))
          }
        } else if (value === null && (op === '$eq' || op === '$ne')) {
          sql.push(`${expr} IS ${op === '$ne' ? 'NOT ' : ''}NULL`)
        } else {
          sql.push(`${expr} ${OPERATORS[op] ?? badOperator(op)} ?`)
          params.push(sqlValue(value as Scalar))
        }
      }
    }
    return { sql, params }
  }
}

const OPERATORS: Record<string, string> = {
  $eq: '=',
  $ne: '!=',
  $gt: '>',
  $gte: '>=',
  $lt: '<',
  $lte: '<=',
}

const badOperator = (op: string): never => {
  throw new Error(`unsupported filter operator ${op}`)
}

const isOperatorObject = (c: FieldCondition): c is Exclude<FieldCondition, Scalar> =>
  typeof c === 'object' && c !== null

/** json_extract yields 1/0 for JSON booleans; compare like with like. */
const sqlValue = (v: Scalar): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

const whereSql = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '')

const column = (field: string) => `f_${field.replace(/\./g, '__')}`

const assertField = (field: string) => {
  if (!FIELD.test(field)) throw new Error(`invalid field name ${field}`)
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const isConstraint = (e: unknown) =>
  typeof (e as { code?: string }).code === 'string' &&
  (e as { code: string }).code.startsWith('SQLITE_CONSTRAINT')
