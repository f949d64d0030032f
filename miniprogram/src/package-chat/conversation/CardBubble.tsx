import { Text, View } from '@tarojs/components'
import type { ThreadRow } from '../chat-thread'
import { ListingSummary } from '../components/ListingSummary'

type CardRow = Extract<ThreadRow, { type: 'card' }>

/** A shared 宝贝 on its sender's side: photo, title, price, and the status once it is off sale. */
export function CardBubble({ row }: { row: CardRow }) {
  const l = row.card
  return (
    <View
      id={`msg-${row.seq}`}
      className={`msg ${row.mine ? 'is-mine' : 'is-theirs'}`}
      data-seq={row.seq}
    >
      {l ? (
        <ListingSummary listing={l} className='card-bubble' />
      ) : (
        <View className='card-bubble'>
          <Text className='muted'>{row.title} · 宝贝已不存在</Text>
        </View>
      )}
      {row.read && <Text className='msg__read'>已读</Text>}
    </View>
  )
}
