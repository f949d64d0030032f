import type { Value } from './ejson'
import { SandboxCodes, SandboxError, requestFailed } from './sandbox-error'

export type Obj = Record<string, Value>

/** An index as CloudBase (MongoDB) declares it; `2dsphere` makes a field usable by geo queries. */
export interface IndexDef {
  name: string
  keys: Record<string, 1 | -1 | '2dsphere'>
  unique?: boolean
}

/** One committed state of a document; `doc: null` is a deletion. */
interface Version {
  seq: number
  doc: Obj | null
}

export interface Write {
  collection: string
  key: string
  doc: Obj | null
}

/** Documents are keyed by their `_id` with its type, as MongoDB keeps "1" and 1 apart. */
export const keyOf = (id: Value): string => {
  if (typeof id === 'string') return `s:${id}`
  if (typeof id === 'number') return `n:${id}`
  return requestFailed('_id must be a string or a number')
}

export class Collection {
  /** Newest last; older versions are kept only while a transaction's snapshot may need them. */
  readonly versions = new Map<string, Version[]>()
  constructor(readonly indexes: IndexDef[] = []) {}

  /** The document as of commit `seq` (Infinity: the latest), or null. */
  at(key: string, seq = Infinity): Obj | null {
    const list = this.versions.get(key)
    if (!list) return null
    for (let i = list.length - 1; i >= 0; i--) if (list[i].seq <= seq) return list[i].doc
    return null
  }

  /** The sequence number of the last commit that wrote this key (0: never). */
  lastWrite(key: string): number {
    const list = this.versions.get(key)
    return list ? list[list.length - 1].seq : 0
  }

  /** Every live document as of `seq`, in insertion order. */
  docs(seq = Infinity): Obj[] {
    const out: Obj[] = []
    for (const key of this.versions.keys()) {
      const d = this.at(key, seq)
      if (d) out.push(d)
    }
    return out
  }

  geoIndexFields(): string[] {
    return this.indexes.flatMap((i) =>
      Object.entries(i.keys)
        .filter(([, kind]) => kind === '2dsphere')
        .map(([f]) => f),
    )
  }
}

const valueAt = (doc: Obj, path: string): Value | undefined =>
  path
    .split('.')
    .reduce<Value | undefined>(
      (o, k) => (o && typeof o === 'object' && !Array.isArray(o) ? (o as Obj)[k] : undefined),
      doc,
    )

/**
 * Unique indexes, checked like sparse ones: a document missing one of the fields never collides
 * (the SQLite adapter's NULLs behave so too). `view` gives the other documents to compare with.
 */
export const assertUnique = (coll: Collection, key: string, doc: Obj, view: Obj[]) => {
  for (const index of coll.indexes.filter((i) => i.unique)) {
    const fields = Object.keys(index.keys)
    const tuple = fields.map((f) => valueAt(doc, f))
    if (tuple.some((v) => v === undefined || v === null)) continue
    const text = JSON.stringify(tuple)
    for (const other of view) {
      if (keyOf(other._id) === key) continue
      if (JSON.stringify(fields.map((f) => valueAt(other, f))) === text)
        requestFailed(
          `E11000 duplicate key error collection: ${index.name} dup key: ${JSON.stringify(tuple)}`,
        )
    }
  }
}

/** One CloudBase environment: its collections and its commit sequence. */
export class Environment {
  readonly collections = new Map<string, Collection>()
  seq = 0

  collection(name: unknown): Collection {
    if (typeof name !== 'string' || !name)
      throw new SandboxError(SandboxCodes.INVALID_PARAM, 'collectionName is required')
    const c = this.collections.get(name)
    if (!c)
      throw new SandboxError(
        SandboxCodes.DATABASE_COLLECTION_NOT_EXIST,
        `collection ${name} does not exist`,
      )
    return c
  }

  /** Applies writes as one commit; `keepFrom` is the oldest snapshot an open transaction reads. */
  commit(writes: Write[], keepFrom: number): number {
    const seq = ++this.seq
    for (const w of writes) {
      const coll = this.collection(w.collection)
      const list = coll.versions.get(w.key) ?? []
      list.push({ seq, doc: w.doc })
      // Drop what no snapshot can see any more: keep the newest version at or before keepFrom.
      let firstNeeded = 0
      for (let i = 0; i < list.length; i++) if (list[i].seq <= keepFrom) firstNeeded = i
      const kept = list.slice(firstNeeded)
      if (kept.length === 1 && kept[0].doc === null) coll.versions.delete(w.key)
      else coll.versions.set(w.key, kept)
    }
    return seq
  }
}
