import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { Order } from '@shared/contracts/order.contract'
import type { OrderReviews } from '@shared/contracts/review.contract'
import { api, askMessages } from '@/services'
import { ReviewItem } from '@/components/ReviewItem'
import { toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { dateTimeText, durationText } from '../order-text'

/** Orders that may have reviews: completed ones, and refunds a dispute decided for the buyer. */
const MAY_HAVE_REVIEWS: Order['state'][] = ['completed', 'refunded', 'compensating', 'compensated']

/** What the other party's review is doing, as the blind rule lets the caller know. */
const theirsLine = (r: OrderReviews, other: string) => {
  switch (r.theirs.status) {
    case 'due':
      return r.state === 'blind' ? `${other}还没有评价` : null
    case 'submitted':
      return `${other}已评价，你评价后或评价期结束时即可查看`
    case 'lapsed':
      return `${other}未在评价期内评价`
    default:
      return null
  }
}

/**
 * 评价 on the order page: the 评价 button while the caller's review is due (with how long is
 * left), the caller's own review (marked 仅你可见 until published), the other party's once it is
 * published, and 追评 / 回复 when they are open. Shows nothing for orders that give no review.
 */
export function ReviewBlock({ order }: { order: Order }) {
  const [reviews, setReviews] = useState<OrderReviews | null>(null)
  const applies = order.role !== 'operator' && MAY_HAVE_REVIEWS.includes(order.state)

  useEffect(() => {
    if (!applies) return setReviews(null)
    api.review.forOrder(order.id).then(setReviews, () => setReviews(null))
  }, [order, applies])

  if (!applies || !reviews) return null
  const other = reviews.role === 'buyer' ? '卖家' : '买家'
  const now = Date.now()
  const go = (mode: 'submit' | 'followUp' | 'reply') =>
    Taro.navigateTo({ url: Routes.reviewForm(order.id, mode) })
  const line = theirsLine(reviews, other)
  const remind = async () => {
    await askMessages(['reviewReminder'])
    toast('截止前一天会提醒你')
  }

  return (
    <View
      className='order-section order-reviews'
      id='order-reviews'
      data-state={reviews.state}
      data-mine={reviews.mine.status}
      data-theirs={reviews.theirs.status}
    >
      <Text className='order-section__heading'>评价</Text>
      {reviews.actions.includes('submit') && (
        <View className='order-reviews__due' id='order-review-due'>
          <Text className='order-reviews__hint'>
            交易已完成，给{other}评价吧（还剩 {durationText(reviews.closesAt - now)}，
            {dateTimeText(reviews.closesAt)} 截止）
          </Text>
          <View className='order-reviews__buttons'>
            <Button
              id='order-review-submit'
              type='primary'
              size='small'
              onClick={() => go('submit')}
            >
              评价
            </Button>
            <Text
              className='order-reviews__link'
              id='order-review-remind'
              onClick={() => void remind()}
            >
              截止前提醒我
            </Text>
          </View>
        </View>
      )}
      {reviews.mine.review && (
        <View className='order-reviews__part' id='order-review-mine'>
          <Text className='order-reviews__label muted'>我的评价</Text>
          <ReviewItem review={reviews.mine.review} now={now} heading='reviewee' />
        </View>
      )}
      {reviews.mine.status === 'lapsed' && (
        <Text className='order-reviews__hint muted'>你未在评价期内评价</Text>
      )}
      {reviews.theirs.review ? (
        <View className='order-reviews__part' id='order-review-theirs'>
          <Text className='order-reviews__label muted'>{other}的评价</Text>
          <ReviewItem review={reviews.theirs.review} now={now} />
        </View>
      ) : (
        line && (
          <Text className='order-reviews__hint muted' id='order-review-theirs-status'>
            {line}
          </Text>
        )
      )}
      {(reviews.actions.includes('followUp') || reviews.actions.includes('reply')) && (
        <View className='order-reviews__buttons'>
          {reviews.actions.includes('followUp') && (
            <Button
              id='order-review-follow-up'
              size='small'
              fill='outline'
              onClick={() => go('followUp')}
            >
              追评
            </Button>
          )}
          {reviews.actions.includes('reply') && (
            <Button id='order-review-reply' size='small' fill='outline' onClick={() => go('reply')}>
              回复{other}
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
