import { Image, Text, View } from '@tarojs/components'
import { Avatar, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { ListingCard as Card } from '@shared/contracts/listing.contract'
import { formatDistance } from '@shared/domain/geo'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { PriceTag } from '../PriceTag'
import './listing-card.scss'

export interface ListingCardProps {
  card: Card
  /** Passed in (not read inside) so a whole list agrees on "now" and tests can fix it. */
  now: number
  onOpen?: (card: Card) => void
}

/** Where the item is, as coarse as the backend allows: the district, plus distance when known. */
export const placeText = (card: Pick<Card, 'area' | 'distanceMeters'>) =>
  card.distanceMeters == null ? card.area : `${card.area} · ${formatDistance(card.distanceMeters)}`

export function ListingCard({ card, now, onOpen }: ListingCardProps) {
  return (
    <View className='listing-card' id={`listing-${card.id}`} data-id={card.id} onClick={() => onOpen?.(card)}>
      <Image className='listing-card__cover' src={card.coverUrl} mode='aspectFill' lazyLoad />
      <View className='listing-card__body'>
        <Text className='listing-card__title'>{card.title}</Text>
        <PriceTag fen={card.priceFen} original={card.originalPriceFen} />
        <View className='listing-card__meta'>
          <Text className='listing-card__place'>{placeText(card)}</Text>
          <Text className='listing-card__time'>{formatRelativeTime(card.createdAt, now)}</Text>
        </View>
        <View className='listing-card__seller'>
          <Avatar size='16' src={card.seller.avatarUrl ?? ''} />
          <Text className='listing-card__nickname'>{card.seller.nickname}</Text>
        </View>
      </View>
    </View>
  )
}

/** Same outline as a card, shown while the first page loads. */
export function ListingCardSkeleton() {
  return (
    <View className='listing-card listing-card--skeleton'>
      <View className='listing-card__cover-placeholder' />
      <View className='listing-card__body'>
        <Skeleton rows={3} title animated visible={false} />
      </View>
    </View>
  )
}
