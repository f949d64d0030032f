import { Collection } from './store'
import { SandboxCodes, SandboxError, invalidParam } from './sandbox-error'
import { collectionName, type Action } from './action-context'
import {
  aggregateDocuments,
  calculateDocument,
  getDocument,
  insertDocument,
  modifyAndReturnDoc,
  modifyDocument,
  removeDocument,
} from './document-actions'

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/

/** database.addCollection (db.createCollection): the declared indexes come with it. */
const addCollection: Action = (p, ctx) => {
  const name = collectionName(p)
  if (!COLLECTION_NAME.test(name)) invalidParam(`bad collection name ${name}`)
  if (ctx.env.collections.has(name))
    throw new SandboxError(
      SandboxCodes.DATABASE_COLLECTION_ALREADY_EXIST,
      `collection ${name} already exists`,
    )
  ctx.env.collections.set(name, new Collection(ctx.indexesFor(name)))
  ctx.changed()
  return {}
}

const startTransaction: Action = (_p, ctx) => ({
  transactionId: ctx.txs.start(ctx.envName, ctx.env).id,
})

const commitTransaction: Action = (p, ctx) => {
  ctx.txs.commit(ctx.txs.get(p.transactionId, ctx.envName))
  ctx.changed()
  return {}
}

const abortTransaction: Action = (p, ctx) => {
  ctx.txs.abort(ctx.txs.get(p.transactionId, ctx.envName))
  return {}
}

/**
 * The actions @cloudbase/node-sdk 3.18 (@cloudbase/database 1.4) sends, by name. The older
 * transaction actions (getInTransaction, updateDocInTransaction, deleteDocInTransaction) belong
 * to a transaction API the SDK no longer exports and are refused like any unknown action.
 */
export const ACTIONS: Record<string, Action> = {
  'database.addCollection': addCollection,
  'database.insertDocument': insertDocument,
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
}
