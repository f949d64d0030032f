import { useCallback, useEffect, useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionSheet, Button, Picker } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/ActionSheet/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Picker/style/css'
import type { ListingCard, ListingPage } from '@shared/contracts/listing.contract'
import type { RecommendBasis } from '@shared/contracts/recommend.contract'
import type { Community } from '@shared/contracts/social.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { CITIES, CITY_NAMES } from '@shared/domain/cities'
import { CATEGORIES, type CategoryId } from '@shared/domain/listing'
import { api } from '@/services'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { TabRow } from '@/components/TabRow'
import { useCity } from '@/hooks/use-city'
import { useNoticeBadge } from '@/hooks/use-notice-badge'
import { usePagedList } from '@/hooks/use-paged-list'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError } from '@/utils/feedback'
import { districtPlace, placeFromPoint } from '@/utils/place'
import { loadMyCommunities } from '@/utils/my-communities'
import { navigateOnce } from '@/utils/navigate'
import { recommendNote, recommendPage } from '@/utils/recommend-page'
import { Routes } from '@/utils/routes'
import { StorageKeys, readStored, writeStored } from '@/utils/storage'
import { askViewerPoint, rememberViewerPoint, storedViewerPoint } from '@/utils/viewer-point'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import { EmptyState } from '@/components/EmptyState'
import './index.scss'

const PAGE_SIZE = 20

type FeedTab = 'recommend' | 'nearby' | 'newest' | 'community'
const FEED_TABS: { id: FeedTab; label: string }[] = [
  { id: 'recommend', label: '推荐' },
  { id: 'nearby', label: '附近' },
  { id: 'newest', label: '最新' },
  { id: 'community', label: '圈子' },
]
const CATEGORY_CHIPS = [
  { id: 'all', label: '全部' },
  ...CATEGORIES.map((c) => ({ id: c.id, label: c.label })),
]

const NO_PAGE: ListingPage = { items: [], nextCursor: null }

/** Where 附近 measures from: nothing yet, asking the device, a point, or the user said no. */
type Where = { state: 'unknown' | 'asking' | 'refused' } | { state: 'known'; point: GeoPoint }

const districtOptions = CITIES.map((c) => ({
  text: c.name,
  value: c.name,
  children: c.districts.map((d) => ({ text: d.name, value: d.name })),
}))

