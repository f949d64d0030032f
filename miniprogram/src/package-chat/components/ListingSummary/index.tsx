import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ChatListing } from '@shared/contracts/chat.contract'
import { LISTING_STATUS_LABELS } from '@shared/domain/listing'
import { formatFen } from '@shared/domain/money'
import { Routes } from '@/utils/routes'
import './listing-summary.scss'

/**
 * A listing as the chat shows it (the pinned card, the 买家咨询 header, a shared 宝贝): photo,
 * title, price and, once off sale, its status; tapping opens the listing (unless `linked` is
 * false: a larger tap area around it does). `children` go under the price.
 */
export function ListingSummary({
  listing: l,
  className = '',
  priceId,
  linked = true,
  children,
}: {
  listing: ChatListing
  className?: string
  priceId?: string
  linked?: boolean
  children?: ReactNode
}) {
  return (
    <View
      className={`listing-summary ${className}`}
      data-listing={l.id}
      onClick={linked ? () => Taro.navigateTo({ url: Routes.detail(l.id) }) : undefined}
    >
      {l.thumbnailUrl ? (
        <Image className='listing-summary__thumb' src={l.thumbnailUrl} mode='aspectFill' />
      ) : (
        <View className='listing-summary__thumb' />
      )}
      <View className='listing-summary__body'>
        <Text className='listing-summary__title'>{l.title}</Text>
        <View className='listing-summary__row'>
          <Text className='listing-summary__price' id={priceId}>
            {formatFen(l.priceFen)}
          </Text>
          {l.status !== 'active' && (
            <Text className='listing-summary__status'>{LISTING_STATUS_LABELS[l.status]}</Text>
          )}
        </View>
        {children}
      </View>
    </View>
  )
}
