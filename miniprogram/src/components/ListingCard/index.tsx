import { Image, Text, View } from '@tarojs/components'
import { Avatar, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { ListingCard as Card } from '@shared/contracts/listing.contract'
import { formatDistance } from '@shared/domain/geo'
import { LISTING_STATUS_LABELS, serviceUnitLabel } from '@shared/domain/listing'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { wantText } from '@/utils/listing-text'
import { CreditBadge } from '../CreditBadge'
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

/** "N分钟前" counts from the last 擦亮 (or publish), which is what puts a card near the top. */
export const cardTime = (card: Pick<Card, 'bumpedAt' | 'createdAt'>, now: number) =>
  formatRelativeTime(card.bumpedAt ?? card.createdAt, now)

export function ListingCard({ card, now, onOpen }: ListingCardProps) {
  const wants = wantText(card.favoriteCount)
  return (
    <View
      className={`listing-card listing-card--${card.status}`}
      id={`listing-${card.id}`}
      data-id={card.id}
      data-distance={card.distanceMeters ?? undefined}
      onClick={() => onOpen?.(card)}
    >
      <View className='listing-card__cover-box'>
        <Image className='listing-card__cover' src={card.coverUrl} mode='aspectFill' lazyLoad />
        {card.status !== 'active' && (
          <Text className='listing-card__status'>{LISTING_STATUS_LABELS[card.status]}</Text>
        )}
      </View>
      <View className='listing-card__body'>
        <Text className='listing-card__title'>
          {card.kind === 'service' && <Text className='listing-card__badge'>服务</Text>}
          {card.freeShipping && (
            <Text className='listing-card__badge listing-card__badge--ship'>包邮</Text>
          )}
          {card.title}
        </Text>
        <View className='listing-card__price-row'>
          <PriceTag
            fen={card.priceFen}
            original={card.originalPriceFen}
            unit={card.serviceUnit ? serviceUnitLabel(card.serviceUnit) : undefined}
          />
          {wants && <Text className='listing-card__wants'>{wants}</Text>}
        </View>
        <View className='listing-card__meta'>
          <Text className='listing-card__place'>{placeText(card)}</Text>
          <Text className='listing-card__time'>{cardTime(card, now)}</Text>
        </View>
        <View className='listing-card__seller'>
          <Avatar size='16' src={card.seller.avatarUrl ?? ''} />
          <Text className='listing-card__nickname'>{card.seller.nickname}</Text>
          <CreditBadge badge={card.seller.creditBadge} size='small' />
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
