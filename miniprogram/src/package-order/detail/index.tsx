import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { Order } from '@shared/contracts/order.contract'
import { formatFen } from '@shared/domain/money'
import { DAY } from '@shared/domain/time'
import { api, isServiceError } from '@/services'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import { HandoverCode } from '../components/HandoverCode'
import { OrderActionBar } from '../components/OrderActionBar'
import { OrderAmounts } from '../components/OrderAmounts'
import { OrderTimeline } from '../components/OrderTimeline'
import { StateBanner } from '../components/StateBanner'
import { dateTimeText } from '../order-text'
import { FulfilmentBlock, RefundBlock } from './blocks'
import { ReviewBlock } from './review-block'
import { DisputeBlock } from './dispute-block'
import '../order.scss'
import './index.scss'

export default function OrderDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  // The sandbox cashier (H5) comes back with pay_result=success|cancel.
  const payResult = params.pay_result ?? null
  const { status } = useSession()
  const [order, setOrder] = useState<Order | null>(null)
  const [failed, setFailed] = useState<'missing' | 'error' | null>(null)
  const shown = useRef(false)
  const synced = useRef(false)

  const load = async () => {
    try {
      // Back from paying: ask WeChat Pay now instead of waiting for its notification.
      const sync = payResult !== null && !synced.current
      synced.current = true
      const o = sync ? await api.order.syncPayment(id) : await api.order.get(id)
      setOrder(o)
      setFailed(null)
      if (sync && payResult === 'success')
        toast(
          o.state === 'pending_payment' ? '支付结果确认中，请稍后刷新' : '支付成功',
          o.state === 'pending_payment' ? 'none' : 'success',
        )
      if (sync && payResult === 'cancel') toast('已取消支付')
    } catch (e) {
      if (
        isServiceError(e) &&
        (e.code === 'COMMON.NOT_FOUND' ||
          e.code === 'COMMON.FORBIDDEN' ||
          e.code === 'COMMON.VALIDATION')
      )
        setFailed('missing')
      else {
        setFailed('error')
        reportError(e, '加载失败，请稍后重试')
      }
    }
  }

  useEffect(() => {
    if (status === 'signed-out') goLogin()
    if (status === 'signed-in') void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load when the order id or the sign-in status changes
  }, [id, status])
  useDidShow(() => {
    if (shown.current && status === 'signed-in') void load()
    shown.current = true
  })
  // When a timer is due (payment window, auto-confirm…), look again shortly after it has fired.
  const due = order?.deadline?.at ?? null
  useEffect(() => {
    if (due === null) return
    const wait = due - Date.now() + 3000
    if (wait > DAY) return
    const t = setTimeout(() => void load(), Math.max(wait, 3000))
    return () => clearTimeout(t)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer per deadline: re-armed when the deadline moves
  }, [due])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (failed === 'missing')
    return (
      <View id='order-missing' style={{ paddingTop: '80px' }}>
        <EmptyState title='找不到这个订单' description='订单不存在，或不是你的订单' />
      </View>
    )
  if (!order && failed === 'error')
    return (
      <View id='order-failed' style={{ paddingTop: '80px' }}>
        <EmptyState title='加载失败' action={{ text: '重新加载', onClick: () => void load() }} />
      </View>
    )
  if (!order)
    return (
      <View className='order-detail'>
        <Skeleton rows={6} title animated visible={false} />
      </View>
    )

  const counterpart = order.role === 'buyer' ? order.seller : order.buyer
  const now = Date.now()
  return (
    <View
      className='order-detail order-page'
      id='order-detail'
      data-id={order.id}
      data-state={order.state}
    >
      <StateBanner order={order} />
      {order.handoverCode && <HandoverCode orderId={order.id} code={order.handoverCode} />}
      <FulfilmentBlock order={order} />
      <RefundBlock order={order} />
      <DisputeBlock order={order} onOrderChanged={() => void load()} />

      <View
        className='order-section order-item'
        id='order-item'
        onClick={() => Taro.navigateTo({ url: Routes.detail(order.listingId) })}
      >
        <Text className='order-item__who muted'>
          {order.role === 'operator'
            ? `买家 ${order.buyer.nickname} · 卖家 ${order.seller.nickname}`
            : `${order.role === 'buyer' ? '卖家' : '买家'} ${counterpart.nickname}`}
        </Text>
        <View className='order-item__row'>
          {order.coverUrl ? (
            <Image className='order-item__cover' src={order.coverUrl} mode='aspectFill' />
          ) : (
            <View className='order-item__cover' />
          )}
          <Text className='order-item__title'>{order.title}</Text>
          <Text className='order-item__price'>{formatFen(order.priceFen)}</Text>
        </View>
      </View>

      <ReviewBlock order={order} />
      <OrderAmounts order={order} />
      <OrderTimeline events={order.events} now={now} />
      <View className='order-section order-meta'>
        <Text className='muted'>订单编号 {order.id}</Text>
        <Text className='muted'>下单时间 {dateTimeText(order.createdAt)}</Text>
        {order.role !== 'operator' && (
          <Text
            className='order-meta__report'
            id='order-report'
            onClick={() =>
              Taro.navigateTo({
                url: Routes.report({ kind: 'order', id: order.id }, { label: order.title }),
              })
            }
          >
            对方有违规行为？举报 ›
          </Text>
        )}
      </View>
      <OrderActionBar order={order} onChanged={setOrder} />
    </View>
  )
}
