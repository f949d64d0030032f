import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import { api } from '@/services'
import { ListFooter } from '@/components/ListFooter'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { useListingPages } from '@/hooks/use-listing-pages'
import { Routes } from '@/utils/routes'
import emptyImage from '@/assets/empty.png'

/** 我的收藏: what the user tapped 想要 on, newest first; sold and removed ones stay, marked. */
export default function Favorites() {
  const fetchPage = useCallback((cursor: string | undefined) => api.social.favorites({ cursor, limit: 20 }), [])
  const list = useListingPages(fetchPage)
  return (
    <View style={{ paddingTop: '8px' }}>
      <Text className='muted' style={{ display: 'block', padding: '4px 12px 8px', fontSize: '12px' }}>
        点「想要」的宝贝都在这里，卖家会知道有多少人想要
      </Text>
      {list.empty ? (
        <Empty
          id='favorites-empty'
          image={emptyImage}
          title='还没有想要的宝贝'
          description='在详情页点「想要」，就能在这里找到它'
          actions={[{ text: '去逛逛', type: 'primary', onClick: () => Taro.switchTab({ url: Routes.home }) }]}
        />
      ) : (
        <ListingWaterfall
          id='favorites-list'
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
