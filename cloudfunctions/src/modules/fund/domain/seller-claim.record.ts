import { defineCollection } from '../../core/ports/document-store.port'

/** One movement on a seller's claim, kept for the wallet (the ledger is the source of truth). */
export interface ClaimMovement {
  kind: 'claim' | 'deduction'
  orderId: string
  amountFen: number
  at: number
}

/**
 * A seller's guarantee-fund claim (先行赔付 they owe), one per seller. What is owed is the ledger's
 * `claim:<seller>` balance; this record holds what the ledger cannot: the parts already promised to
 * releases that WeChat Pay has not confirmed yet (so two releases never collect the same fen), and
 * the recent movements shown in the wallet.
 */
export interface SellerClaimRecord {
  _id: string
  /** orderId → fen a release in flight will collect; removed when the release is confirmed. */
  reserved: Record<string, number>
  recent: ClaimMovement[]
  updatedAt: number
}

export const SellerClaims = defineCollection<SellerClaimRecord>('seller_claims')

export const RECENT_CLAIM_MOVEMENTS = 20
