import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import type { ListingCard } from '@shared/contracts/listing.contract'
import { api } from '@/services'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { usePagedList } from '@/hooks/use-paged-list'
import { reportError } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import emptyImage from '@/assets/empty.png'

export default function MyListings() {
  const [now, setNow] = useState(() => Date.now())
  const fetchPage = useCallback((cursor: string | undefined) => api.listing.mine({ cursor, limit: 20 }), [])
  const list = usePagedList<ListingCard>(fetchPage)

  useEffect(() => {
    void list.reload()
  }, [list.reload])
  useEffect(() => {
    if (list.status === 'error') reportError(list.error, '加载失败，请稍后重试')
  }, [list.status, list.error])
  usePullDownRefresh(async () => {
    setNow(Date.now())
    await list.reload('refreshing')
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (list.status === 'idle') void list.loadMore()
  })

  const empty = list.loaded && list.status !== 'error' && list.items.length === 0
  return (
    <View className='safe-bottom' style={{ paddingTop: '8px' }}>
      {empty ? (
        <Empty
          id='my-listings-empty'
          image={emptyImage}
          title='还没有发布过闲置'
          actions={[{ text: '去发布', type: 'primary', onClick: () => Taro.navigateTo({ url: Routes.publishForm }) }]}
        />
      ) : (
        <ListingWaterfall
          id='my-listings'
          cards={list.items}
          now={now}
          loading={!list.loaded}
          onOpen={(c) => Taro.navigateTo({ url: Routes.detail(c.id) })}
        />
      )}
      <View style={{ textAlign: 'center', padding: '12px 0 24px', fontSize: '12px' }}>
        {list.status === 'loading-more' && <Text className='muted'>加载中…</Text>}
        {list.loaded && !list.hasMore && list.items.length > 0 && <Text className='muted'>没有更多了</Text>}
      </View>
    </View>
  )
}
