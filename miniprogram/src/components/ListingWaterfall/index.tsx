import { View } from '@tarojs/components'
import type { ListingCard as Card } from '@shared/contracts/listing.contract'
import { ListingCard, ListingCardSkeleton } from '../ListingCard'
import './listing-waterfall.scss'

export interface ListingWaterfallProps {
  id?: string
  cards: Card[]
  now: number
  loading?: boolean
  onOpen: (card: Card) => void
}

/**
 * Two columns filled alternately: cover heights are unknown until the images load, and
 * alternating keeps the order a reader expects (newest top-left, then top-right…).
 */
export function ListingWaterfall({ id, cards, now, loading, onOpen }: ListingWaterfallProps) {
  const columns: Card[][] = [[], []]
  cards.forEach((c, i) => columns[i % 2].push(c))
  return (
    <View className='listing-waterfall' id={id}>
      {columns.map((col, ci) => (
        <View className='listing-waterfall__column' key={ci}>
          {col.map((c) => (
            <ListingCard key={c.id} card={c} now={now} onOpen={onOpen} />
          ))}
          {loading && [0, 1].map((k) => <ListingCardSkeleton key={`s${k}`} />)}
        </View>
      ))}
    </View>
  )
}
