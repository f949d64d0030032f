import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionSheet, Button, Empty, SearchBar } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/ActionSheet/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import '@nutui/nutui-react-taro/dist/esm/SearchBar/style/css'
import type { ListingCard } from '@shared/contracts/listing.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { CITY_NAMES } from '@shared/domain/cities'
import { api } from '@/services'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { useCity } from '@/hooks/use-city'
import { usePagedList } from '@/hooks/use-paged-list'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { StorageKeys, readStored } from '@/utils/storage'
import emptyImage from '@/assets/empty.png'
import './index.scss'

const PAGE_SIZE = 20

export default function Home() {
  const [city, setCity] = useCity()
  const [cityPickerOpen, setCityPickerOpen] = useState(false)
  const [now, setNow] = useState(() => Date.now())

  const fetchPage = useCallback(
    (cursor: string | undefined) => {
      // Distance is shown only when the user has shared a position before (on the publish form);
      // the feed never asks for location by itself.
      const from = readStored<GeoPoint>(StorageKeys.viewerPoint) ?? undefined
      return api.listing.feed({ city, cursor, limit: PAGE_SIZE, from })
    },
    [city],
  )
  const feed = usePagedList<ListingCard>(fetchPage)

  useEffect(() => {
    setNow(Date.now())
    void feed.reload()
  }, [feed.reload])

  useEffect(() => {
    if (feed.status === 'error') reportError(feed.error, '加载失败，请稍后重试')
  }, [feed.status, feed.error])

  usePullDownRefresh(async () => {
    setNow(Date.now())
    await feed.reload('refreshing')
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (feed.status === 'idle') void feed.loadMore()
  })

  const open = (card: ListingCard) => Taro.navigateTo({ url: Routes.detail(card.id) })
  const firstLoad = !feed.loaded && feed.items.length === 0
  const empty = feed.loaded && feed.status !== 'error' && feed.items.length === 0

  return (
    <View className='home'>
      <View className='home__top'>
        <View id='city-switch' className='home__city' onClick={() => setCityPickerOpen(true)}>
          <Text>{city}</Text>
          <Text className='home__city-caret'>▾</Text>
        </View>
        <View className='home__search' onClick={() => toast('搜索即将上线')}>
          <SearchBar placeholder='搜索闲置好物' disabled shape='round' />
        </View>
      </View>

      <ActionSheet
        visible={cityPickerOpen}
        title='切换城市'
        options={CITY_NAMES.map((name) => ({ name, className: `city-option city-${name}` }))}
        cancelText='取消'
        onSelect={(item) => {
          setCity(String(item.name))
          setCityPickerOpen(false)
        }}
        onCancel={() => setCityPickerOpen(false)}
      />

      <View className='home__section-title'>
        <Text>同城闲置</Text>
        <Text className='muted home__section-sub'>最新发布</Text>
      </View>

      {empty ? (
        <Empty
          id='feed-empty'
          image={emptyImage}
          title={`${city}还没有闲置`}
          description='把用不上的东西挂出来，邻居们马上就能看到'
          actions={[{ text: '去发布', type: 'primary', onClick: () => Taro.switchTab({ url: Routes.publishTab }) }]}
        />
      ) : (
        <ListingWaterfall id='feed' cards={feed.items} now={now} loading={firstLoad} onOpen={open} />
      )}

      <View className='home__footer safe-bottom' id='feed-footer'>
        {feed.status === 'loading-more' && <Text className='muted'>加载中…</Text>}
        {feed.status === 'error' && (
          <View className='home__error'>
            <Text className='muted'>加载失败</Text>
            <Button size='small' onClick={() => (feed.items.length ? feed.loadMore() : feed.reload())}>
              重试
            </Button>
          </View>
        )}
        {feed.status === 'idle' && feed.loaded && !feed.hasMore && feed.items.length > 0 && (
          <Text className='muted' id='feed-end'>
            没有更多了
          </Text>
        )}
      </View>
    </View>
  )
}
