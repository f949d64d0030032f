import type { CollectionSpec, Doc, TransactionOps } from '../ports/document-store.port'

type Versioned = Doc & { version: number }

/**
 * Compare-and-set on `version`: the patch lands only if the stored document is still the version
 * `current` was read at, and bumps it; COMMON.CONFLICT otherwise (someone else wrote first).
 */
export const updateIfUnchanged = <T extends Versioned>(
  ops: Pick<TransactionOps, 'update'>,
  spec: CollectionSpec<T>,
  id: string,
  current: { version: number },
  patch: Partial<Omit<T, '_id' | 'version'>>,
): Promise<T> =>
  ops.update(spec, id, { ...patch, version: current.version + 1 } as Partial<Omit<T, '_id'>>, {
    expect: { version: current.version } as Partial<T>,
  })
