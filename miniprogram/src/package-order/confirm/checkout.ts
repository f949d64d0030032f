import type { ShippingAddress } from '@shared/contracts/order.contract'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import { formatFen } from '@shared/domain/money'
import type { Fulfilment } from '@shared/domain/order-process'
import { isServiceError } from '@/services/service-error'

/** One way to receive the item as the buyer picks it; 同城面交 and 自提 both become a meetup order. */
export interface FulfilmentOption {
  id: 'shipping' | 'meetup' | 'pickup' | 'service'
  fulfilment: Fulfilment
  label: string
  sub?: string
  /** What the listing says shipping costs the buyer (the server's figure comes back in the order). */
  shippingFen: number
  /** 按实际运费: the fee is the courier's quote to the address, so shippingFen means nothing yet. */
  quoted: boolean
}

export const fulfilmentOptions = (l: Pick<ListingDetail, 'kind' | 'trade'>): FulfilmentOption[] => {
  if (l.kind === 'service')
    return [
      {
        id: 'service',
        fulfilment: 'service',
        label: '上门/到店服务',
        shippingFen: 0,
        quoted: false,
      },
    ]
  const t = l.trade
  const out: FulfilmentOption[] = []
  if (t?.shipping?.payer === 'quote') {
    out.push({
      id: 'shipping',
      fulfilment: 'courier',
      label: '邮寄',
      sub: '按实际运费',
      shippingFen: 0,
      quoted: true,
    })
  } else if (t?.shipping) {
    const fee = t.shipping.payer === 'buyer' ? t.shipping.feeFen : 0
    out.push({
      id: 'shipping',
      fulfilment: 'courier',
      label: '邮寄',
      sub: fee > 0 ? `运费 ${formatFen(fee)}` : '包邮',
      shippingFen: fee,
      quoted: false,
    })
  }
  if (t?.meetup)
    out.push({
      id: 'meetup',
      fulfilment: 'meetup',
      label: '同城面交',
      sub: '当面验货',
      shippingFen: 0,
      quoted: false,
    })
  if (t?.pickup)
    out.push({
      id: 'pickup',
      fulfilment: 'meetup',
      label: '自提',
      sub: '上门自取',
      shippingFen: 0,
      quoted: false,
    })
  return out
}

/** The courier's answer for a 按实际运费 listing and the address as typed. */
export type FreightState =
  | { kind: 'no-address' }
  | { kind: 'loading'; toCity: string }
  | { kind: 'quoted'; toCity: string; company: string; priceFen: number }
  | { kind: 'unavailable'; toCity: string }

/** What the buyer pays for shipping as far as the page knows: null while a quote is not in. */
export const shippingFenOf = (
  option: FulfilmentOption | null,
  freight: FreightState,
): number | null => {
  if (option?.fulfilment !== 'courier') return 0
  if (!option.quoted) return option.shippingFen
  return freight.kind === 'quoted' ? freight.priceFen : null
}

/** The 运费 row: 无 / 包邮 / the fixed fee / the quote for the address, or why there is none yet. */
export const shippingText = (option: FulfilmentOption | null, freight: FreightState): string => {
  if (option?.fulfilment !== 'courier') return '无'
  if (!option.quoted) return option.shippingFen > 0 ? formatFen(option.shippingFen) : '包邮'
  switch (freight.kind) {
    case 'no-address':
      return '选择收货地址后按实际计算'
    case 'loading':
      return '计算中…'
    case 'quoted':
      return `${formatFen(freight.priceFen)}（${freight.company}，寄往${freight.toCity}）`
    case 'unavailable':
      return '暂时查不到运费'
  }
}

export type CheckoutField = keyof ShippingAddress | 'fulfilment' | 'address'
export const ADDRESS_FIELDS = ['name', 'phone', 'region', 'detail'] as const

export interface CheckoutProblem {
  /** Messages under the fields they are about. */
  fields: Partial<Record<CheckoutField, string>>
  /** A message for the whole page (toast / banner), when no field owns it. */
  message: string | null
  /** The purchase cannot go on whatever the buyer types: reserved, sold, own listing, seller not set up. */
  blocked: boolean
}

const BLOCKING: Record<string, string> = {
  'ORDER.LISTING_RESERVED': '已被拍下：其他买家正在付款，超时未付款会重新开放',
  'ORDER.LISTING_UNAVAILABLE': '宝贝已下架或已卖出',
  'ORDER.OWN_LISTING': '这是你自己发布的宝贝，不能购买',
  'ORDER.SELLER_NOT_ONBOARDED': '卖家还没有开通收款，暂时不能担保交易，可以先聊一聊',
}

/** The form field of a path in a COMMON.VALIDATION answer: `address.phone` → phone. */
export const fieldOfCheckoutPath = (path: string): CheckoutField | null => {
  const [head, sub] = path.split('.')
  if (head === 'address')
    return sub && (ADDRESS_FIELDS as readonly string[]).includes(sub)
      ? (sub as CheckoutField)
      : 'address'
  if (head === 'fulfilment') return 'fulfilment'
  return null
}

/** What a failed checkout means for the form: field messages, a page message, or a dead end. */
export const checkoutProblem = (e: unknown): CheckoutProblem => {
  if (!isServiceError(e)) return { fields: {}, message: '下单失败，请稍后重试', blocked: false }
  if (e.code in BLOCKING) return { fields: {}, message: BLOCKING[e.code]!, blocked: true }
  if (e.code === 'ORDER.FULFILMENT_UNAVAILABLE')
    return { fields: { fulfilment: e.message }, message: null, blocked: false }
  if (e.code === 'ORDER.ADDRESS_REQUIRED')
    return { fields: { address: e.message }, message: null, blocked: false }
  if (e.code === 'COMMON.VALIDATION') {
    const fields: CheckoutProblem['fields'] = {}
    let stray: string | null = null
    for (const [path, message] of Object.entries(e.fieldErrors)) {
      const f = fieldOfCheckoutPath(path)
      if (f) fields[f] ??= message
      else stray ??= message
    }
    return {
      fields,
      message: Object.keys(fields).length ? null : (stray ?? e.message),
      blocked: false,
    }
  }
  return { fields: {}, message: e.message, blocked: false }
}

/** The promise of escrow under the total, in the words of the chosen way to trade. */
export const escrowLine = (f: Fulfilment): string =>
  f === 'service'
    ? '钱款由微信支付担保，确认服务完成后才到卖家账户；卖家 7 天内未提供服务自动退款。'
    : `钱款由微信支付担保，确认收货后才到卖家账户；卖家 7 天内未${f === 'meetup' ? '完成面交' : '发货'}自动退款。`
