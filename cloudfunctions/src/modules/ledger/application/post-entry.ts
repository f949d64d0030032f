import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { AccountBalances, LedgerEntries, type LedgerEntryRecord } from '../domain/ledger.record'
import type { Account, LedgerEntry } from '../domain/ledger'

const PARTY_ACCOUNT = /^(seller|withdrawn|escrow|claim):/
const hasRunningBalance = (account: Account) => PARTY_ACCOUNT.test(account)

const same = (a: LedgerEntryRecord, b: LedgerEntryRecord) =>
  a.kind === b.kind &&
  a.orderId === b.orderId &&
  JSON.stringify(a.lines) === JSON.stringify(b.lines)

const postIn = async (tx: TransactionOps, entry: LedgerEntry): Promise<'posted' | 'already'> => {
  const { key, ...rest } = entry
  const record: LedgerEntryRecord = { _id: key, ...rest }
  const existing = await tx.get(LedgerEntries, key)
  if (existing) {
    if (same(existing, record)) return 'already'
    throw new AppError(ErrorCodes.CONFLICT, `ledger key ${key} already posted with other lines`)
  }
  await tx.insert(LedgerEntries, record)
  for (const line of entry.lines.filter((l) => hasRunningBalance(l.account))) {
    const balance = await tx.get(AccountBalances, line.account)
    if (balance) {
      await tx.update(AccountBalances, line.account, {
        balanceFen: balance.balanceFen + line.amountFen,
        updatedAt: entry.at,
      })
    } else {
      await tx.insert(AccountBalances, {
        _id: line.account,
        balanceFen: line.amountFen,
        updatedAt: entry.at,
      })
    }
  }
  return 'posted'
}

/**
 * Posts an entry once: its key is the id, so a retried callback or timer posts nothing new. The
 * same key with different lines is a bug somewhere upstream and is refused loudly. Pass `tx` to
 * post inside the caller's transaction (the state change and its money land together).
 */
export const postEntry = async (
  deps: Pick<Deps, 'store'>,
  entry: LedgerEntry,
  tx?: TransactionOps,
): Promise<'posted' | 'already'> => {
  if (tx) return postIn(tx, entry)
  try {
    return await deps.store.transaction((t) => postIn(t, entry))
  } catch (e) {
    // Two posts of one key raced: the loser's insert conflicts; answer as the replay it is.
    if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    const existing = await deps.store.get(LedgerEntries, entry.key)
    const { key, ...rest } = entry
    if (existing && same(existing, { _id: key, ...rest })) return 'already'
    throw e
  }
}

/** One party account's balance in fen (0 when it never moved). */
export const accountBalance = async (
  deps: Pick<Deps, 'store'>,
  account: Account,
  tx?: TransactionOps,
): Promise<number> => {
  if (!hasRunningBalance(account))
    throw new Error(`${account} keeps no running balance: sum its entries`)
  return (await (tx ?? deps.store).get(AccountBalances, account))?.balanceFen ?? 0
}

/** An order's entries (at most a handful: payment, refund, release, compensation). */
export const entriesOfOrder = async (
  deps: Pick<Deps, 'store'>,
  orderId: string,
): Promise<LedgerEntry[]> => {
  const page = await deps.store.find(LedgerEntries, { orderId }, { limit: 20 })
  return page.items.map(({ _id, ...rest }) => ({ key: _id, ...rest }))
}

/** Every entry of one kind, newest first (the guarantee fund's movements are a few per day). */
export const entriesOfKind = async (
  deps: Pick<Deps, 'store'>,
  kind: LedgerEntry['kind'],
): Promise<LedgerEntry[]> => {
  const out: LedgerEntry[] = []
  let cursor: string | undefined
  do {
    const page = await deps.store.find(
      LedgerEntries,
      { kind },
      { orderBy: { field: 'at', direction: 'desc' }, limit: 200, cursor },
    )
    for (const { _id, ...rest } of page.items) out.push({ key: _id, ...rest })
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return out
}
