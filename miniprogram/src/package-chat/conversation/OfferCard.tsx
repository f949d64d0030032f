import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { Offer } from '@shared/contracts/offer.contract'
import { formatFen } from '@shared/domain/money'
import { navigateOnce } from '@/utils/navigate'
import { Routes } from '@/utils/routes'
import type { ThreadRow } from '../chat-thread'
import { OFFER_ACTION_LABELS, offerButtons, offerStateText, type OfferButton } from '../offer-text'

type OfferRow = Extract<ThreadRow, { type: 'offer' }>

/**
 * One offer move in the thread, on its party's side. The offer's latest line is its card: the
 * state as the viewer reads it and the viewer's buttons (接受 / 还价 / 拒绝 / 撤回), and for the
 * buyer of an accepted offer, checkout at the agreed price.
 */
export function OfferCard({
  row,
  offer,
  busy,
  onMove,
}: {
  row: OfferRow
  /** The pair's current offer: shown on this card only when it is this card's and the line is live. */
  offer: Offer | null
  busy: boolean
  onMove: (move: OfferButton) => void
}) {
  const live = row.live && offer?.id === row.offerId ? offer : null
  const buttons = live ? offerButtons(live) : []
  const buyNow = live?.state === 'accepted' && live.role === 'buyer'
  return (
    <View
      id={`msg-${row.seq}`}
      className={`msg ${row.mine ? 'is-mine' : 'is-theirs'}`}
      data-seq={row.seq}
    >
      <View
        className={`offer-card ${live ? 'is-live' : ''}`}
        data-offer={row.offerId}
        data-state={live?.state ?? ''}
      >
        <Text className='offer-card__tag'>议价</Text>
        <Text className='offer-card__text'>{row.text}</Text>
        {live && <Text className='offer-card__state'>{offerStateText(live)}</Text>}
        {(buttons.length > 0 || buyNow) && (
          <View className='offer-card__actions'>
            {buttons.map((b) => (
              <Button
                key={b}
                className={`offer-card__${b}`}
                size='small'
                type={b === 'accept' ? 'primary' : 'default'}
                fill={b === 'accept' ? 'solid' : 'outline'}
                disabled={busy}
                onClick={() => onMove(b)}
              >
                {OFFER_ACTION_LABELS[b]}
              </Button>
            ))}
            {buyNow && (
              <Button
                className='offer-card__buy'
                size='small'
                type='primary'
                onClick={() => navigateOnce(Routes.checkout(live.listingId, live.id))}
              >
                按 {formatFen(live.priceFen)} 购买
              </Button>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
