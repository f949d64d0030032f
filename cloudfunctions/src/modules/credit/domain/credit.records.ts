import type { MerkleProof } from '@shared/domain/credit/credit-evidence'
import type { CreditTierKey } from '@shared/domain/credit/credit-tiers'
import { defineCollection } from '../../core/ports/document-store.port'
import type { CreditBreakdown } from './credit-score'
import type { CreditState } from './credit-state'
import type { GraphResult } from './trust-graph'

/** One user's credit, keyed by user id: the chain's head, the state, the graph's last word, the score. */
export interface CreditAccountRecord {
  _id: string
  /** When the user registered (account age). */
  createdAt: number
  /** The last link of the hash chain (0 and GENESIS_HASH before the first event). */
  seq: number
  head: string
  state: CreditState
  /** The last full run's weights for this account's partners (null before the first run). */
  graph: GraphResult | null
  breakdown: CreditBreakdown
  /** The last day this chain's head went into a Merkle root, and which head. */
  anchoredDay: string | null
  anchoredSeq: number
  /** true while the head has moved on since the last anchoring (the day's job picks these). */
  unanchored: boolean
  computedAt: number
  updatedAt: number
  version: number
}

/** One link of a user's hash chain, keyed by creditEventKey (the event's idempotency key). */
export interface CreditEventRecord {
  _id: string
  userId: string
  seq: number
  at: number
  /** Exactly what was hashed: the facts with userId and seq. */
  event: Record<string, unknown>
  prevHash: string
  hash: string
  /** For the history: what happened in the user's words, and how the score moved then. */
  label: string
  delta: number
}

/** A day's Merkle root over the chain heads that moved since the day before. */
export interface CreditAnchorRecord {
  _id: string
  root: string
  leaves: number
  at: number
}

/** A user's leaf in a day's root with its inclusion proof, keyed `${day}:${userId}`. */
export interface CreditAnchorLeafRecord {
  _id: string
  day: string
  userId: string
  seq: number
  head: string
  proof: MerkleProof
}

export const CreditAccounts = defineCollection<CreditAccountRecord>('credit_accounts', [
  // The day's anchoring finds the heads that moved.
  { name: 'unanchored', fields: [{ field: 'unanchored' }, { field: '_id' }] },
])
export const CreditEvents = defineCollection<CreditEventRecord>('credit_events', [
  { name: 'user_seq', fields: [{ field: 'userId' }, { field: 'seq', direction: 'desc' }] },
])
export const CreditAnchors = defineCollection<CreditAnchorRecord>('credit_anchors')
export const CreditAnchorLeaves = defineCollection<CreditAnchorLeafRecord>('credit_anchor_leaves', [
  { name: 'user_day', fields: [{ field: 'userId' }, { field: 'day', direction: 'desc' }] },
])

/** The tier the ports answer; unknown accounts are where new ones start. */
export type { CreditTierKey }
