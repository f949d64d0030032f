/**
 * The part of @cloudbase/node-sdk's database API (3.18, @cloudbase/database 1.4) the CloudBase
 * adapters use, typed: the SDK declares all of it `any`. Shapes follow the SDK's source: a
 * failed call throws `TcbError { code, message, requestId }`.
 */

/** A built condition or update command (`db.command.gt(1)`, `db.command.set({...})`). */
export type CbCommandValue = { readonly __cbCommand?: never } & object

export interface CbCommand {
  eq(v: unknown): CbLogic
  neq(v: unknown): CbLogic
  gt(v: unknown): CbLogic
  gte(v: unknown): CbLogic
  lt(v: unknown): CbLogic
  lte(v: unknown): CbLogic
  in(v: unknown[]): CbLogic
  exists(v: boolean): CbLogic
  and(conditions: object[]): CbLogic
  or(conditions: object[]): CbLogic
  /** Replaces a field's value whole (a plain nested object would merge field by field). */
  set(v: unknown): CbCommandValue
  /** Removes the field ($unset). */
  remove(): CbCommandValue
}

/** A query command that can be chained: `_.gte(2).and(_.lt(4))`. */
export interface CbLogic extends CbCommandValue {
  and(...more: CbLogic[]): CbLogic
}

export interface CbQuery {
  where(query: object): CbQuery
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery
  limit(n: number): CbQuery
  skip(n: number): CbQuery
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(data: object): Promise<{ updated: number }>
  /** The first match, updated and answered: `doc` is null when nothing matched. */
  updateAndReturn(data: object): Promise<{ updated: number; doc: unknown | null }>
  remove(): Promise<{ deleted: number }>
}

export interface CbDocumentRef {
  /** Outside a transaction `data` is a list (0 or 1 documents); inside, the document or null. */
  get(): Promise<{ data: unknown }>
  update(data: object): Promise<{ updated: number }>
  /** Replaces the document (creates it when missing); `data` must not hold `_id`. */
  set(data: object): Promise<{ updated: number }>
  remove(): Promise<{ deleted: number }>
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocumentRef
  add(doc: object): Promise<{ id: string }>
}

export interface CbTransaction {
  collection(name: string): CbCollection
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

export interface CbDatabase {
  command: CbCommand
  collection(name: string): CbCollection
  createCollection(name: string): Promise<unknown>
  /** Starts a transaction, runs fn, commits; retries up to `times` on a transaction conflict. */
  runTransaction<R>(fn: (tx: CbTransaction) => Promise<R>, times?: number): Promise<R>
}

/** What the SDK throws. */
export interface TcbError {
  code: string
  message: string
  requestId?: string
}

export const isTcbError = (e: unknown): e is TcbError =>
  typeof e === 'object' && e !== null && typeof (e as TcbError).code === 'string'

/** The database of an initialised app (`cloudbase.init(...)`), under our types. */
export const databaseOf = (app: { database(): unknown }): CbDatabase => app.database() as CbDatabase
