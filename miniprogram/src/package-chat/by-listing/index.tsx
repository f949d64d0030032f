import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ListingChats } from '@shared/contracts/chat.contract'
import { api } from '@/services'
import { ConversationItem } from '@/components/ConversationItem'
import { EmptyState } from '@/components/EmptyState'
import { ListFooter } from '@/components/ListFooter'
import { useSession } from '@/hooks/use-session'
import { useSignedInList } from '@/hooks/use-signed-in-list'
import { badgeText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import { ListingSummary } from '../components/ListingSummary'
import './index.scss'

const PAGE = 20

/**
 * 买家咨询: the conversations buyers started about one of the seller's listings, latest activity
 * first, under the listing's card (N 人咨询, unread). From a 消息 row or the listing's own page.
 */
export default function ListingChatsPage() {
  const { params } = useRouter()
  // The H5 router may hand the query over still encoded.
  const listingId = decodeURIComponent(params.listingId ?? '')
  const { status } = useSession()
  const [group, setGroup] = useState<ListingChats | null>(null)
  const shown = useRef(false)

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.chat.list({ listingId, role: 'seller', limit: PAGE, ...(cursor ? { cursor } : {}) }),
    [listingId],
  )
  const list = useSignedInList(fetchPage, '加载失败，请稍后重试')

  const loadGroup = useCallback(
    () =>
      api.chat
        .listings({ listingId, limit: 1 })
        .then((p) => setGroup(p.items[0] ?? null))
        .catch(() => undefined),
    [listingId],
  )
  useEffect(() => {
    if (status === 'signed-in') void loadGroup()
  }, [status, loadGroup])
  // Back from a conversation: its unread is read now.
  useDidShow(() => {
    if (shown.current && status === 'signed-in') void loadGroup()
    shown.current = true
  })

  const now = Date.now()
  const empty = list.loaded && list.items.length === 0 && list.status !== 'error'
  const listing = group?.listing ?? list.items[0]?.listing
  return (
    <View className='by-listing' id='listing-chats' data-listing={listingId}>
      {listing && (
        <View
          className='by-listing__card'
          id='listing-chats-card'
          onClick={() => Taro.navigateTo({ url: Routes.detail(listing.id) })}
        >
          <ListingSummary listing={listing} linked={false}>
            {group && (
              <Text className='by-listing__count' id='listing-chats-count'>
                {group.conversations} 人咨询
                {group.unread > 0 ? ` · ${badgeText(group.unread)} 条未读` : ''}
              </Text>
            )}
          </ListingSummary>
          <Text className='by-listing__go'>›</Text>
        </View>
      )}
      {empty ? (
        <EmptyState
          id='listing-chats-empty'
          title='还没有人咨询这件宝贝'
          description='买家在宝贝页点「聊一聊」后，对话会出现在这里'
        />
      ) : (
        <View className='by-listing__list' id='listing-chats-list'>
          {list.items.map((c) => (
            <ConversationItem key={c.id} conversation={c} now={now} showListing={false} />
          ))}
        </View>
      )}
      <ListFooter list={list} />
    </View>
  )
}
