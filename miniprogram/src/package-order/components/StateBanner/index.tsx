import { Text, View } from '@tarojs/components'
import type { Order } from '@shared/contracts/order.contract'
import { deadlineText, stateLabel, stateSentence } from '../../order-text'
import { useNow } from '@/hooks/use-now'
import './state-banner.scss'

/** The head of the order page: the state, what it means for the viewer, and the running timer. */
export function StateBanner({ order }: { order: Order }) {
  const paying = order.deadline?.transition === 'expire'
  // Seconds matter only in the payment window; elsewhere a minute tick is plenty.
  const now = useNow(paying ? 1000 : 60_000, order.deadline !== null)
  const deadline = deadlineText(order, now)
  return (
    <View
      className={`state-banner state-${order.state}`}
      id='order-banner'
      data-state={order.state}
    >
      <Text className='state-banner__title' id='order-state'>
        {stateLabel(order.state, order.fulfilment)}
      </Text>
      <Text className='state-banner__sentence'>{stateSentence(order)}</Text>
      {deadline && (
        <Text className='state-banner__deadline' id='order-deadline'>
          {deadline}
        </Text>
      )}
    </View>
  )
}
