import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ListingChats } from '@shared/contracts/chat.contract'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { previewText } from '@/utils/chat-text'
import { badgeText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import './listing-chats-item.scss'

/**
 * One of the user's listings that several buyers asked about, as one row of the 消息 list (as
 * 闲鱼 folds a listing's chats): the listing, N 人咨询, the latest message and its time, the unread
 * sum. It opens the listing's conversations.
 */
export function ListingChatsItem({ group: g, now }: { group: ListingChats; now: number }) {
  const last = g.latest.lastMessage
  return (
    <View
      className={`listing-chats ${g.unread > 0 ? 'is-unread' : ''}`}
      data-listing={g.id}
      data-count={g.conversations}
      onClick={() => Taro.navigateTo({ url: Routes.listingChats(g.id) })}
    >
      <View className='listing-chats__cover'>
        {g.listing.thumbnailUrl ? (
          <Image className='listing-chats__thumb' src={g.listing.thumbnailUrl} mode='aspectFill' />
        ) : (
          <View className='listing-chats__thumb' />
        )}
        {g.unread > 0 && <Text className='listing-chats__badge'>{badgeText(g.unread)}</Text>}
      </View>
      <View className='listing-chats__body'>
        <View className='listing-chats__head'>
          <Text className='listing-chats__title'>{g.listing.title}</Text>
          <Text className='listing-chats__time'>{formatRelativeTime(g.updatedAt, now)}</Text>
        </View>
        <View className='listing-chats__sub'>
          <Text className='listing-chats__count'>{g.conversations} 人咨询</Text>
          <Text className='listing-chats__preview'>
            {g.latest.blocked ? '[已屏蔽] ' : ''}
            {last ? previewText(last) : `${g.latest.other.nickname} 发起了咨询`}
          </Text>
        </View>
      </View>
      <Text className='listing-chats__go'>›</Text>
    </View>
  )
}
