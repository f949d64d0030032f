import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import type { ShippingTerms } from '@shared/contracts/listing.contract'
import { formatFen } from '@shared/domain/money'
import { api } from '@/services'

interface Estimate {
  fromCity: string
  toCity: string
  weightKg: number
  cheapest: { company: string; priceFen: number } | null
}

/**
 * 运费估算 under 交易方式: what a courier charges from the seller's city to the viewer's home
 * city for the parcel's weight (the seller's, else the subcategory's typical one, said in the
 * line), so a buyer paying a fixed fee can weigh it. For a listing whose buyer pays the actual
 * freight (`quote`) it is what the buyer will pay, give or take the address. 包邮 costs the buyer
 * nothing, so it shows (and asks) nothing; nor when the courier aggregator has no price.
 */
export function FreightEstimate({
  listingId,
  toCity,
  shipping,
}: {
  listingId: string
  toCity?: string | null
  shipping: ShippingTerms
}) {
  const free = shipping.payer === 'seller'
  const [estimate, setEstimate] = useState<Estimate | null>(null)
  useEffect(() => {
    if (free) return setEstimate(null)
    api.order.freightQuote({ listingId, ...(toCity ? { toCity } : {}) }).then(
      (q) =>
        setEstimate({
          fromCity: q.fromCity,
          toCity: q.toCity,
          weightKg: q.weightKg,
          cheapest: q.quotes[0] ?? null,
        }),
      () => setEstimate(null),
    )
  }, [listingId, toCity, free])
  if (free || !estimate?.cheapest) return null
  if (shipping.payer === 'quote')
    return (
      <Text className='detail__freight muted' id='detail-freight'>
        运费按实际计算，约 {formatFen(estimate.cheapest.priceFen)} 起（{estimate.fromCity}→
        {estimate.toCity}，{estimate.weightKg} 公斤）
      </Text>
    )
  return (
    <Text className='detail__freight muted' id='detail-freight'>
      快递运费参考 {estimate.fromCity}→{estimate.toCity}：{estimate.cheapest.company}{' '}
      {formatFen(estimate.cheapest.priceFen)} 起（按 {estimate.weightKg} 公斤）
    </Text>
  )
}
