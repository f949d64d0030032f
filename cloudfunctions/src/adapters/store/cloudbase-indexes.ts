import type { CollectionSpec, Doc } from '../../modules/core/ports/document-store.port'

/** An index as CloudBase (MongoDB) declares it: the form the deploy config and the sandbox take. */
export interface CloudbaseIndex {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

/**
 * The declared indexes of collections in CloudBase's form, by collection name. The SDK cannot
 * create indexes, so they are applied at deploy (and given to the local sandbox) from this one
 * source rather than written twice.
 */
export const cloudbaseIndexes = (specs: CollectionSpec<Doc>[]): Record<string, CloudbaseIndex[]> =>
  Object.fromEntries(
    specs.map((s) => [
      s.name,
      s.indexes.map((i) => ({
        name: i.name,
        keys: Object.fromEntries(i.fields.map((f) => [f.field, f.direction === 'desc' ? -1 : 1])),
        ...(i.unique ? { unique: true } : {}),
      })),
    ]),
  )
