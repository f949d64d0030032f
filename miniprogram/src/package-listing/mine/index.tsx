import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ListingCard, ListingDetail } from '@shared/contracts/listing.contract'
import { LISTING_STATUS_LABELS, type ListingStatus, serviceUnitLabel } from '@shared/domain/listing'
import { allowedActions } from '@shared/domain/listing-lifecycle'
import { api } from '@/services'
import { ListingActions } from '@/components/ListingActions'
import { PriceTag } from '@/components/PriceTag'
import { TabRow } from '@/components/TabRow'
import { cardTime } from '@/components/ListingCard'
import { usePagedList } from '@/hooks/use-paged-list'
import { reportError } from '@/utils/feedback'
import { wantText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import './index.scss'

type StatusTab = 'all' | ListingStatus
const TABS: { id: StatusTab; label: string }[] = [
  { id: 'all', label: '全部' },
  { id: 'active', label: '在售' },
  { id: 'draft', label: '草稿' },
  { id: 'removed', label: '已下架' },
  { id: 'sold', label: '已卖出' },
  { id: 'expired', label: '已过期' },
]

/** A detail answered by an action, reduced to what a card shows. */
const toCard = (d: ListingDetail): ListingCard => {
  const {
    description: _d,
    photos: _p,
    video: _v,
    trade: _t,
    service: _s,
    viewCount: _vc,
    isFavorited: _f,
    updatedAt: _u,
    version: _ver,
    isMine: _m,
    owner: _o,
    ...card
  } = d
  return card
}

export default function MyListings() {
  const [now, setNow] = useState(() => Date.now())
  const [tab, setTab] = useState<StatusTab>(() => {
    const s = Taro.getCurrentInstance().router?.params.status as StatusTab | undefined
    return TABS.some((t) => t.id === s) ? s! : 'all'
  })
  const [patched, setPatched] = useState<Record<string, ListingCard | null>>({})
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.listing.mine({ cursor, limit: 20, ...(tab === 'all' ? {} : { status: tab }) }),
    [tab],
  )
  const list = usePagedList<ListingCard>(fetchPage)

  const { reload } = list
  useEffect(() => {
    setPatched({})
    void reload()
  }, [reload])
  useEffect(() => {
    if (list.status === 'error') reportError(list.error, '加载失败，请稍后重试')
  }, [list.status, list.error])
  const shown = useRef(false)
  useDidShow(() => {
    // Back from a detail or an edit: statuses may have changed.
    if (shown.current) {
      setNow(Date.now())
      setPatched({})
      void list.reload('refreshing')
    }
    shown.current = true
  })
  usePullDownRefresh(async () => {
    setNow(Date.now())
    setPatched({})
    await list.reload('refreshing')
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (list.status === 'idle') void list.loadMore()
  })

  // After an action the card changes in place; on a status tab it leaves when it no longer fits.
  const changed = (d: ListingDetail) =>
    setPatched((p) => ({ ...p, [d.id]: tab === 'all' || d.status === tab ? toCard(d) : null }))
  const cards = list.items
    .map((c) => (c.id in patched ? patched[c.id] : c))
    .filter((c): c is ListingCard => c !== null)

  const empty = list.loaded && list.status !== 'error' && cards.length === 0
  return (
    <View className='mine safe-bottom'>
      <View className='mine__tabs'>
        <TabRow
          id='mine-tabs'
          items={TABS}
          value={tab}
          onChange={(id) => setTab(id as StatusTab)}
          idPrefix='mine-tab-'
        />
      </View>
      {empty ? (
        <EmptyState
          id='my-listings-empty'
          title={
            tab === 'all'
              ? '还没有发布过闲置'
              : `没有${TABS.find((t) => t.id === tab)!.label}的宝贝`
          }
          action={{ text: '去发布', onClick: () => Taro.navigateTo({ url: Routes.publishForm }) }}
        />
      ) : (
        <View id='my-listings' className='mine__list'>
          {cards.map((c) => (
            <View key={c.id} className='mine-item' id={`mine-${c.id}`} data-status={c.status}>
              <View
                className='mine-item__main'
                onClick={() => Taro.navigateTo({ url: Routes.detail(c.id) })}
              >
                <Image className='mine-item__cover' src={c.coverUrl} mode='aspectFill' lazyLoad />
                <View className='mine-item__body'>
                  <Text className='mine-item__title'>{c.title}</Text>
                  <PriceTag
                    fen={c.priceFen}
                    unit={c.serviceUnit ? serviceUnitLabel(c.serviceUnit) : undefined}
                  />
                  <View className='mine-item__meta'>
                    <Text className={`mine-item__status is-${c.status}`}>
                      {LISTING_STATUS_LABELS[c.status]}
                    </Text>
                    <Text>
                      {[wantText(c.favoriteCount), cardTime(c, now)].filter(Boolean).join(' · ')}
                    </Text>
                  </View>
                </View>
              </View>
              <ListingActions
                listingId={c.id}
                actions={allowedActions(c, now)}
                onChanged={changed}
                size='small'
              />
            </View>
          ))}
          {!list.loaded && <View className='mine-item mine-item--loading' />}
        </View>
      )}
      <View style={{ textAlign: 'center', padding: '12px 0 24px', fontSize: '12px' }}>
        {list.status === 'loading-more' && <Text className='muted'>加载中…</Text>}
        {list.loaded && !list.hasMore && cards.length > 0 && (
          <Text className='muted'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}
