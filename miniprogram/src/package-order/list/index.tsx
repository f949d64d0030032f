import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ORDER_TABS } from '@shared/contracts/order.contract'
import { api } from '@/services'
import { ListFooter } from '@/components/ListFooter'
import { TabRow } from '@/components/TabRow'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import { OrderCardItem } from '../components/OrderCardItem'
import { useSignedInList } from '@/hooks/use-signed-in-list'
import '../order.scss'

type Tab = (typeof ORDER_TABS)[number]
const TAB_LABELS: Record<Tab, string> = {
  all: '全部',
  toPay: '待付款',
  inProgress: '进行中',
  refund: '退款',
  done: '已完成',
}
const TABS = ORDER_TABS.map((id) => ({ id, label: TAB_LABELS[id] }))

export default function OrderListPage() {
  const { params } = useRouter()
  const role = params.role === 'seller' ? 'seller' : 'buyer'
  const [tab, setTab] = useState<Tab>(
    (ORDER_TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'all',
  )

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: role === 'seller' ? '我卖出的' : '我买到的' })
  }, [role])

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.order.mine({ role, tab, limit: 20, ...(cursor ? { cursor } : {}) }),
    [role, tab],
  )
  const list = useSignedInList(fetchPage)

  const now = Date.now()
  const empty = list.loaded && list.items.length === 0 && list.status !== 'error'
  return (
    <View className='order-list order-page' id={`orders-${role}`}>
      <TabRow items={TABS} value={tab} onChange={(t) => setTab(t as Tab)} idPrefix='orders-tab-' />
      {empty ? (
        <EmptyState
          id='orders-empty'
          title={role === 'seller' ? '还没有卖出的订单' : '还没有买到的宝贝'}
          description={tab === 'all' ? '' : '这个分类下还没有订单'}
          action={
            role === 'buyer'
              ? { text: '去逛逛', onClick: () => Taro.switchTab({ url: Routes.home }) }
              : null
          }
        />
      ) : (
        <View id='orders-list'>
          {list.items.map((c) => (
            <OrderCardItem
              key={c.id}
              card={c}
              now={now}
              onOpen={(x) => Taro.navigateTo({ url: Routes.order(x.id) })}
            />
          ))}
        </View>
      )}
      <ListFooter list={list} />
    </View>
  )
}
