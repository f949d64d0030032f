import { Image, Text, View } from '@tarojs/components'
import type { OrderCard } from '@shared/contracts/order.contract'
import { formatFen } from '@shared/domain/money'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { ACTION_SPECS, type OrderAction } from '../../actions'
import { CARD_ACTION_LABELS, mainAction, stateLabel } from '../../order-text'
import './order-card-item.scss'

export interface OrderCardItemProps {
  card: OrderCard
  now: number
  onOpen: (card: OrderCard) => void
}

/** One order in a list: counterpart, state, item, total, and the one button that moves it on. */
export function OrderCardItem({ card, now, onOpen }: OrderCardItemProps) {
  const main = mainAction(card) as OrderAction | null
  // The server's counterpart is the buyer for a seller, and the seller for a buyer or an operator.
  const who = card.role === 'seller' ? '买家' : '卖家'
  return (
    <View
      className='order-card'
      data-id={card.id}
      data-state={card.state}
      onClick={() => onOpen(card)}
    >
      <View className='order-card__head'>
        <Text className='order-card__who'>
          {who} {card.counterpart.nickname}
        </Text>
        <Text className={`order-card__state state-${card.state}`}>
          {stateLabel(card.state, card.fulfilment)}
        </Text>
      </View>
      <View className='order-card__body'>
        {card.coverUrl ? (
          <Image className='order-card__cover' src={card.coverUrl} mode='aspectFill' />
        ) : (
          <View className='order-card__cover' />
        )}
        <View className='order-card__text'>
          <Text className='order-card__title'>{card.title}</Text>
          <Text className='muted order-card__time'>
            {formatRelativeTime(card.createdAt, now)}下单
          </Text>
        </View>
      </View>
      <View className='order-card__foot'>
        <Text className='order-card__total'>
          {card.state === 'pending_payment' || card.state === 'closed' ? '合计' : '实付'}{' '}
          <Text className='order-card__amount'>{formatFen(card.totalFen)}</Text>
        </Text>
        {/* The card opens the order page, where the action asks what it needs. */}
        {main && (
          <Text className={`order-card__action action-${main}`}>
            {CARD_ACTION_LABELS[main] ?? ACTION_SPECS[main].label}
          </Text>
        )}
      </View>
    </View>
  )
}
