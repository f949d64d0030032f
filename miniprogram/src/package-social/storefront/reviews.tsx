import { useCallback, useEffect } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { ListFooter } from '@/components/ListFooter'
import { ReviewItem } from '@/components/ReviewItem'
import { usePagedList } from '@/hooks/use-paged-list'

/** What buyers said of this seller, newest first, page by page as the storefront scrolls. */
export function StoreReviews({ sellerId }: { sellerId: string }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.review.forUser({
        userId: sellerId,
        role: 'seller',
        limit: 20,
        ...(cursor ? { cursor } : {}),
      }),
    [sellerId],
  )
  const list = usePagedList(fetchPage)
  const { reload } = list
  useEffect(() => void reload(), [reload])
  useReachBottom(() => void list.loadMore())
  const now = Date.now()
  if (list.loaded && list.items.length === 0 && list.status !== 'error')
    return (
      <EmptyState
        id='storefront-reviews-empty'
        title='还没有收到评价'
        description='成交后买家的评价会显示在这里'
      />
    )
  return (
    <View>
      <View className='store__reviews' id='storefront-reviews'>
        {list.items.map((r) => (
          <ReviewItem key={r.id} review={r} now={now} showItem />
        ))}
      </View>
      <ListFooter list={list} />
    </View>
  )
}
