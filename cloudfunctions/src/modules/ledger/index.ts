/** ledger: the double-entry books every money movement is posted to. */
export { accountBalance, entriesOfKind, entriesOfOrder, postEntry } from './application/post-entry'
// The ledger's rules are pure (no tables): all of them are public.
export * from './domain/ledger'
