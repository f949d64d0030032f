import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../core/ports/deps'
import { defineCollection } from '../../core/ports/document-store.port'
import type { LedgerEntry } from '../domain/ledger'

export type LedgerEntryRecord = Omit<LedgerEntry, 'key'> & { _id: string }

export const LedgerEntries = defineCollection<LedgerEntryRecord>('ledger_entries', [
  { name: 'order', fields: [{ field: 'orderId' }, { field: 'at' }] },
])

const same = (a: LedgerEntryRecord, b: LedgerEntryRecord) =>
  a.kind === b.kind && a.orderId === b.orderId && JSON.stringify(a.lines) === JSON.stringify(b.lines)

/**
 * Posts an entry once: its key is the id, so a retried callback or timer posts nothing new. The
 * same key with different lines is a bug somewhere upstream and is refused loudly.
 */
export const postEntry = async (deps: Pick<Deps, 'store'>, entry: LedgerEntry): Promise<'posted' | 'already'> => {
  const { key, ...rest } = entry
  const record: LedgerEntryRecord = { _id: key, ...rest }
  try {
    await deps.store.insert(LedgerEntries, record)
    return 'posted'
  } catch (e) {
    if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    const existing = await deps.store.get(LedgerEntries, key)
    if (existing && same(existing, record)) return 'already'
    throw new AppError(ErrorCodes.CONFLICT, `ledger key ${key} already posted with other lines`)
  }
}
