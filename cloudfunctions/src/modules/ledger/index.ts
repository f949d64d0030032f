/** ledger: the double-entry books every money movement is posted to. */
export { accountBalance, entriesOfOrder, postEntry } from './application/post-entry'
export {
  compensationEntry,
  orderMoney,
  paymentEntry,
  refundEntry,
  releaseEntry,
  withdrawalEntry,
  type Account,
  type LedgerEntry,
} from './domain/ledger'
