import { startTestCloud, type TestCloud } from '../../../../test/harness'
import type {
  CollectionSpec,
  Doc,
  DocumentStore,
  TransactionOps,
  UpdateOptions,
} from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { openReviewWindow } from '../application/open-window'
import { submitReview } from '../application/submit-review.use-case'
import { ReviewWindows, Reviews } from '../domain/review.records'

/**
 * CloudBase transactions are not serialised like SQLite's: two may read the same documents and
 * both commit if their writes do not collide. This store plays that: a transaction reads the
 * committed state as it goes, buffers its writes, waits for `beforeCommit`, then commits them
 * with their compare-and-set expectations checked (COMMON.CONFLICT when another commit got there).
 */
const optimistic = (base: DocumentStore, beforeCommit: () => Promise<void>): DocumentStore => ({
  get: (spec, id) => base.get(spec, id),
  insert: (spec, doc) => base.insert(spec, doc),
  update: (spec, id, patch, options) => base.update(spec, id, patch, options),
  remove: (spec, id) => base.remove(spec, id),
  find: (spec, filter, options) => base.find(spec, filter, options),
  count: (spec, filter) => base.count(spec, filter),
  transaction: async <R>(fn: (tx: TransactionOps) => Promise<R>): Promise<R> => {
    const writes: ((tx: TransactionOps) => Promise<unknown>)[] = []
    const tx: TransactionOps = {
      get: (spec, id) => base.get(spec, id),
      insert: async <T extends Doc>(spec: CollectionSpec<T>, doc: T) => {
        writes.push((t) => t.insert(spec, doc))
      },
      update: async <T extends Doc>(
        spec: CollectionSpec<T>,
        id: string,
        patch: Partial<Omit<T, '_id'>>,
        options?: UpdateOptions<T>,
      ) => {
        writes.push((t) => t.update(spec, id, patch, options))
        return { ...(await base.get(spec, id))!, ...patch } as T
      },
      remove: async (spec, id) => {
        writes.push((t) => t.remove(spec, id))
        return true
      },
    }
    const result = await fn(tx)
    await beforeCommit()
    await base.transaction(async (t) => {
      for (const write of writes) await write(t)
    })
    return result
  },
})

describe('two parties submitting at once (optimistic transactions, as on CloudBase)', () => {
  let cloud: TestCloud
  beforeEach(() => (cloud = startTestCloud()))
  afterEach(() => cloud.stop())

  it('the window is written by every submit, so the later commit sees the earlier and publishes both', async () => {
    const order = {
      _id: '01JREVIEWRACE0000000000000',
      buyerId: '01JREVIEWBUYER000000000000',
      sellerId: '01JREVIEWSELLER00000000000',
      title: '同时评价的台灯',
      coverFileId: null,
    }
    await cloud.container.store.transaction((tx) =>
      openReviewWindow(tx, order, ['buyer', 'seller'], cloud.clock.now()),
    )
    let sellerDone: Promise<unknown> = Promise.resolve()
    let paused = false
    // The buyer's first transaction has read everything; before it commits, the seller's whole
    // submit runs and commits.
    const buyerDeps: Deps = {
      ...cloud.container,
      store: optimistic(cloud.container.store, async () => {
        if (paused) return
        paused = true
        sellerDone = submitReview(
          cloud.container,
          { _id: order.sellerId },
          {
            orderId: order._id,
            stars: 4,
            tags: ['付款爽快'],
            photoFileIds: [],
          },
        )
        await sellerDone
      }),
    }
    await submitReview(
      buyerDeps,
      { _id: order.buyerId },
      {
        orderId: order._id,
        stars: 5,
        tags: ['描述相符'],
        photoFileIds: [],
      },
    )
    await sellerDone
    expect((await cloud.container.store.get(ReviewWindows, order._id))!.state).toBe('revealed')
    for (const by of ['buyer', 'seller'])
      expect((await cloud.container.store.get(Reviews, `${order._id}:${by}`))!.state).toBe(
        'published',
      )
  })
})
