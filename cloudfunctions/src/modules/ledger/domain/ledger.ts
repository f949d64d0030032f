/**
 * The double-entry ledger. Every money movement is one entry whose lines sum to zero, so the books
 * balance by construction and reconciliation can compare them with WeChat Pay's.
 *
 * Sign convention: a positive amount adds to the account's balance. Accounts that stand for money
 * outside the platform's view (the buyers' pockets) go negative as money comes in.
 */

/** Where money is, from the platform's point of view; per-party accounts carry an id. */
export type Account =
  | 'buyers' // the buyers' wallets: negative by what they paid in, net of refunds
  | `escrow:${string}` // frozen at a seller's sub-merchant (WeChat Pay profit sharing), per order
  | `seller:${string}` // unfrozen to the seller's sub-merchant, per seller
  | `withdrawn:${string}` // paid out to the seller's bank card
  | 'platform:commission'
  | 'platform:guarantee' // the guarantee fund (先行赔付); negative as it pays out
  | `claim:${string}` // what a seller owes the guarantee fund after a compensation
  | 'claims:open' // the other side of open claims

export interface Line {
  account: Account
  amountFen: number
}

export type EntryKind =
  'payment' | 'release' | 'refund' | 'compensation' | 'claim_deduction' | 'withdrawal'

export interface LedgerEntry {
  /** The idempotency key: the external call's key (out_trade_no, out_refund_no, …). */
  key: string
  kind: EntryKind
  orderId: string | null
  lines: Line[]
  at: number
}

export class UnbalancedEntryError extends Error {}

const check = (lines: Line[]) => {
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amountFen))
      throw new UnbalancedEntryError(`amount must be whole fen: ${l.amountFen}`)
  }
  const sum = lines.reduce((s, l) => s + l.amountFen, 0)
  if (sum !== 0) throw new UnbalancedEntryError(`entry does not balance: ${sum}`)
  return lines.filter((l) => l.amountFen !== 0)
}

/** The buyer pays; WeChat Pay freezes the money at the seller's merchant for this order. */
export const paymentEntry = (
  key: string,
  orderId: string,
  totalFen: number,
  at: number,
): LedgerEntry => ({
  key,
  kind: 'payment',
  orderId,
  at,
  lines: check([
    { account: `escrow:${orderId}`, amountFen: totalFen },
    { account: 'buyers', amountFen: -totalFen },
  ]),
})

/** Profit sharing: the commission to the platform, the rest unfrozen to the seller. */
export const releaseEntry = (
  key: string,
  orderId: string,
  sellerId: string,
  releasedFen: number,
  commissionFen: number,
  at: number,
): LedgerEntry => ({
  key,
  kind: 'release',
  orderId,
  at,
  lines: check([
    { account: `escrow:${orderId}`, amountFen: -releasedFen },
    { account: 'platform:commission', amountFen: commissionFen },
    { account: `seller:${sellerId}`, amountFen: releasedFen - commissionFen },
  ]),
})

/** A refund before release: out of escrow, back to the buyer. */
export const refundEntry = (
  key: string,
  orderId: string,
  refundFen: number,
  at: number,
): LedgerEntry => ({
  key,
  kind: 'refund',
  orderId,
  at,
  lines: check([
    { account: `escrow:${orderId}`, amountFen: -refundFen },
    { account: 'buyers', amountFen: refundFen },
  ]),
})

/** 先行赔付 after release: the guarantee fund pays the buyer and a claim on the seller opens. */
export const compensationEntry = (
  key: string,
  orderId: string,
  sellerId: string,
  amountFen: number,
  at: number,
): LedgerEntry => ({
  key,
  kind: 'compensation',
  orderId,
  at,
  lines: check([
    { account: 'platform:guarantee', amountFen: -amountFen },
    { account: 'buyers', amountFen: amountFen },
    { account: `claim:${sellerId}`, amountFen: amountFen },
    { account: 'claims:open', amountFen: -amountFen },
  ]),
})

/**
 * A claim collected from a release: profit sharing sent this part of the seller's share to the
 * platform as well, so it leaves the seller's released money, goes back into the guarantee fund,
 * and closes that much of the claim. Posted with the release it came out of.
 */
export const claimDeductionEntry = (
  key: string,
  orderId: string,
  sellerId: string,
  amountFen: number,
  at: number,
): LedgerEntry => ({
  key,
  kind: 'claim_deduction',
  orderId,
  at,
  lines: check([
    { account: `seller:${sellerId}`, amountFen: -amountFen },
    { account: 'platform:guarantee', amountFen: amountFen },
    { account: `claim:${sellerId}`, amountFen: -amountFen },
    { account: 'claims:open', amountFen: amountFen },
  ]),
})

/** The seller withdraws available money to their bank card. */
export const withdrawalEntry = (
  key: string,
  sellerId: string,
  amountFen: number,
  at: number,
): LedgerEntry => ({
  key,
  kind: 'withdrawal',
  orderId: null,
  at,
  lines: check([
    { account: `seller:${sellerId}`, amountFen: -amountFen },
    { account: `withdrawn:${sellerId}`, amountFen: amountFen },
  ]),
})

/** Balances per account over a set of entries. */
export const balances = (entries: LedgerEntry[]): Map<Account, number> => {
  const out = new Map<Account, number>()
  for (const e of entries)
    for (const l of e.lines) out.set(l.account, (out.get(l.account) ?? 0) + l.amountFen)
  return out
}

/**
 * One order's money, read off its entries: paid = in escrow + released + refunded must hold for
 * every order at every moment.
 */
export const orderMoney = (entries: LedgerEntry[], orderId: string) => {
  const mine = entries.filter((e) => e.orderId === orderId)
  const sum = (kind: EntryKind, account: (l: Line) => boolean) =>
    mine
      .filter((e) => e.kind === kind)
      .flatMap((e) => e.lines)
      .filter(account)
      .reduce((s, l) => s + l.amountFen, 0)
  const escrow = (l: Line) => l.account === `escrow:${orderId}`
  return {
    paid: sum('payment', escrow),
    inEscrow: mine
      .flatMap((e) => e.lines)
      .filter(escrow)
      .reduce((s, l) => s + l.amountFen, 0),
    // `0 -` rather than unary minus: no -0 for orders that never moved.
    released: 0 - sum('release', escrow),
    refunded: 0 - sum('refund', escrow),
    compensated: sum('compensation', (l) => l.account === 'buyers'),
  }
}
