import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import { formatFen } from '@shared/domain/money'
import { api } from '@/services'

interface Estimate {
  fromCity: string
  toCity: string
  cheapest: { company: string; priceFen: number } | null
}

/**
 * 运费估算 under 交易方式: what a courier charges from the seller's city to the viewer's home
 * city, so a buyer knows before asking and a seller before choosing 包邮. For a listing whose
 * buyer pays the actual freight (`quoted`) it is what the buyer will pay, give or take the
 * address. Says nothing when the courier aggregator has no price.
 */
export function FreightEstimate({
  listingId,
  toCity,
  quoted = false,
}: {
  listingId: string
  toCity?: string | null
  quoted?: boolean
}) {
  const [estimate, setEstimate] = useState<Estimate | null>(null)
  useEffect(() => {
    api.order.freightQuote({ listingId, ...(toCity ? { toCity } : {}) }).then(
      (q) => setEstimate({ fromCity: q.fromCity, toCity: q.toCity, cheapest: q.quotes[0] ?? null }),
      () => setEstimate(null),
    )
  }, [listingId, toCity])
  if (!estimate?.cheapest) return null
  if (quoted)
    return (
      <Text className='detail__freight muted' id='detail-freight'>
        运费按实际计算，约 {formatFen(estimate.cheapest.priceFen)} 起（{estimate.fromCity}→
        {estimate.toCity}）
      </Text>
    )
  return (
    <Text className='detail__freight muted' id='detail-freight'>
      快递运费参考 {estimate.fromCity}→{estimate.toCity}：{estimate.cheapest.company}{' '}
      {formatFen(estimate.cheapest.priceFen)} 起
    </Text>
  )
}