export default function Home() {
  const [city, setCity] = useCity()
  const { status, user } = useSession()
  const [cityPickerOpen, setCityPickerOpen] = useState(false)
  const [districtPickerOpen, setDistrictPickerOpen] = useState(false)
  const [now, setNow] = useState(() => Date.now())
  const [tab, setTab] = useState<FeedTab>('recommend')
  const [category, setCategory] = useState<CategoryId | null>(null)
  const [where, setWhere] = useState<Where>({ state: 'unknown' })
  const [communities, setCommunities] = useState<Community[] | null>(null)
  const [basis, setBasis] = useState<RecommendBasis | null>(null)
  const [communityId, setCommunityId] = useState<string | null>(() =>
    readStored<string>(StorageKeys.feedCommunity),
  )
  useNoticeBadge()

  const community = communities?.find((c) => c.id === communityId) ?? communities?.[0] ?? null
  const nearPoint = where.state === 'known' ? where.point : null
  // 推荐 is the signed-in user's own ranking: signing in, out or as someone else ranks again.
  const rankedFor = tab === 'recommend' && status === 'signed-in' ? (user?.id ?? null) : null
  // Each first page of 推荐 is a fresh ranking on the server, counted against the caller: it
  // waits until the session says who asks (a launch starts before the silent sign-in answers),
  // so a visit ranks once, not once unknown and again signed in.
  const waitingForSession = tab === 'recommend' && (status === 'unknown' || status === 'signing-in')

  const fetchPage = useCallback(
    (cursor: string | undefined): Promise<ListingPage> => {
      const base = { cursor, limit: PAGE_SIZE, ...(category ? { category } : {}) }
      // Distances show on 推荐 and 最新 only when the user has shared a position before; the feed
      // never asks for location by itself.
      const seen = storedViewerPoint() ?? undefined
      switch (tab) {
        case 'recommend':
          // Ranked on the server from the caller's own history (popular nearby for a guest); later
          // pages continue the first page's ranking.
          return recommendPage(api.recommend.feed, { city, from: seen, ...base }).then((page) => {
            if (!cursor) setBasis(page.basis)
            return page
          })
        case 'newest':
          return api.search.query({ city, sort: 'newest', near: seen, ...base })
        case 'nearby':
          if (!nearPoint) return Promise.resolve(NO_PAGE)
          return api.search.query({ city, sort: 'distance', near: nearPoint, ...base })
        case 'community':
          if (!community) return Promise.resolve(NO_PAGE)
          return api.search.query({
            city: CITY_NAMES.includes(community.city) ? community.city : city,
            communityId: community.id,
            sort: 'newest',
            near: seen,
            ...base,
          })
      }
    },
    // rankedFor is not read here, but the server's answer for 推荐 depends on who asks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [city, tab, category, nearPoint, community, rankedFor],
  )
  const feed = usePagedList<ListingCard>(fetchPage)

  const { reload } = feed
  useEffect(() => {
    if (waitingForSession) return
    setNow(Date.now())
    void reload()
  }, [reload, waitingForSession])

  useEffect(() => {
    if (feed.status === 'error') reportError(feed.error, '加载失败，请稍后重试')
  }, [feed.status, feed.error])

  // 附近 asks for the position the first time it is opened, and only then.
  const locate = async () => {
    setWhere({ state: 'asking' })
    const point = await askViewerPoint()
    setWhere(point ? { state: 'known', point } : { state: 'refused' })
  }
  useEffect(() => {
    if (tab !== 'nearby' || where.state !== 'unknown') return
    void locate()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- locate only when switching to 附近 (where.state is read at that moment)
  }, [tab])

  useEffect(() => {
    if (tab !== 'community' || status !== 'signed-in' || communities !== null) return
    void loadMyCommunities(setCommunities, '获取圈子失败')
  }, [tab, status, communities])
  useEffect(() => {
    if (status === 'signed-out') setCommunities(null)
  }, [status])

  usePullDownRefresh(async () => {
    if (waitingForSession) return Taro.stopPullDownRefresh()
    setNow(Date.now())
    if (tab === 'community' && status === 'signed-in') setCommunities(null)
    await feed.reload('refreshing')
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (feed.status === 'idle') void feed.loadMore()
  })

  // A double tap on a card opens one detail page.
  const open = (card: ListingCard) => navigateOnce(Routes.detail(card.id))
  const chooseCommunity = (id: string) => {
    if (id === '+') return Taro.navigateTo({ url: Routes.joinCommunity() })
    setCommunityId(id)
    writeStored(StorageKeys.feedCommunity, id)
  }
  const pointPlace = useMemo(() => (nearPoint ? placeFromPoint(nearPoint) : null), [nearPoint])

  /** A state that replaces the feed: the tab cannot show listings yet, and says why. */
  const blocker = (() => {
    if (tab === 'nearby') {
      if (where.state === 'unknown' || where.state === 'asking')
        return (
          <EmptyState
            id='nearby-locating'
            title='正在获取你的位置…'
            description='只用来计算距离，不会公开'
          />
        )
      if (where.state === 'refused')
        return (
          <EmptyState
            id='nearby-refused'
            title='没有获取到你的位置'
            description='允许定位，或者选一个区域，按离它的距离查看闲置'
            actions={[
              { text: '选择区域', type: 'primary', onClick: () => setDistrictPickerOpen(true) },
              { text: '重新定位', onClick: () => void locate() },
            ]}
          />
        )
    }
    if (tab === 'community') {
      if (status !== 'signed-in')
        return (
          <EmptyState
            id='community-signed-out'
            title='登录后查看你的圈子'
            description='加入小区、学校或写字楼圈子，看看邻居在卖什么'
            action={{ text: '去登录', onClick: goLogin }}
          />
        )
      if (communities !== null && communities.length === 0)
        return (
          <EmptyState
            id='community-none'
            title='还没有加入圈子'
            description='加入附近的小区、学校或写字楼圈子，只看身边人的闲置'
            action={{
              text: '加入圈子',
              onClick: () => Taro.navigateTo({ url: Routes.joinCommunity() }),
            }}
          />
        )
    }
    return null
  })()

  const firstLoad = !feed.loaded && feed.items.length === 0
  const empty = feed.loaded && feed.status !== 'error' && feed.items.length === 0

  return (
    <View className='home'>
      <View className='home__top'>
        <View id='city-switch' className='home__city' onClick={() => setCityPickerOpen(true)}>
          <Text>{city}</Text>
          <Text className='home__city-caret'>▾</Text>
        </View>
        {/* Not an input: tapping opens the search page, where history and suggestions live. */}
        <View
          className='search-pill home__search'
          id='home-search'
          onClick={() => Taro.navigateTo({ url: Routes.search() })}
        >
          <Text className='home__search-icon'>⌕</Text>
          <Text className='home__search-text'>搜索闲置好物，如「耳机」</Text>
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
      <Picker
        title='从哪个区域算距离'
        visible={districtPickerOpen}
        options={districtOptions}
        value={[city, CITIES.find((c) => c.name === city)?.districts[0]?.name ?? '']}
        onConfirm={(_o, values) => {
          const place = districtPlace(String(values[0]), String(values[1]))
          if (!place) return
          rememberViewerPoint(place.point)
          setWhere({ state: 'known', point: place.point })
          if (place.city !== city) setCity(place.city)
        }}
        onClose={() => setDistrictPickerOpen(false)}
      />

      <View className='home__tabs'>
        <TabRow
          id='feed-tabs'
          items={FEED_TABS}
          value={tab}
          onChange={(id) => setTab(id as FeedTab)}
          idPrefix='feed-tab-'
        />
        <TabRow
          id='category-chips'
          variant='chips'
          items={CATEGORY_CHIPS}
          value={category ?? 'all'}
          onChange={(id) => setCategory(id === 'all' ? null : (id as CategoryId))}
          idPrefix='home-category-'
        />
      </View>

      {tab === 'recommend' && basis && (
        <Text className='home__note muted' id='recommend-note'>
          {recommendNote(basis, status === 'signed-in')}
        </Text>
      )}
      {tab === 'nearby' && nearPoint && (
        <View className='home__where' id='nearby-where'>
          <Text className='muted'>
            按距离从近到远 · {pointPlace ? `${pointPlace.district}附近` : '你的位置附近'}
          </Text>
          <Text
            className='home__link'
            id='nearby-change'
            onClick={() => setDistrictPickerOpen(true)}
          >
            换个区域
          </Text>
          {pointPlace && pointPlace.city !== city && (
            <Text className='home__link' onClick={() => setCity(pointPlace.city)}>
              切换到{pointPlace.city}
            </Text>
          )}
        </View>
      )}
      {tab === 'community' &&
        status === 'signed-in' &&
        communities &&
        communities.length > 0 &&
        community && (
          <View className='home__communities'>
            <TabRow
              id='community-chips'
              variant='chips'
              items={[
                ...communities.map((c) => ({ id: c.id, label: c.name })),
                { id: '+', label: '＋ 加入圈子' },
              ]}
              value={community.id}
              onChange={chooseCommunity}
              idPrefix='feed-community-'
            />
            <View className='home__where'>
              <Text className='muted'>
                {community.district} · {community.memberCount} 位成员
              </Text>
              <Text
                className='home__link'
                id='community-open'
                onClick={() => Taro.navigateTo({ url: Routes.community(community.id) })}
              >
                进入圈子 ›
              </Text>
            </View>
          </View>
        )}

      {blocker ??
        (empty ? (
          <EmptyState
            id='feed-empty'
            title={
              tab === 'nearby'
                ? '附近还没有闲置'
                : tab === 'community'
                  ? '圈子里还没有闲置'
                  : `${city}还没有${category ? '这类' : ''}闲置`
            }
            description='把用不上的东西挂出来，邻居们马上就能看到'
            action={{ text: '去发布', onClick: () => Taro.switchTab({ url: Routes.publishTab }) }}
          />
        ) : (
          <ListingWaterfall
            id='feed'
            cards={feed.items}
            now={now}
            loading={firstLoad}
            onOpen={open}
          />
        ))}

      <View className='home__footer safe-bottom' id='feed-footer'>
        {feed.status === 'loading-more' && <Text className='muted'>加载中…</Text>}
        {feed.status === 'error' && (
          <View className='home__error'>
            <Text className='muted'>加载失败</Text>
            <Button
              size='small'
              onClick={() => (feed.items.length ? feed.loadMore() : feed.reload())}
            >
              重试
            </Button>
          </View>
        )}
        {!blocker &&
          feed.status === 'idle' &&
          feed.loaded &&
          !feed.hasMore &&
          feed.items.length > 0 && (
            <Text className='muted' id='feed-end'>
              没有更多了
            </Text>
          )}
      </View>
      <PrivacyConsent />
    </View>
  )
}
