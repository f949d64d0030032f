import type { ServiceTerms, TradeOptions } from '@shared/contracts/listing.contract'
import { chinaDay } from '@shared/domain/listing-lifecycle'
import { serviceUnitLabel } from '@shared/domain/listing'
import { formatFen } from '@shared/domain/money'
import { CHINA_OFFSET_MS } from '@shared/domain/time'

/** "¥12.50", or "¥80/小时" for a service priced per unit. */
export const priceText = (fen: number, serviceUnit?: string | null): string =>
  serviceUnit ? `${formatFen(fen)}/${serviceUnitLabel(serviceUnit)}` : formatFen(fen)

/** "/小时" after a service's price, '' for goods. */
export const unitSuffix = (serviceUnit?: string | null): string =>
  serviceUnit ? `/${serviceUnitLabel(serviceUnit)}` : ''

/** The ways to trade a listing offers, as short labels: 包邮, 邮寄 运费¥12, 邮寄 按实际运费, 同城面交, 自提. */
export const tradeLabels = (trade: TradeOptions | null): string[] => {
  if (!trade) return []
  const out: string[] = []
  if (trade.shipping?.payer === 'seller') out.push('包邮')
  else if (trade.shipping?.payer === 'buyer')
    out.push(`邮寄 运费${formatFen(trade.shipping.feeFen)}`)
  else if (trade.shipping?.payer === 'quote') out.push('邮寄 按实际运费')
  if (trade.meetup) out.push('同城面交')
  if (trade.pickup) out.push('自提')
  return out
}

/** A service's terms as lines: how it is priced, how far the provider travels. */
export const serviceTermLines = (service: ServiceTerms): string[] => [
  `按${serviceUnitLabel(service.unit)}计价`,
  `服务范围 ${service.radiusKm} 公里内`,
]

/** "N人想要", or a nudge when nobody has yet. */
export const wantText = (count: number): string => (count > 0 ? `${count}人想要` : '')

/**
 * How long an active listing stays up, counted in China calendar days like 擦亮 is:
 * "还有 12 天下架，擦亮可延长", "今天下架，擦亮可延长", or '' when it is already past.
 */
export const expiryText = (expiresAt: number | null, now: number): string => {
  if (expiresAt === null || expiresAt <= now) return ''
  const days = chinaDay(expiresAt) - chinaDay(now)
  return days <= 0 ? '今天下架，擦亮可延长' : `还有 ${days} 天下架，擦亮可延长`
}

/** 「同城相似宝贝 中位价 ¥x，区间 ¥a–¥b（n 件）」, or what to say when there is nothing to compare. */
export const priceReferenceText = (ref: {
  count: number
  medianFen: number | null
  lowFen: number | null
  highFen: number | null
}): string => {
  if (ref.count === 0 || ref.medianFen === null) return '同城暂无相似宝贝可参考，按成色和原价定价吧'
  const range =
    ref.lowFen !== null && ref.highFen !== null
      ? `，区间 ${formatFen(ref.lowFen)}–${formatFen(ref.highFen)}`
      : ''
  return `同城相似宝贝 中位价 ${formatFen(ref.medianFen)}${range}（${ref.count} 件）`
}

/** "2024年11月加入" from a join time, in China time. */
export const joinedText = (joinedAt: number): string => {
  const d = new Date(joinedAt + CHINA_OFFSET_MS)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月加入`
}

/** Badge text for a count: '' hides it, 99+ caps it. */
export const badgeText = (n: number): string => (n <= 0 ? '' : n > 99 ? '99+' : String(n))
