import { defineCollection } from '../../core/ports/document-store.port'
import type { Account, LedgerEntry } from './ledger'

export type LedgerEntryRecord = Omit<LedgerEntry, 'key'> & { _id: string }

export const LedgerEntries = defineCollection<LedgerEntryRecord>('ledger_entries', [
  { name: 'order', fields: [{ field: 'orderId' }, { field: 'at' }] },
  { name: 'at', fields: [{ field: 'at' }] },
  // The guarantee fund's movements for operators (compensations and claim deductions).
  { name: 'kind', fields: [{ field: 'kind' }, { field: 'at' }] },
])

/**
 * The running balance of one party's account (a seller's available or withdrawn money, an order's
 * escrow, a claim), kept in the same transaction as the entries that move it, for the wallet.
 * Platform-wide accounts (buyers, commission, guarantee fund) get none: every payment would
 * otherwise contend for the same document; their balances are summed from entries when needed.
 */
export interface AccountBalanceRecord {
  _id: Account
  balanceFen: number
  updatedAt: number
}

export const AccountBalances = defineCollection<AccountBalanceRecord>('ledger_balances')
