import { Image, Text, View } from '@tarojs/components'
import { CONTEST_REASONS, REFUND_TYPES, type Order } from '@shared/contracts/order.contract'
import { formatFen } from '@shared/domain/money'
import { FULFILMENT_LABELS, dateTimeText, maskPhone } from '../order-text'
import '../order.scss'

type Tracking = NonNullable<NonNullable<Order['shipment']>['tracking']>
type Pickup = NonNullable<Order['pickup']>

/** A booked courier: company, window, where it stands, and who is coming once assigned. */
function PickupCard({ pickup, id }: { pickup: Pickup; id: string }) {
  const { slot } = pickup
  return (
    <View className={`order-pickup is-${pickup.state}`} id={id} data-state={pickup.state}>
      <View className='order-pickup__head'>
        <Text className='order-pickup__title'>上门取件 · {pickup.company}</Text>
        <Text className='order-pickup__state'>{pickup.stateLabel}</Text>
      </View>
      <Text className='order-pickup__line'>
        {slot.day}（{slot.date.slice(5)}）{slot.start}–{slot.end} · {pickup.from}
      </Text>
      {pickup.courierName && (
        <Text className='order-pickup__line'>
          快递员 {pickup.courierName} {pickup.courierMobile ?? ''}
        </Text>
      )}
      {(pickup.freightFen ?? pickup.quoteFen) !== null && (
        <Text className='order-pickup__line muted'>
          {pickup.freightFen !== null
            ? `运费 ${formatFen(pickup.freightFen)}`
            : `预计运费 ${formatFen(pickup.quoteFen!)}`}
          ，上门时付给快递员
        </Text>
      )}
      {pickup.failure && (
        <Text className='order-pickup__line order-pickup__failure'>原因：{pickup.failure}</Text>
      )}
    </View>
  )
}

/** The courier's events, newest first, as both parties follow the parcel. */
function TrackingTimeline({ tracking, id }: { tracking: Tracking; id: string }) {
  return (
    <View className='order-tracking' id={id} data-state={tracking.state}>
      <Text className='order-tracking__state'>{tracking.stateLabel}</Text>
      {tracking.events.map((e, i) => (
        <View
          key={`${e.at}-${i}`}
          className={`order-tracking__event ${i === 0 ? 'is-latest' : ''}`}
        >
          <Text className='order-tracking__context'>{e.context}</Text>
          <Text className='order-tracking__time muted'>{dateTimeText(e.at)}</Text>
        </View>
      ))}
    </View>
  )
}

/** The address and waybill of a courier order, or how a meetup / service happens. */
export function FulfilmentBlock({ order }: { order: Order }) {
  const a = order.address
  const s = order.shipment
  return (
    <View className='order-section' id='order-fulfilment'>
      <Text className='order-section__heading'>{FULFILMENT_LABELS[order.fulfilment]}</Text>
      {a && (
        <View className='order-address' id='order-address'>
          <Text className='order-address__who'>
            {a.name} {order.role === 'operator' ? maskPhone(a.phone) : a.phone}
          </Text>
          <Text className='order-address__where'>
            {a.region} {a.detail}
          </Text>
        </View>
      )}
      {order.pickup && (order.pickup.state !== 'picked-up' || order.role === 'seller') && (
        <PickupCard pickup={order.pickup} id='order-pickup' />
      )}
      {s && (
        <Text className='order-shipment' id='order-shipment'>
          {s.company} · 运单号 {s.waybillNo}
        </Text>
      )}
      {s?.tracking && <TrackingTimeline tracking={s.tracking} id='order-tracking' />}
      {order.fulfilment === 'meetup' && (
        <Text className='muted order-tip'>
          在聊天里约好时间地点，当面验货；买家满意后出示交易码，卖家输入即完成交易。
        </Text>
      )}
      {order.fulfilment === 'service' && (
        <Text className='muted order-tip'>
          按约定时间提供服务，完成后卖家点「服务已完成」，买家确认后结算。
        </Text>
      )}
    </View>
  )
}

/** What the buyer asked for and how the seller answered; the return waybill when there is one. */
export function RefundBlock({ order }: { order: Order }) {
  const r = order.refund
  if (!r) return null
  return (
    <View className='order-section order-refund' id='order-refund'>
      <Text className='order-section__heading'>
        退款申请 · {REFUND_TYPES.find((t) => t.id === r.type)?.label}
      </Text>
      <Text className='order-refund__reason'>原因：{r.reason}</Text>
      {r.sellerNote && <Text className='order-refund__reason'>卖家说明：{r.sellerNote}</Text>}
      {r.returnAddress && (
        <View className='order-address' id='order-return-address'>
          <Text className='order-refund__reason'>退货地址</Text>
          <Text className='order-address__who'>
            {r.returnAddress.name} {r.returnAddress.phone}
          </Text>
          <Text className='order-address__where'>
            {r.returnAddress.region} {r.returnAddress.detail}
          </Text>
        </View>
      )}
      {order.state === 'returning' && !r.returnAddress && (
        <Text className='muted order-tip'>
          卖家没有留下退货地址，请在聊天里向卖家要地址后寄回并填写单号。
        </Text>
      )}
      {r.returnPickup && (r.returnPickup.state !== 'picked-up' || order.role === 'buyer') && (
        <PickupCard pickup={r.returnPickup} id='order-return-pickup' />
      )}
      {r.returnShipment && (
        <Text className='order-shipment' id='order-return-shipment'>
          退货 {r.returnShipment.company} · 运单号 {r.returnShipment.waybillNo}
        </Text>
      )}
      {r.returnShipment?.tracking && (
        <TrackingTimeline tracking={r.returnShipment.tracking} id='order-return-tracking' />
      )}
      {r.contest && (
        <View className='order-contest' id='order-contest'>
          <Text className='order-section__heading'>
            卖家异议 · {CONTEST_REASONS.find((c) => c.id === r.contest!.reason)?.label}
          </Text>
          <Text className='order-refund__reason'>{r.contest.note}</Text>
          {r.contest.photoUrls.length > 0 && (
            <View className='order-contest__photos'>
              {r.contest.photoUrls.map((url) => (
                <Image key={url} className='order-contest__photo' src={url} mode='aspectFill' />
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  )
}
