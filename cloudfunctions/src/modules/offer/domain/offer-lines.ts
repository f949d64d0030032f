import { formatFen } from '@shared/domain/money'
import type { OfferParty } from '@shared/domain/offer-process'
import { BELOW_FLOOR_REASON } from './offer.rules'

/**
 * What an offer move says in the conversation of its listing and buyer: a party's move is an
 * offer line in that party's name (news to the other one), the platform's is a system line.
 */
export interface OfferLine {
  kind: 'offer' | 'system'
  by: OfferParty | null
  text: string
  /** Who has something to learn from it (their badge, and a subscribe message when away). */
  newsTo: OfferParty[]
}

const other = (p: OfferParty): OfferParty => (p === 'buyer' ? 'seller' : 'buyer')

/** 出价 ¥80 (the first price) or 还价 ¥90 (every later one, either side). */
export const proposedLine = (by: OfferParty, priceFen: number, first: boolean): OfferLine => ({
  kind: 'offer',
  by,
  text: `${first ? '出价' : '还价'} ${formatFen(priceFen)}`,
  newsTo: [other(by)],
})

/** Accepting, declining or withdrawing the price on the table. */
export const answeredLine = (
  move: 'accept' | 'decline' | 'withdraw',
  by: OfferParty,
  priceFen: number,
): OfferLine => ({
  kind: 'offer',
  by,
  text:
    move === 'accept'
      ? `接受了 ${formatFen(priceFen)}`
      : move === 'decline'
        ? `拒绝了 ${formatFen(priceFen)}`
        : '撤回了出价',
  newsTo: [other(by)],
})

/**
 * The floor's answer, polite and without the floor. The buyer is looking at it as it happens and
 * the seller had nothing to decide, so it is news to nobody.
 */
export const belowFloorLine = (priceFen: number): OfferLine => ({
  kind: 'system',
  by: null,
  text: `${formatFen(priceFen)} ${BELOW_FLOOR_REASON}，已自动拒绝，换个价格试试吧`,
  newsTo: [],
})

/** A timer fired: nobody answered in 24 hours, or the buyer did not check out in time. */
export const timerLine = (timer: 'expire' | 'lapse', proposedBy: OfferParty): OfferLine =>
  timer === 'expire'
    ? { kind: 'system', by: null, text: '议价 24 小时内无人回应，已过期', newsTo: [proposedBy] }
    : { kind: 'system', by: null, text: '议价成交后 24 小时内未下单，已失效', newsTo: ['buyer'] }
