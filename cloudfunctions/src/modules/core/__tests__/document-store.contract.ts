import { ErrorCodes } from '@shared/errors/error-codes'
import {
  defineCollection,
  type DocumentStore,
  type Filter,
  MAX_FIND_LIMIT,
} from '../ports/document-store.port'

interface Item {
  _id: string
  kind: string
  n: number
  flag: boolean
  tag: string | null
}

const Items = defineCollection<Item>('contract_items', [
  { name: 'kind_n', fields: [{ field: 'kind' }, { field: 'n' }] },
])

const item = (i: number, over: Partial<Item> = {}): Item => ({
  _id: `id${String(i).padStart(4, '0')}`,
  kind: i % 2 ? 'odd' : 'even',
  n: i % 5,
  flag: i % 3 === 0,
  tag: i % 4 === 0 ? null : `t${i % 4}`,
  ...over,
})

/**
 * The behaviour every DocumentStore adapter must share. Run it against each adapter that can run
 * here (SQLite now; the CloudBase adapter against its local endpoint when it exists).
 */
export const documentStoreContract = (
  name: string,
  open: () => { store: DocumentStore; close: () => void },
) => {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore
    let close: () => void
    beforeEach(() => {
      ;({ store, close } = open())
    })
    afterEach(() => close())

    const seed = async (count: number) => {
      for (let i = 0; i < count; i++) await store.insert(Items, item(i))
    }

    it('inserts and gets by id; a second insert of the id is a CONFLICT', async () => {
      await store.insert(Items, item(1))
      expect(await store.get(Items, 'id0001')).toEqual(item(1))
      expect(await store.get(Items, 'nope')).toBeNull()
      await expect(store.insert(Items, item(1, { kind: 'other' }))).rejects.toMatchObject({
        code: ErrorCodes.CONFLICT,
      })
      expect(await store.get(Items, 'id0001')).toEqual(item(1))
    })

    it('updates with compare-and-set', async () => {
      await store.insert(Items, item(1))
      const next = await store.update(Items, 'id0001', { n: 42 }, { expect: { n: 1 } })
      expect(next).toEqual(item(1, { n: 42 }))
      await expect(
        store.update(Items, 'id0001', { n: 7 }, { expect: { n: 1 } }),
      ).rejects.toMatchObject({
        code: ErrorCodes.CONFLICT,
      })
      await expect(store.update(Items, 'missing', { n: 7 })).rejects.toMatchObject({
        code: ErrorCodes.NOT_FOUND,
      })
      expect((await store.get(Items, 'id0001'))?.n).toBe(42)
    })

    it('removes by id, once', async () => {
      await store.insert(Items, item(1))
      expect(await store.remove(Items, 'id0001')).toBe(true)
      expect(await store.remove(Items, 'id0001')).toBe(false)
      expect(await store.get(Items, 'id0001')).toBeNull()
      await store.insert(Items, item(1))
      expect(await store.count(Items, {})).toBe(1)
    })

    it('finds with equality, ranges, $in, $ne, booleans and nulls', async () => {
      await seed(20)
      const all = Array.from({ length: 20 }, (_, i) => item(i))
      const ids = async (filter: Filter<Item>) =>
        (await store.find(Items, filter, { limit: 100 })).items.map((d) => d._id)
      const expected = (pred: (x: Item) => boolean) => all.filter(pred).map((d) => d._id)
      expect(await ids({ kind: 'odd' })).toEqual(expected((x) => x.kind === 'odd'))
      expect(await ids({ kind: 'even', n: { $gte: 2, $lt: 4 } })).toEqual(
        expected((x) => x.kind === 'even' && x.n >= 2 && x.n < 4),
      )
      expect(await ids({ n: { $in: [0, 4] } })).toEqual(expected((x) => x.n === 0 || x.n === 4))
      expect(await ids({ n: { $in: [] } })).toEqual([])
      expect(await ids({ kind: { $ne: 'odd' } })).toEqual(expected((x) => x.kind !== 'odd'))
      expect(await ids({ flag: true })).toEqual(expected((x) => x.flag))
      expect(await ids({ tag: null })).toEqual(expected((x) => x.tag === null))
      expect(await ids({ tag: { $ne: null } })).toEqual(expected((x) => x.tag !== null))
      expect(await store.count(Items, { kind: 'odd', flag: false })).toBe(
        all.filter((x) => x.kind === 'odd' && !x.flag).length,
      )
    })

    it('matches a field a document lacks (written before the field existed) as null', async () => {
      await store.insert(Items, item(1, { tag: 'x' }))
      const { tag: _tag, ...older } = item(2)
      await store.insert(Items, older as Item)
      const ids = async (filter: Filter<Item>) =>
        (await store.find(Items, filter, { limit: 10 })).items.map((d) => d._id)
      expect(await ids({ tag: null })).toEqual(['id0002'])
      expect(await ids({ tag: { $ne: null } })).toEqual(['id0001'])
      // `$ne` a value matches present, different values only (SQL's `!=`), in every adapter.
      expect(await ids({ tag: { $ne: 'y' } })).toEqual(['id0001'])
      expect(await store.count(Items, { kind: 'even', tag: null })).toBe(1)
    })

    it('pages through a sort with ties using cursors, in both directions', async () => {
      await seed(23)
      for (const direction of ['asc', 'desc'] as const) {
        const seen: Item[] = []
        let cursor: string | undefined
        do {
          const page = await store.find(
            Items,
            { kind: { $in: ['odd', 'even'] } },
            { orderBy: { field: 'n', direction }, limit: 4, cursor },
          )
          expect(page.items.length).toBeLessThanOrEqual(4)
          seen.push(...page.items)
          cursor = page.nextCursor ?? undefined
        } while (cursor)
        const sign = direction === 'asc' ? 1 : -1
        const expected = Array.from({ length: 23 }, (_, i) => item(i)).sort(
          (a, b) => sign * (a.n - b.n) || sign * a._id.localeCompare(b._id),
        )
        expect(seen.map((d) => d._id)).toEqual(expected.map((d) => d._id))
      }
    })

    it('says there is no next page exactly when the last page is full', async () => {
      await seed(4)
      const page = await store.find(Items, {}, { limit: 4 })
      expect(page.items).toHaveLength(4)
      expect(page.nextCursor).toBeNull()
    })

    it('refuses a page size outside 1 to MAX_FIND_LIMIT (what CloudBase can answer)', async () => {
      await seed(2)
      expect((await store.find(Items, {}, { limit: MAX_FIND_LIMIT })).items).toHaveLength(2)
      for (const limit of [0, MAX_FIND_LIMIT + 1, 1.5])
        await expect(store.find(Items, {}, { limit })).rejects.toMatchObject({
          code: ErrorCodes.VALIDATION,
        })
    })

    it('rejects a forged cursor as a validation error', async () => {
      await expect(store.find(Items, {}, { limit: 2, cursor: '%%%' })).rejects.toMatchObject({
        code: ErrorCodes.VALIDATION,
      })
    })

    it('commits a transaction whole, or rolls it back whole', async () => {
      await store.transaction(async (tx) => {
        await tx.insert(Items, item(1))
        await tx.update(Items, 'id0001', { n: 9 })
      })
      expect((await store.get(Items, 'id0001'))?.n).toBe(9)
      await expect(
        store.transaction(async (tx) => {
          await tx.insert(Items, item(2))
          await tx.update(Items, 'id0001', { n: 0 }, { expect: { n: 1 } })
        }),
      ).rejects.toMatchObject({ code: ErrorCodes.CONFLICT })
      expect(await store.get(Items, 'id0002')).toBeNull()
      expect((await store.get(Items, 'id0001'))?.n).toBe(9)
    })

    it('keeps concurrent transactions isolated and lets outside reads wait for the commit', async () => {
      await store.insert(Items, item(1, { n: 0 }))
      const increment = () =>
        store.transaction(async (tx) => {
          const cur = await tx.get(Items, 'id0001')
          await new Promise((r) => setTimeout(r, 1))
          await tx.update(Items, 'id0001', { n: (cur?.n ?? 0) + 1 })
        })
      await Promise.all([increment(), increment(), increment(), store.get(Items, 'id0001')])
      expect((await store.get(Items, 'id0001'))?.n).toBe(3)
    })
  })
}
