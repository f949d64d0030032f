import type { CollectionSpec, Doc, DocumentStore, Filter } from '../ports/document-store.port'

const PAGE = 200

/**
 * Removes every document whose `field` is below `bound`, a page at a time, oldest first (sweeps of
 * ended windows and old counters); answers how many went.
 */
export const removeBelow = async <T extends Doc>(
  store: Pick<DocumentStore, 'find' | 'remove'>,
  spec: CollectionSpec<T>,
  field: keyof T & string,
  bound: number,
): Promise<number> => {
  let removed = 0
  for (;;) {
    const filter = { [field]: { $lt: bound } } as Filter<T>
    const page = await store.find(spec, filter, {
      orderBy: { field, direction: 'asc' },
      limit: PAGE,
    })
    for (const doc of page.items) if (await store.remove(spec, doc._id)) removed++
    if (page.items.length < PAGE) return removed
  }
}
