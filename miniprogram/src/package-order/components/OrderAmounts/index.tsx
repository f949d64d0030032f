import { Text, View } from '@tarojs/components'
import type { Order } from '@shared/contracts/order.contract'
import { formatFen } from '@shared/domain/money'
import './order-amounts.scss'
import '../../order.scss'

const Row = ({
  label,
  value,
  id,
  strong,
}: {
  label: string
  value: string
  id?: string
  strong?: boolean
}) => (
  <View className={`order-row ${strong ? 'is-strong' : ''}`} id={id}>
    <Text className='order-row__label'>{label}</Text>
    <Text className='order-row__value'>{value}</Text>
  </View>
)

/** Price, shipping and total; the seller (and operators) also see the commission and the payout. */
export function OrderAmounts({ order }: { order: Order }) {
  const m = order.money
  // Nothing reaches the seller of a closed or fully refunded order: no payout to announce.
  const seesPayout =
    order.role !== 'buyer' && order.state !== 'closed' && order.state !== 'refunded'
  return (
    <View className='order-section' id='order-amounts'>
      <Row
        label={order.offerId ? '宝贝价格（议价成交）' : '宝贝价格'}
        value={formatFen(order.priceFen)}
        id='order-price'
      />
      <Row
        label='运费'
        value={
          order.shippingFen > 0
            ? formatFen(order.shippingFen)
            : order.fulfilment === 'courier'
              ? '包邮'
              : '无'
        }
      />
      <Row
        label={order.state === 'pending_payment' ? '需付款' : '实付款'}
        value={formatFen(order.totalFen)}
        id='order-total'
        strong
      />
      {seesPayout && (
        <>
          <Row
            label='平台服务费'
            value={`-${formatFen(order.commissionFen)}`}
            id='order-commission'
          />
          <Row
            label={order.state === 'completed' ? '已到账' : '预计到账'}
            value={formatFen(order.sellerReceivesFen)}
            id='order-payout'
            strong
          />
        </>
      )}
      <View className='order-money' id='order-money'>
        {m.inEscrowFen > 0 && (
          <Text className='order-money__item is-escrow'>担保中 {formatFen(m.inEscrowFen)}</Text>
        )}
        {m.releasedFen > 0 && (
          <Text className='order-money__item'>已结算 {formatFen(m.releasedFen)}</Text>
        )}
        {m.refundedFen > 0 && (
          <Text className='order-money__item'>已退回买家 {formatFen(m.refundedFen)}</Text>
        )}
        {m.compensatedFen > 0 && (
          <Text className='order-money__item'>平台赔付 {formatFen(m.compensatedFen)}</Text>
        )}
        {m.settling && <Text className='order-money__item is-settling'>微信支付处理中…</Text>}
      </View>
      {m.inEscrowFen > 0 && (
        <Text className='order-note muted'>钱款由微信支付担保，确认收货后才到卖家账户</Text>
      )}
    </View>
  )
}
