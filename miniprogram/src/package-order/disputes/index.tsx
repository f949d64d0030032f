import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { api } from '@/services'
import { ListFooter } from '@/components/ListFooter'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import { OrderCardItem } from '../components/OrderCardItem'
import { useSignedInList } from '@/hooks/use-signed-in-list'
import '../order.scss'

const fetchPage = (cursor: string | undefined) =>
  api.order.disputes({ limit: 20, ...(cursor ? { cursor } : {}) })

/** Operators: disputed orders, oldest first; each opens the order page with the 判定 buttons. */
export default function DisputesPage() {
  const list = useSignedInList(fetchPage, '加载失败')

  const now = Date.now()
  return (
    <View className='disputes order-page' id='disputes'>
      <View style={{ padding: '12px 16px 0' }}>
        <Text className='muted' style={{ fontSize: '12px' }}>
          买卖双方对退款有争议的订单，最早的在前。判定后钱款按结果退回或打给卖家。
        </Text>
      </View>
      {list.loaded && list.items.length === 0 && list.status !== 'error' ? (
        <EmptyState id='disputes-empty' title='没有待处理的纠纷' />
      ) : (
        list.items.map((c) => (
          <OrderCardItem
            key={c.id}
            card={c}
            now={now}
            onOpen={(x) => Taro.navigateTo({ url: Routes.order(x.id) })}
          />
        ))
      )}
      <ListFooter list={list} />
    </View>
  )
}
