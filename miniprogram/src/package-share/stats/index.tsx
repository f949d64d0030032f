import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { z } from 'zod'
import type { ShareStatsSchema } from '@shared/contracts/share.contract'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { api } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { reportError } from '@/utils/feedback'
import '../share.scss'

type Stats = z.infer<typeof ShareStatsSchema>

/** 第 N 层: how far from the seller's own first share a share sits. */
const depthText = (depth: number) => (depth <= 1 ? '第一手分享' : `第 ${depth} 层转发`)

/**
 * 分享数据 of the seller's own listing: how it travelled. Totals, then each share (who, by
 * nickname only, how deep, views and orders it brought), then the people who passed it on most.
 */
export default function ShareStats() {
  const { params } = useRouter()
  const listingId = params.listingId ?? ''
  const [stats, setStats] = useState<Stats | null>(null)
  const [failed, setFailed] = useState(false)

  useDidShow(() => {
    api.share.stats(listingId).then(
      (s) => (setStats(s), setFailed(false)),
      (e) => {
        setFailed(true)
        reportError(e, '加载失败，请稍后重试')
      },
    )
  })

  if (failed && !stats)
    return (
      <View style={{ paddingTop: '80px' }}>
        <EmptyState title='看不到这件宝贝的分享数据' description='只有卖家本人可以查看' />
      </View>
    )
  if (!stats)
    return (
      <View style={{ padding: '16px' }}>
        <Skeleton rows={6} animated visible={false} />
      </View>
    )

  const { totals } = stats
  const now = Date.now()
  // Every signed-in viewer holds a token for the share menu (WeChat never says whether a card was
  // actually sent), so a share nobody opened is counted but not listed as someone's doing.
  const carried = stats.shares.filter((s) => s.isYou || s.views > 0 || s.orders > 0)
  const unopened = stats.shares.length - carried.length
  const sharers = stats.topSharers.filter((s) => s.views > 0 || s.orders > 0)
  const total = (id: string, n: number, label: string) => (
    <View className='share-totals__item' id={id}>
      <Text className='share-totals__n'>{n}</Text>
      <Text className='share-totals__l'>{label}</Text>
    </View>
  )
  return (
    <View className='share-page safe-bottom' id='share-stats' data-listing={listingId}>
      <View className='share-totals'>
        {total('stats-shares', totals.shares, '次分享')}
        {total('stats-views', totals.views, '人看过')}
        {total('stats-orders', totals.orders, '笔订单')}
        {total('stats-depth', totals.maxDepth, '层最远')}
      </View>

      {stats.shares.length === 0 ? (
        <EmptyState
          id='stats-empty'
          title='还没有人分享过'
          description='在宝贝页点「分享」发到微信群，或生成海报发朋友圈，这里会显示它走了多远'
        />
      ) : (
        <>
          {sharers.length > 0 && (
            <>
              <Text className='share-section'>帮你分享最多的人</Text>
              <View className='share-card' id='stats-top'>
                {sharers.map((s, i) => (
                  <View key={`${s.nickname}-${i}`} className='share-row'>
                    <View className='share-row__who'>
                      <Text className='share-row__name'>
                        {i + 1}. {s.nickname}
                      </Text>
                      <Text className='share-row__sub'>分享 {s.shares} 次</Text>
                    </View>
                    <Text className='share-row__nums'>
                      {s.views} 人看过 · {s.orders} 单
                    </Text>
                  </View>
                ))}
              </View>
            </>
          )}
          {carried.length > 0 && (
            <>
              <Text className='share-section'>每一次分享</Text>
              <View className='share-card' id='stats-shares-list'>
                {carried.map((s, i) => (
                  <View key={`${s.createdAt}-${i}`} className='share-row'>
                    <View className='share-row__who'>
                      <Text className='share-row__name'>
                        {s.isYou ? '你自己' : s.sharerNickname}
                        {s.fromGroup ? ' · 群聊' : ''}
                      </Text>
                      <Text className='share-row__sub'>
                        {depthText(s.depth)}
                        {s.reachedDepth > s.depth ? `，又传到第 ${s.reachedDepth} 层` : ''} ·{' '}
                        {formatRelativeTime(s.createdAt, now)}
                      </Text>
                    </View>
                    <Text className='share-row__nums'>
                      {s.views} 人看过 · {s.orders} 单
                    </Text>
                  </View>
                ))}
              </View>
            </>
          )}
          {unopened > 0 && (
            <Text className='share-hint' id='stats-unopened'>
              另有 {unopened} 次分享还没有人点开
            </Text>
          )}
          <Text className='share-hint'>
            浏览按登录的人计，同一人只算一次；分享人只显示昵称，且只在 TA 自己分享时出现
          </Text>
        </>
      )}
    </View>
  )
}
