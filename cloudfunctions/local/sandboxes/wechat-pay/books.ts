/**
 * The sandbox's books, in fen. Every movement goes through one method here, and the invariant
 *   buyer payments + advance deposit = Σ(frozen + available + withdrawn) + platform commission
 *                                      + refunded + advance fund left
 * holds after each one (checked by `assertBalanced`, which every movement calls).
 */
export interface SubMerchantBalance {
  frozen: number
  available: number
  withdrawn: number
}

export interface BooksSnapshot {
  paid: number
  refunded: number
  platform: number
  /** The platform's 垫付 (advance refund) account: what is left of its deposit. */
  advanceFund: number
  subMerchants: Record<string, SubMerchantBalance>
}

/** What `Books.exportState` writes: the snapshot plus the deposit the invariant counts from. */
export interface BooksState extends BooksSnapshot {
  advanceDeposit: number
}

export class NotEnough extends Error {}

export class Books {
  private paid = 0
  private refunded = 0
  private platform = 0
  private advanceFund: number
  private readonly subs = new Map<string, SubMerchantBalance>()

  /** `advanceDeposit`: what the platform put in its advance-refund account (垫付出款账户). */
  constructor(private advanceDeposit = 0) {
    this.advanceFund = advanceDeposit
  }

  private sub(subMchid: string): SubMerchantBalance {
    let s = this.subs.get(subMchid)
    if (!s) this.subs.set(subMchid, (s = { frozen: 0, available: 0, withdrawn: 0 }))
    return s
  }

  balanceOf(subMchid: string): SubMerchantBalance {
    return { ...this.sub(subMchid) }
  }

  platformBalance() {
    return this.platform
  }

  /** Buyer pays; with profit sharing the money is frozen at the sub-merchant, else available. */
  pay(subMchid: string, amount: number, frozen: boolean) {
    positive(amount)
    this.paid += amount
    if (frozen) this.sub(subMchid).frozen += amount
    else this.sub(subMchid).available += amount
    this.assertBalanced()
  }

  /** Profit sharing: frozen → platform commission. */
  share(subMchid: string, amount: number) {
    positive(amount)
    const s = this.sub(subMchid)
    if (s.frozen < amount) throw new NotEnough('frozen')
    s.frozen -= amount
    this.platform += amount
    this.assertBalanced()
  }

  /** Finish: frozen → available. */
  unfreeze(subMchid: string, amount: number) {
    if (amount === 0) return
    positive(amount)
    const s = this.sub(subMchid)
    if (s.frozen < amount) throw new NotEnough('frozen')
    s.frozen -= amount
    s.available += amount
    this.assertBalanced()
  }

  /** Profit-sharing return: platform → sub-merchant available. */
  returnShare(subMchid: string, amount: number) {
    positive(amount)
    if (this.platform < amount) throw new NotEnough('platform')
    this.platform -= amount
    this.sub(subMchid).available += amount
    this.assertBalanced()
  }

  /** Refund to the buyer: from frozen first (up to `fromFrozenMax`), the rest from available. */
  refund(subMchid: string, amount: number, fromFrozenMax: number) {
    positive(amount)
    const s = this.sub(subMchid)
    const fromFrozen = Math.min(amount, fromFrozenMax, s.frozen)
    const fromAvailable = amount - fromFrozen
    if (s.available < fromAvailable) throw new NotEnough('available')
    s.frozen -= fromFrozen
    s.available -= fromAvailable
    this.refunded += amount
    this.assertBalanced()
    return { fromFrozen, fromAvailable }
  }

  /** 垫付退款: the platform's advance account pays the buyer; the seller's balances are untouched. */
  advanceRefund(amount: number) {
    positive(amount)
    if (this.advanceFund < amount) throw new NotEnough('advance')
    this.advanceFund -= amount
    this.refunded += amount
    this.assertBalanced()
  }

  withdraw(subMchid: string, amount: number) {
    positive(amount)
    const s = this.sub(subMchid)
    if (s.available < amount) throw new NotEnough('available')
    s.available -= amount
    s.withdrawn += amount
    this.assertBalanced()
  }

  snapshot(): BooksSnapshot {
    return {
      paid: this.paid,
      refunded: this.refunded,
      platform: this.platform,
      advanceFund: this.advanceFund,
      subMerchants: Object.fromEntries([...this.subs].map(([k, v]) => [k, { ...v }])),
    }
  }

  exportState(): BooksState {
    return { ...this.snapshot(), advanceDeposit: this.advanceDeposit }
  }

  /**
   * Replaces every balance with a saved state. The saved deposit wins over the constructor's, since
   * the invariant was kept against it; books that do not balance are refused and nothing changes.
   */
  importState(state: BooksState) {
    const amount = (v: unknown, what: string) => {
      if (!Number.isSafeInteger(v))
        throw new Error(`saved books: ${what} is not a whole number of fen`)
      return v as number
    }
    if (
      typeof state !== 'object' ||
      state === null ||
      typeof state.subMerchants !== 'object' ||
      state.subMerchants === null
    )
      throw new Error('saved books: not an object with subMerchants')
    const subs = new Map<string, SubMerchantBalance>()
    for (const [id, s] of Object.entries(state.subMerchants))
      subs.set(id, {
        frozen: amount(s?.frozen, `${id}.frozen`),
        available: amount(s?.available, `${id}.available`),
        withdrawn: amount(s?.withdrawn, `${id}.withdrawn`),
      })
    // Checked on a scratch copy first, so a refused import leaves these books as they were.
    const next = new Books(amount(state.advanceDeposit, 'advanceDeposit'))
    next.paid = amount(state.paid, 'paid')
    next.refunded = amount(state.refunded, 'refunded')
    next.platform = amount(state.platform, 'platform')
    next.advanceFund = amount(state.advanceFund, 'advanceFund')
    for (const [k, v] of subs) next.subs.set(k, v)
    if (!next.balanced())
      throw new Error(`saved books out of balance: ${JSON.stringify(next.snapshot())}`)
    this.advanceDeposit = next.advanceDeposit
    this.paid = next.paid
    this.refunded = next.refunded
    this.platform = next.platform
    this.advanceFund = next.advanceFund
    this.subs.clear()
    for (const [k, v] of next.subs) this.subs.set(k, v)
  }

  /** True when the books balance and nothing is negative. */
  balanced(): boolean {
    let held = 0
    for (const s of this.subs.values()) {
      if (s.frozen < 0 || s.available < 0 || s.withdrawn < 0) return false
      held += s.frozen + s.available + s.withdrawn
    }
    return (
      this.platform >= 0 &&
      this.refunded >= 0 &&
      this.advanceFund >= 0 &&
      this.paid + this.advanceDeposit === held + this.platform + this.refunded + this.advanceFund
    )
  }

  assertBalanced() {
    if (!this.balanced())
      throw new Error(`sandbox books out of balance: ${JSON.stringify(this.snapshot())}`)
  }
}

const positive = (amount: number) => {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`bad amount ${amount}`)
}
