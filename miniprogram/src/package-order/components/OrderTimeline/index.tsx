import { Text, View } from '@tarojs/components'
import type { Order } from '@shared/contracts/order.contract'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { transitionLabel } from '../../order-text'
import './order-timeline.scss'
import '../../order.scss'

const ACTORS = { buyer: '买家', seller: '卖家', operator: '平台', system: '系统' } as const

/** What happened to the order, newest first. */
export function OrderTimeline({ events, now }: { events: Order['events']; now: number }) {
  if (events.length === 0) return null
  const list = [...events].sort((a, b) => b.at - a.at)
  return (
    <View className='order-section' id='order-timeline'>
      <Text className='order-section__heading'>订单动态</Text>
      {list.map((e, i) => (
        <View
          key={`${e.transition}-${e.at}-${i}`}
          className={`timeline-item ${i === 0 ? 'is-latest' : ''}`}
          data-transition={e.transition}
        >
          <View className='timeline-item__dot' />
          <View className='timeline-item__body'>
            <Text className='timeline-item__label'>{transitionLabel(e.transition)}</Text>
            {e.note ? <Text className='timeline-item__note'>{e.note}</Text> : null}
            <Text className='timeline-item__time muted'>
              {formatRelativeTime(e.at, now)} · {ACTORS[e.actor]}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
