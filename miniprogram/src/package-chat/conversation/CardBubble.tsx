import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { LISTING_STATUS_LABELS } from '@shared/domain/listing'
import { formatFen } from '@shared/domain/money'
import { Routes } from '@/utils/routes'
import type { ThreadRow } from '../chat-thread'

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
      <View
        className='card-bubble'
        data-listing={l?.id ?? ''}
        onClick={() => l && Taro.navigateTo({ url: Routes.detail(l.id) })}
      >
        {l?.thumbnailUrl ? (
          <Image className='card-bubble__thumb' src={l.thumbnailUrl} mode='aspectFill' />
        ) : (
          <View className='card-bubble__thumb' />
        )}
        <View className='card-bubble__body'>
          <Text className='card-bubble__title'>{l?.title ?? row.title}</Text>
          {l ? (
            <View className='card-bubble__row'>
              <Text className='card-bubble__price'>{formatFen(l.priceFen)}</Text>
              {l.status !== 'active' && (
                <Text className='card-bubble__status'>{LISTING_STATUS_LABELS[l.status]}</Text>
              )}
            </View>
          ) : (
            <Text className='muted'>宝贝已不存在</Text>
          )}
        </View>
      </View>
      {row.read && <Text className='msg__read'>已读</Text>}
    </View>
  )
}
