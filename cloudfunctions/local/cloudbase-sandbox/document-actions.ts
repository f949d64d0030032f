import { parseEjson, stringifyEjson } from './ejson'
import { aggregate, compileWhere, findDocs } from './query'
import { invalidParam, requestFailed } from './sandbox-error'
import { assertUnique, keyOf, type Obj, type Write } from './store'
import { applyUpdate } from './update-operators'
import {
  asObj,
  collectionName,
  idQuery,
  newId,
  objectField,
  transactionOf,
  updateOf,
  whenUnlocked,
  type Action,
  type ActionContext,
  type Params,
} from './action-context'

const MAX_LIMIT = 1000

const commit = (ctx: ActionContext, writes: Write[]) => {
  if (!writes.length) return
  ctx.env.commit(writes, ctx.txs.keepFrom(ctx.envName))
  ctx.changed()
}

const duplicateId = (collection: string, id: unknown): never =>
  requestFailed(
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )

/** database.insertDocument: `data` is a list of EJSON documents; a batch is all or nothing. */
export const insertDocument: Action = async (p, ctx) => {
  const name = collectionName(p)
  const coll = ctx.env.collection(name)
  if (!Array.isArray(p.data) || !p.data.length) return invalidParam('data must be a non-empty list')
  const docs = p.data.map((d, i) => asObj(parseEjson(d, `data[${i}]`), `data[${i}]`))
  for (const d of docs) if (d._id === undefined) d._id = newId()
  const keys = docs.map((d) => keyOf(d._id))
  if (new Set(keys).size !== keys.length) duplicateId(name, docs[0]._id)
  const tx = transactionOf(p, ctx)
  if (tx) {
    docs.forEach((d, i) => {
      if (ctx.txs.read(tx, name, keys[i])) {
        ctx.txs.abort(tx) // MongoDB aborts a transaction on a write error
        duplicateId(name, d._id)
      }
      ctx.txs.write(tx, name, keys[i], d)
    })
  } else {
    await whenUnlocked(ctx, name, () => ({
      keys,
      apply: () => {
        const existing = coll.docs()
        docs.forEach((d, i) => {
          if (coll.at(keys[i])) duplicateId(name, d._id)
          assertUnique(coll, keys[i], d, [...existing, ...docs.slice(0, i)])
        })
        commit(
          ctx,
          docs.map((d, i) => ({ collection: name, key: keys[i], doc: d })),
        )
      },
    }))
  }
  return { data: { insertedIds: docs.map((d) => d._id) } }
}

/** database.getDocument: by id (DOC, also in a transaction) or a where query with order/skip/limit. */
export const getDocument: Action = (p, ctx) => {
  const name = collectionName(p)
  const coll = ctx.env.collection(name)
  const query = objectField(p, 'query', {})
  const projection = p.projection ? objectField(p, 'projection') : undefined
  const tx = transactionOf(p, ctx)
  if (tx) {
    const doc = ctx.txs.read(tx, name, idQuery(query))
    const list = doc ? findDocs([doc], { test: () => true }, { projection }) : []
    return { data: { list: list.map(stringifyEjson) } }
  }
  const limit = p.limit === undefined ? 100 : Number(p.limit)
  const offset = p.offset === undefined ? 0 : Number(p.offset)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return invalidParam('limit must be 1..1000')
  if (!Number.isInteger(offset) || offset < 0)
    return invalidParam('offset must be a non-negative integer')
  const order = p.order ? objectField(p, 'order') : undefined
  const list = findDocs(coll.docs(), compileWhere(query, coll), {
    order,
    offset,
    limit,
    projection,
  })
  return { data: { list: list.map(stringifyEjson), limit, offset } }
}

/** database.calculateDocument: how many documents match. */
export const calculateDocument: Action = (p, ctx) => {
  const coll = ctx.env.collection(collectionName(p))
  if (p.transactionId) invalidParam('count is not available inside a transaction')
  const matcher = compileWhere(objectField(p, 'query', {}), coll)
  return { data: { total: coll.docs().filter((d) => matcher.test(d)).length } }
}

const changedDoc = (before: Obj, after: Obj) => JSON.stringify(before) !== JSON.stringify(after)

/** The new state of one document under a modify: a merge of operators or a replacement. */
const modified = (doc: Obj, update: Obj, merge: boolean): Obj =>
  merge ? applyUpdate(doc, update) : { ...structuredClone(update), _id: doc._id }

interface ModifyOutcome {
  matched: number
  updated: number
  upsertId?: unknown
  docs: Obj[]
}

/**
 * modifyDocument / modifyAndReturnDoc. `updated` counts documents that changed (MongoDB's
 * nModified), `matched` those the query matched; an upsert on a DOC query creates the document.
 */
