import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Avatar } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import type { Conversation } from '@shared/contracts/chat.contract'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { previewText } from '@/utils/chat-text'
import { badgeText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import './conversation-item.scss'

/** One row of the 消息 list: who, what they said last and when, the listing it is about. */
export function ConversationItem({
  conversation: c,
  now,
  showListing = true,
}: {
  conversation: Conversation
  now: number
  /** Off on a page about one listing, where every row's thumbnail would be the same. */
  showListing?: boolean
}) {
  const at = c.lastMessage?.at ?? c.updatedAt
  return (
    <View
      className={`conversation ${c.unread > 0 ? 'is-unread' : ''}`}
      data-id={c.id}
      data-listing={c.listing.id}
      onClick={() => Taro.navigateTo({ url: Routes.conversation(c.id) })}
    >
      <View className='conversation__avatar'>
        <Avatar size='48' src={c.other.avatarUrl ?? ''} />
        {c.unread > 0 && <Text className='conversation__badge'>{badgeText(c.unread)}</Text>}
      </View>
      <View className='conversation__body'>
        <View className='conversation__head'>
          <Text className='conversation__name'>{c.other.nickname}</Text>
          <Text className='conversation__time'>{formatRelativeTime(at, now)}</Text>
        </View>
        <Text className='conversation__preview'>
          {c.blocked ? '[已屏蔽] ' : ''}
          {previewText(c.lastMessage)}
        </Text>
      </View>
      {showListing &&
        (c.listing.thumbnailUrl ? (
          <Image className='conversation__thumb' src={c.listing.thumbnailUrl} mode='aspectFill' />
        ) : (
          <View className='conversation__thumb' />
        ))}
    </View>
  )
}
