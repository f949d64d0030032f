import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Avatar, Button, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { PublicCredit } from '@shared/contracts/credit.contract'
import type { Storefront } from '@shared/contracts/social.contract'
import { api, isServiceError } from '@/services'
import { CreditBadge } from '@/components/CreditBadge'
import { PagedListings } from '@/components/PagedListings'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { joinedText } from '@/utils/listing-text'
import { navigateOnce } from '@/utils/navigate'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import { TabRow } from '@/components/TabRow'
import { GroupBanner } from '@/components/GroupBanner'
import { GroupEnterControl } from '@/components/GroupEnterControl'
import { TrustSignals } from '@/components/TrustSignals'
import { useShareArrival } from '@/hooks/use-share-arrival'
import { useShareCard } from '@/hooks/use-share-card'
import { StoreReviews } from './reviews'
import './index.scss'

type Tab = 'listings' | 'reviews'
type ReviewSummary = { count: number; goodCount: number }

/** 好评率 as people read it: 98%, or — before the first review. */
const goodRate = (s: ReviewSummary) =>
  s.count === 0 ? '—' : `${Math.round((s.goodCount / s.count) * 100)}%`

/** A seller's page: who they are, how long they have been here, and what they are selling. */
export default function StorefrontPage() {
  const { params } = useRouter()
  const sellerId = params.id ?? ''
  const { status } = useSession()
  const [store, setStore] = useState<Storefront | null>(null)
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [tab, setTab] = useState<Tab>(params.tab === 'reviews' ? 'reviews' : 'listings')
  const [reviews, setReviews] = useState<ReviewSummary | null>(null)
  const [credit, setCredit] = useState<PublicCredit | null>(null)

  useEffect(() => {
    api.credit.forUser(sellerId).then(setCredit, () => setCredit(null))
  }, [sellerId])

  useEffect(() => {
    api.review.forUser({ userId: sellerId, role: 'seller', limit: 1 }).then(
      (r) => setReviews(r.summary),
      () => setReviews(null),
    )
  }, [sellerId])

  useEffect(() => {
    if (status === 'signing-in') return
    api.social
      .storefront(sellerId)
      .then((s) => {
        setStore(s)
        Taro.setNavigationBarTitle({ title: s.isMe ? '我的主页' : `${s.seller.nickname}的主页` })
      })
      .catch((e) => {
        if (isServiceError(e) && (e.code === 'COMMON.NOT_FOUND' || e.code === 'COMMON.VALIDATION'))
          setMissing(true)
        else reportError(e, '加载失败，请稍后重试')
      })
  }, [sellerId, status])

  const fetchPage = useCallback(
    (cursor: string | undefined) => api.listing.bySeller({ sellerId, cursor, limit: 20 }),
    [sellerId],
  )

  const arrival = useShareArrival('storefront')
  const title = store ? `${store.seller.nickname}在邻圈的闲置` : '邻圈卖家主页'
  useShareCard({
    kind: 'storefront',
    targetId: store ? sellerId : null,
    parentToken: arrival.token,
    fromGroup: arrival.group !== null,
    enabled: arrival.ready,
    plain: { title, path: Routes.storefront(sellerId) },
    titleOf: () => title,
  })

  const toggleFollow = async () => {
    if (!store || busy) return
    if (status !== 'signed-in') return goLogin()
    setBusy(true)
    try {
      const r = store.isFollowing
        ? await api.social.unfollow(sellerId)
        : await api.social.follow(sellerId)
      setStore({ ...store, isFollowing: r.following, followerCount: r.followerCount })
      toast(r.following ? '已关注，TA 的新宝贝会出现在「关注」里' : '已取消关注')
    } catch (e) {
      reportError(e, '操作失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  // 举报 this user; a visitor signs in first and lands on the form.
  const report = () => {
    if (!store) return
    const url = Routes.report({ kind: 'user', id: sellerId }, { label: store.seller.nickname })
    return status === 'signed-in' ? navigateOnce(url) : goLogin(url)
  }

  if (missing)
    return (
      <View style={{ paddingTop: '80px' }}>
        <EmptyState title='找不到这位卖家' />
      </View>
    )

  return (
    <View className='store' id='storefront'>
      <GroupBanner group={arrival.group} />
      <GroupEnterControl token={arrival.token} onEnter={arrival.openInGroup} />
      <View className='store__head'>
        {store ? (
          <>
            <View className='store__who'>
              <Avatar size='64' src={store.seller.avatarUrl ?? ''} />
              <View className='store__names'>
                <View className='store__name-line'>
                  <Text className='store__nickname' id='storefront-nickname'>
                    {store.seller.nickname}
                  </Text>
                  <CreditBadge id='storefront-credit-badge' badge={store.seller.creditBadge} />
                </View>
                <Text className='store__sub' id='storefront-joined'>
                  {[store.seller.city, joinedText(store.seller.joinedAt)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {!store.isMe && (
                  <Text className='store__report' id='storefront-report' onClick={report}>
                    举报
                  </Text>
                )}
              </View>
              {!store.isMe && (
                <Button
                  id='storefront-follow'
                  size='small'
                  type='primary'
                  fill={store.isFollowing ? 'outline' : 'solid'}
                  loading={busy}
                  onClick={toggleFollow}
                >
                  {store.isFollowing ? '已关注' : '＋ 关注'}
                </Button>
              )}
            </View>
            {!store.isMe && (
              <TrustSignals
                userId={sellerId}
                id='storefront-trust'
                refresh={arrival.group?.groupKey}
              />
            )}
            <View className='store__counts'>
              <View className='store__count' id='storefront-active'>
                <Text className='store__count-n'>{store.activeCount}</Text>
                <Text className='store__count-l'>在售</Text>
              </View>
              <View className='store__count' id='storefront-sold'>
                <Text className='store__count-n'>{store.soldCount}</Text>
                <Text className='store__count-l'>已卖出</Text>
              </View>
              <View className='store__count' id='storefront-followers'>
                <Text className='store__count-n'>{store.followerCount}</Text>
                <Text className='store__count-l'>粉丝</Text>
              </View>
              <View
                className='store__count'
                id='storefront-good-rate'
                onClick={() => setTab('reviews')}
              >
                <Text className='store__count-n'>{reviews ? goodRate(reviews) : '—'}</Text>
                <Text className='store__count-l'>好评率</Text>
              </View>
            </View>
            {credit && (
              <View
                className='store__credit'
                id='storefront-credit'
                data-tier={credit.tier.key}
                onClick={() =>
                  Taro.navigateTo({ url: Routes.credit(store.isMe ? undefined : sellerId) })
                }
              >
                <Text className='store__credit-tier'>信用{credit.tier.label}</Text>
                <Text className='store__credit-facts'>
                  {credit.summaries.map((s) => `${s.label} ${s.value}`).join(' · ')}
                </Text>
                <Text className='store__credit-go'>信用详情 ›</Text>
              </View>
            )}
          </>
        ) : (
          <Skeleton rows={2} avatar animated visible={false} />
        )}
      </View>
      <TabRow
        className='store__tabs'
        items={[
          { id: 'listings', label: '在售宝贝' },
          { id: 'reviews', label: reviews?.count ? `评价 ${reviews.count}` : '评价' },
        ]}
        value={tab}
        onChange={(t) => setTab(t as Tab)}
        idPrefix='storefront-tab-'
      />
      {tab === 'listings' ? (
        <PagedListings
          id='storefront-listings'
          fetchPage={fetchPage}
          enabled={!missing}
          emptyTitle='暂时没有在售的宝贝'
          emptyAction={null}
        />
      ) : (
        <StoreReviews sellerId={sellerId} />
      )}
    </View>
  )
}