const modify = async (
  p: Params,
  ctx: ActionContext,
  opts: { merge: boolean; multi: boolean; upsert: boolean },
): Promise<ModifyOutcome> => {
  const name = collectionName(p)
  const coll = ctx.env.collection(name)
  const query = objectField(p, 'query', {})
  const update = updateOf(p, opts.merge)
  const tx = transactionOf(p, ctx)
  if (tx) {
    const key = idQuery(query)
    const doc = ctx.txs.read(tx, name, key)
    if (!doc) {
      if (!opts.upsert) return { matched: 0, updated: 0, docs: [] }
      const created = modified({ _id: query._id }, update, opts.merge)
      ctx.txs.write(tx, name, key, created)
      return { matched: 0, updated: 0, upsertId: query._id, docs: [created] }
    }
    const next = modified(doc, update, opts.merge)
    if (changedDoc(doc, next)) ctx.txs.write(tx, name, key, next)
    return { matched: 1, updated: changedDoc(doc, next) ? 1 : 0, docs: [next] }
  }
  const matcher = compileWhere(query, coll)
  return whenUnlocked(ctx, name, () => {
    const all = coll.docs()
    const hits = all.filter((d) => matcher.test(d))
    const targets = opts.multi ? hits : hits.slice(0, 1)
    return {
      keys: targets.map((d) => keyOf(d._id)),
      apply: (): ModifyOutcome => {
        if (!targets.length && opts.upsert && query._id !== undefined) {
          const created = modified({ _id: query._id }, update, opts.merge)
          assertUnique(coll, keyOf(created._id), created, all)
          commit(ctx, [{ collection: name, key: keyOf(created._id), doc: created }])
          return { matched: 0, updated: 0, upsertId: created._id, docs: [created] }
        }
        const next = targets.map((d) => modified(d, update, opts.merge))
        const writes = next
          .map((doc, i) => ({ collection: name, key: keyOf(doc._id), doc, before: targets[i] }))
          .filter((w) => changedDoc(w.before, w.doc))
        for (const w of writes) assertUnique(coll, w.key, w.doc, all)
        commit(
          ctx,
          writes.map(({ collection, key, doc }) => ({ collection, key, doc })),
        )
        return { matched: targets.length, updated: writes.length, docs: next }
      },
    }
  })
}

/** database.modifyDocument: doc.update / doc.set / where().update. */
export const modifyDocument: Action = async (p, ctx) => {
  const merge = p.merge !== false
  const multi = p.queryType === 'DOC' ? false : p.multi !== false
  const out = await modify(p, ctx, { merge, multi, upsert: p.upsert === true })
  return { data: { updated: out.updated, matched: out.matched, upsert_id: out.upsertId } }
}

/** database.modifyAndReturnDoc: where().updateAndReturn; the first match, answered after the update. */
export const modifyAndReturnDoc: Action = async (p, ctx) => {
  const out = await modify(p, ctx, { merge: true, multi: false, upsert: false })
  return { data: { updated: out.updated, doc: out.docs[0] ? stringifyEjson(out.docs[0]) : null } }
}

/** database.removeDocument: by id (also in a transaction) or by query (`multi`). */
export const removeDocument: Action = async (p, ctx) => {
  const name = collectionName(p)
  const coll = ctx.env.collection(name)
  const query = objectField(p, 'query', {})
  const tx = transactionOf(p, ctx)
  if (tx) {
    const key = idQuery(query)
    if (!ctx.txs.read(tx, name, key)) return { data: { deleted: 0 } }
    ctx.txs.write(tx, name, key, null)
    return { data: { deleted: 1 } }
  }
  const matcher = compileWhere(query, coll)
  const multi = p.queryType === 'DOC' ? false : p.multi !== false
  const deleted = await whenUnlocked(ctx, name, () => {
    const hits = coll.docs().filter((d) => matcher.test(d))
    const targets = multi ? hits : hits.slice(0, 1)
    const keys = targets.map((d) => keyOf(d._id))
    return {
      keys,
      apply: () => {
        commit(
          ctx,
          keys.map((key) => ({ collection: name, key, doc: null })),
        )
        return keys.length
      },
    }
  })
  return { data: { deleted } }
}

/** database.aggregateDocuments: `stages: [{ stageKey, stageValue }]`, stage values in EJSON. */
export const aggregateDocuments: Action = (p, ctx) => {
  const coll = ctx.env.collection(collectionName(p))
  if (!Array.isArray(p.stages)) return invalidParam('stages must be a list')
  const stages = p.stages.map((s, i) => {
    const { stageKey, stageValue } = (s ?? {}) as { stageKey?: unknown; stageValue?: unknown }
    if (typeof stageKey !== 'string') return invalidParam(`stages[${i}].stageKey is required`)
    return { key: stageKey, value: parseEjson(stageValue, `stages[${i}].stageValue`) }
  })
  return { data: { list: aggregate(coll.docs(), stages, coll).map(stringifyEjson) } }
}
