import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import { api } from '@/services'
import { ListFooter } from '@/components/ListFooter'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { useListingPages } from '@/hooks/use-listing-pages'
import { Routes } from '@/utils/routes'
import emptyImage from '@/assets/empty.png'

/** New listings of the sellers the user follows, newest first. */
export default function FollowingFeed() {
  const fetchPage = useCallback((cursor: string | undefined) => api.social.followingFeed({ cursor, limit: 20 }), [])
  const list = useListingPages(fetchPage)
  return (
    <View style={{ paddingTop: '8px' }}>
      {list.empty ? (
        <Empty
          id='following-empty'
          image={emptyImage}
          title='关注的人还没有新发布'
          description='在卖家主页点「关注」，TA 的新宝贝会出现在这里'
          actions={[{ text: '去逛逛', type: 'primary', onClick: () => Taro.switchTab({ url: Routes.home }) }]}
        />
      ) : (
        <ListingWaterfall
          id='following-feed'
          cards={list.items}
          now={list.now}
          loading={!list.loaded}
          onOpen={(c) => Taro.navigateTo({ url: Routes.detail(c.id) })}
        />
      )}
      <ListFooter status={list.status} end={list.end} onRetry={() => (list.items.length ? list.loadMore() : list.reload())} />
    </View>
  )
}
