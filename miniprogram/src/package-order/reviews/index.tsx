import { useCallback, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import {
  REVIEW_BOXES,
  type PendingReview,
  type Review,
  type ReviewBox,
} from '@shared/contracts/review.contract'
import { api } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { ListFooter } from '@/components/ListFooter'
import { ReviewItem } from '@/components/ReviewItem'
import { TabRow } from '@/components/TabRow'
import { useSignedInList } from '@/hooks/use-signed-in-list'
import { Routes } from '@/utils/routes'
import { durationText } from '../order-text'
import '../order.scss'
import './index.scss'

const LABELS: Record<ReviewBox, string> = {
  pending: '待评价',
  given: '我评价的',
  received: '收到的评价',
}
const EMPTY: Record<ReviewBox, string> = {
  pending: '没有待评价的订单',
  given: '还没有评价过',
  received: '还没有收到评价',
}

/** One row of a box: an order to rate, or a review. */
type Row = { id: string; pending?: PendingReview; review?: Review }

/** A 待评价 card: what was traded, with whom, how long is left, and the way to the form. */
function PendingCard({ p, now }: { p: PendingReview; now: number }) {
  const open = () => Taro.navigateTo({ url: Routes.reviewForm(p.orderId) })
  return (
    <View className='pending-review' id={`pending-${p.orderId}`}>
      <View
        className='pending-review__row'
        onClick={() => Taro.navigateTo({ url: Routes.order(p.orderId) })}
      >
        {p.item.coverUrl ? (
          <Image className='pending-review__cover' src={p.item.coverUrl} mode='aspectFill' />
        ) : (
          <View className='pending-review__cover' />
        )}
        <View className='pending-review__body'>
          <Text className='pending-review__title'>{p.item.title}</Text>
          <Text className='pending-review__who muted'>
            {p.role === 'buyer' ? '卖家' : '买家'} {p.counterpart.nickname}
          </Text>
          <Text className='pending-review__left'>还剩 {durationText(p.closesAt - now)}</Text>
        </View>
      </View>
      <Button
        size='small'
        type='primary'
        fill='outline'
        id={`pending-rate-${p.orderId}`}
        onClick={open}
      >
        去评价
      </Button>
    </View>
  )
}

/** 我的评价: orders waiting for the caller's review, the reviews they gave, those they received. */
export default function MyReviewsPage() {
  const { params } = useRouter()
  const [box, setBox] = useState<ReviewBox>(
    (REVIEW_BOXES as readonly string[]).includes(params.box ?? '')
      ? (params.box as ReviewBox)
      : 'pending',
  )
  const [pendingCount, setPendingCount] = useState<number | null>(null)

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const r = await api.review.mine({ box, limit: 20, ...(cursor ? { cursor } : {}) })
      setPendingCount(r.pendingCount)
      const items: Row[] =
        box === 'pending'
          ? r.pending.map((p) => ({ id: p.orderId, pending: p }))
          : r.reviews.map((v) => ({ id: v.id, review: v }))
      return { items, nextCursor: r.nextCursor }
    },
    [box],
  )
  const list = useSignedInList(fetchPage, '加载失败，请稍后重试')
  const now = Date.now()
  const tabs = REVIEW_BOXES.map((id) => ({
    id,
    label: LABELS[id],
    badge: id === 'pending' && pendingCount ? String(pendingCount) : undefined,
  }))
  const empty = list.loaded && list.items.length === 0 && list.status !== 'error'
  return (
    <View className='my-reviews order-page' id='my-reviews' data-box={box}>
      <TabRow
        items={tabs}
        value={box}
        onChange={(b) => setBox(b as ReviewBox)}
        idPrefix='reviews-tab-'
      />
      {empty ? (
        <EmptyState
          id='reviews-empty'
          title={EMPTY[box]}
          description={box === 'pending' ? '交易完成后可以在这里评价' : ''}
        />
      ) : (
        <View className={box === 'pending' ? '' : 'order-section'} id='reviews-list'>
          {list.items.map((row) =>
            row.pending ? (
              <PendingCard key={row.id} p={row.pending} now={now} />
            ) : (
              <View
                key={row.id}
                onClick={() => Taro.navigateTo({ url: Routes.order(row.review!.orderId) })}
              >
                <ReviewItem
                  review={row.review!}
                  now={now}
                  heading={box === 'given' ? 'reviewee' : 'reviewer'}
                  showItem
                />
              </View>
            ),
          )}
        </View>
      )}
      <ListFooter list={list} />
    </View>
  )
}
