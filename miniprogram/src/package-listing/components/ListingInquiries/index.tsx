import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { api } from '@/services'
import { badgeText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'

/**
 * On the seller's own listing: N 人咨询 (and what is unread), opening the listing's
 * conversations; nothing until a buyer has asked. `refresh` changes whenever the page reloads the
 * listing, so coming back from a conversation shows what is still unread.
 */
export function ListingInquiries({ listingId, refresh }: { listingId: string; refresh?: unknown }) {
  const [row, setRow] = useState<{ conversations: number; unread: number } | null>(null)
  useEffect(() => {
    let live = true
    api.chat
      .listings({ listingId, limit: 1 })
      .then((p) => live && setRow(p.items[0] ?? null))
      // Only a hint beside the seller's tools: a failure leaves it out.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [listingId, refresh])

  if (!row || row.conversations === 0) return null
  return (
    <View
      className='detail__inquiries'
      id='detail-inquiries'
      onClick={() => Taro.navigateTo({ url: Routes.listingChats(listingId) })}
    >
      <Text className='detail__inquiries-count'>{row.conversations} 人咨询</Text>
      {row.unread > 0 && (
        <Text className='detail__inquiries-unread'>{badgeText(row.unread)} 条未读</Text>
      )}
      <Text className='detail__inquiries-go'>查看 ›</Text>
    </View>
  )
}
