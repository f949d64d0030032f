import type { Offer } from '@shared/contracts/offer.contract'
import type { OfferState } from '@shared/domain/offer-process'
import { parseYuanInput } from '@shared/domain/money'

/** The offer card's state line, as the viewer reads it. */
export const offerStateText = (o: Pick<Offer, 'state' | 'role'>): string => {
  const mine = (party: 'buyer' | 'seller') => o.role === party
  const labels: Record<OfferState, string> = {
    awaiting_seller: mine('seller') ? '等你回应' : '等待卖家回应',
    awaiting_buyer: mine('buyer') ? '等你回应' : '等待买家回应',
    accepted: mine('buyer') ? '议价成功，24 小时内按此价购买' : '议价成功，等待买家下单',
    declined: '已拒绝',
    withdrawn: '已撤回',
    expired: '已过期',
    used: '已按此价下单',
  }
  return labels[o.state]
}

/** The button each move of the viewer's shows on the card. */
export const OFFER_ACTION_LABELS = {
  accept: '接受',
  counter: '还价',
  decline: '拒绝',
  withdraw: '撤回',
} as const
export type OfferButton = keyof typeof OFFER_ACTION_LABELS

/** The viewer's buttons, in the order the card shows them (the main one last, on the right). */
export const offerButtons = (o: Pick<Offer, 'actions'>): OfferButton[] =>
  (['withdraw', 'decline', 'counter', 'accept'] as const).filter((a) =>
    (o.actions as string[]).includes(a),
  )

/** A price as typed, checked as the server will: whole fen, above 0, below the listed price. */
export const readOfferPrice = (
  typed: string,
  listedFen: number,
): { priceFen: number } | { error: string } => {
  // Any number of digits reads as a number, so a very long one is told it is above the listed price.
  const fen = parseYuanInput(typed)
  if (fen === null) return { error: '请输入金额，最多两位小数' }
  if (fen < 1) return { error: '出价须大于 0' }
  if (fen >= listedFen) return { error: '出价须低于标价' }
  return { priceFen: fen }
}

/** Quick picks under the price field: common discounts off the listed price, in whole yuan. */
export const offerSuggestions = (listedFen: number): number[] =>
  [0.95, 0.9, 0.85]
    .map((r) => Math.floor((listedFen * r) / 100) * 100)
    .filter((fen, i, all) => fen >= 100 && fen < listedFen && all.indexOf(fen) === i)
