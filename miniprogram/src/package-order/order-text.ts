import type { Order, OrderCard } from '@shared/contracts/order.contract'
import type { Fulfilment, OrderState, TransitionName } from '@shared/domain/order-process'
import { DAY, HOUR, MINUTE } from '@shared/domain/time'

/**
 * Every step of the order graph as the timeline shows it, plus the steps outside it: `checkout`
 * (the order is placed), `shipReturn` (a return is sent), and booking or calling off a courier.
 */
export const TRANSITION_LABELS: Record<
  TransitionName | 'checkout' | 'shipReturn' | 'bookPickup' | 'cancelPickup',
  string
> = {
  checkout: '提交订单',
  shipReturn: '买家已寄回退货',
  bookPickup: '已预约快递上门取件',
  cancelPickup: '取消了上门取件预约',
  pay: '买家已付款，钱款由微信支付担保',
  cancelUnpaid: '买家取消了订单',
  expire: '超时未付款，订单已关闭',
  ship: '卖家已发货',
  deliver: '快递已签收',
  deliverService: '卖家已完成服务',
  handOver: '当面交易完成',
  confirm: '买家确认收货',
  autoConfirm: '超时自动确认收货',
  complete: '钱款已结算给卖家',
  cancelPaid: '买家取消订单，全额退款',
  autoCancel: '卖家超时未发货，自动退款',
  requestRefund: '买家申请退款',
  agreeRefund: '卖家同意退款',
  agreeReturn: '卖家同意退货，等待买家寄回',
  receiveReturn: '卖家确认收到退货，退款中',
  autoReceiveReturn: '退货签收后卖家 3 天未处理，自动退款',
  contestReturn: '卖家对退货有异议，平台介入',
  returnUnconfirmed: '退货寄出 10 天仍未签收，平台介入',
  returnLapsed: '买家超时未寄回，退款关闭，钱款结算给卖家',
  refuseRefund: '卖家拒绝退款，平台介入',
  autoAgreeRefund: '卖家超时未处理，自动同意退款',
  autoAgreeReturn: '卖家超时未处理，自动同意退货',
  resolveRefund: '平台判定全额退款',
  resolvePartial: '平台判定部分退款，其余打给卖家',
  resolveRelease: '平台判定钱款打给卖家',
  settleRefund: '双方协商一致：全额退款',
  settlePartial: '双方协商一致：部分退款，其余打给卖家',
  settleReturn: '双方协商一致：退货退款，等待买家寄回',
  settleRelease: '双方协商一致：钱款打给卖家',
  juryRefund: '小法庭判定支持买家，全额退款',
  juryRelease: '小法庭判定支持卖家，钱款打给卖家',
  compensate: '平台发起先行赔付',
  compensationPaid: '先行赔付已到账',
  compensationRefused: '先行赔付未成功，等待平台重新处理',
}

export const transitionLabel = (name: string): string =>
  (TRANSITION_LABELS as Record<string, string>)[name] ?? name

const PAID_LABEL: Record<Fulfilment, string> = {
  courier: '待发货',
  meetup: '待面交',
  service: '待服务',
}

/** Short state names for cards and tabs. */
export const stateLabel = (state: OrderState, fulfilment: Fulfilment): string => {
  switch (state) {
    case 'pending_payment':
      return '待付款'
    case 'closed':
      return '已关闭'
    case 'paid':
      return PAID_LABEL[fulfilment]
    case 'shipped':
      return '待收货'
    case 'delivered':
      return fulfilment === 'service' ? '待确认服务' : '已签收'
    case 'received':
      return '交易成功'
    case 'completed':
      return '交易完成'
    case 'refund_requested':
      return '退款中'
    case 'returning':
      return '退货中'
    case 'disputed':
      return '平台处理中'
    case 'refunded':
      return '已退款'
    case 'compensating':
      return '赔付中'
    case 'compensated':
      return '已赔付'
  }
}

/** What the state means for this person, in one sentence under the banner title. */
export const stateSentence = (
  o: Pick<Order, 'state' | 'fulfilment' | 'role'> & Partial<Pick<Order, 'pickup' | 'refund'>>,
): string => {
  const buyer = o.role === 'buyer'
  const seller = o.role === 'seller'
  // A courier booked to the door says more than "please ship" (or "please send it back").
  const booked = (p: Order['pickup'] | undefined) =>
    !!p && ['booking', 'placed', 'accepted'].includes(p.state)
  if (o.state === 'paid' && booked(o.pickup))
    return seller ? '已预约快递上门取件，请按时备好包裹' : '卖家已预约快递上门取件'
  if (o.state === 'returning' && booked(o.refund?.returnPickup))
    return buyer ? '已预约快递上门取件，请备好退货包裹' : '买家已预约快递上门取件寄回'
  switch (o.state) {
    case 'pending_payment':
      return buyer ? '请尽快付款，超时订单将自动关闭' : seller ? '等待买家付款' : '等待买家付款'
    case 'closed':
      return '订单已关闭，没有产生扣款'
    case 'paid':
      if (o.fulfilment === 'meetup')
        return buyer
          ? '见面验货满意后，把交易码出示给卖家'
          : seller
            ? '见面时请买家出示交易码，输入后完成交易'
            : '等待双方面交'
      if (o.fulfilment === 'service')
        return seller ? '请按约定提供服务，完成后点「服务已完成」' : '等待卖家提供服务'
      return seller ? '买家已付款，请尽快发货' : '买家已付款，等待卖家发货'
    case 'shipped':
      return buyer ? '宝贝正在路上，收到验货后再确认收货' : '已发货，等待买家确认收货'
    case 'delivered':
      return buyer
        ? o.fulfilment === 'service'
          ? '卖家已完成服务，满意请确认'
          : '快递已签收，验货满意后请确认收货'
        : '等待买家确认'
    case 'received':
      return seller ? '交易成功，钱款正在结算到你的账户' : '交易成功，钱款正在结算给卖家'
    case 'completed':
      return seller ? '交易完成，钱款已到你的账户' : '交易完成，感谢信任'
    case 'refund_requested':
      return seller ? '买家申请退款，请尽快处理' : '已申请退款，等待卖家处理'
    case 'returning':
      if (o.refund?.returnShipment?.tracking?.state === 'delivered')
        return buyer ? '退货已签收，等待卖家验货' : '退货已签收，请验货：确认收到或对退货提出异议'
      if (o.refund?.returnShipment)
        return buyer
          ? '退货已寄出，等待卖家确认收到'
          : '买家已寄回，收到后请确认；未收到或有问题可申请平台介入'
      return buyer ? '卖家同意退货，请预约上门取件或寄回后填写运单号' : '等待买家寄回，收到后请确认'
    case 'disputed':
      if (o.refund?.contest)
        return o.role === 'operator'
          ? '卖家对退货有异议，请查看凭证后判定'
          : '卖家对退货有异议，平台客服正在处理'
      return o.role === 'operator' ? '双方对退款有争议，请判定' : '卖家拒绝了退款，平台客服正在处理'
    case 'refunded':
      return '钱款已原路退回买家微信'
    case 'compensating':
      return '平台先行赔付处理中，到账后通知'
    case 'compensated':
      return '平台已先行赔付买家'
  }
}

/** "6 天 23 小时", "3 小时 5 分钟", "12 分钟": how long is left, coarse enough to read at a glance. */
export const durationText = (ms: number): string => {
  const left = Math.max(0, ms)
  if (left >= DAY) {
    const d = Math.floor(left / DAY)
    const h = Math.floor((left % DAY) / HOUR)
    return h > 0 ? `${d} 天 ${h} 小时` : `${d} 天`
  }
  if (left >= HOUR) {
    const h = Math.floor(left / HOUR)
    const m = Math.floor((left % HOUR) / MINUTE)
    return m > 0 ? `${h} 小时 ${m} 分钟` : `${h} 小时`
  }
  return `${Math.max(1, Math.ceil(left / MINUTE))} 分钟`
}

/** "14:32": minutes and seconds, for the 15-minute payment window. */
export const clockText = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

const SHIP_VERB: Record<Fulfilment, string> = {
  courier: '发货',
  meetup: '完成面交',
  service: '提供服务',
}

/**
 * What the next timer will do and when, for this person: "还剩 14:32 支付",
 * "卖家 6 天 23 小时内未发货将自动退款", "还剩 9 天 23 小时自动确认收货". Null when no timer runs.
 */
export const deadlineText = (
  o: Pick<Order, 'deadline' | 'fulfilment' | 'role'>,
  now: number,
): string | null => {
  if (!o.deadline) return null
  const left = o.deadline.at - now
  const seller = o.role === 'seller'
  const verb = SHIP_VERB[o.fulfilment]
  switch (o.deadline.transition) {
    case 'expire':
      if (left <= 0) return '支付已超时，订单即将关闭'
      return o.role === 'buyer'
        ? `还剩 ${clockText(left)} 支付`
        : `买家 ${clockText(left)} 内未付款将自动关闭`
    case 'autoCancel':
      if (left <= 0) return `超时未${verb}，即将自动退款`
      return seller
        ? `请在 ${durationText(left)}内${verb}，超时将自动退款`
        : `卖家 ${durationText(left)}内未${verb}将自动退款`
    case 'autoConfirm':
      if (left <= 0) return '即将自动确认收货'
      return seller
        ? `${durationText(left)}后自动确认收货，钱款将打给你`
        : `还剩 ${durationText(left)}自动确认收货`
    case 'autoAgreeRefund':
    case 'autoAgreeReturn':
      if (left <= 0) return '即将自动同意买家的申请'
      return seller
        ? `请在 ${durationText(left)}内处理，超时将自动同意`
        : `卖家 ${durationText(left)}内未处理将自动同意`
    case 'autoReceiveReturn':
      if (left <= 0) return '即将自动确认收到退货并退款'
      return seller
        ? `请在 ${durationText(left)}内验货，无异议将自动退款`
        : `卖家 ${durationText(left)}内无异议将自动退款`
    case 'returnUnconfirmed':
      if (left <= 0) return '退货仍未签收，即将转平台处理'
      return `${durationText(left)}后退货仍未签收将转平台处理`
    case 'returnLapsed':
      if (left <= 0) return '超时未寄回，退款即将关闭'
      return seller
        ? `买家 ${durationText(left)}内未寄回，退款将关闭`
        : `请在 ${durationText(left)}内寄回，超时退款将关闭`
    default:
      return null
  }
}

/** What each outbox job does, as operators read the 异常任务 list. */
export const JOB_KIND_LABELS: Record<string, string> = {
  refund: '退款（微信支付）',
  release: '分账结算给卖家',
  compensate: '先行赔付',
  'track-subscribe': '订阅快递轨迹',
  'shipping-info': '上传发货信息（微信）',
  'confirm-receive': '确认收货提醒（微信）',
  message: '订阅消息（微信）',
  'pickup-place': '预约上门取件',
  'pickup-cancel': '取消上门取件',
}

/** The one button a card offers (the first that moves the order forward for this person). */
const MAIN_ACTIONS = [
  'pay',
  'bookPickup',
  'ship',
  'handOver',
  'deliverService',
  'confirm',
  'shipReturn',
  'receiveReturn',
  'agreeRefund',
  'agreeReturn',
] as const
export const mainAction = (card: Pick<OrderCard, 'actions'>): string | null =>
  MAIN_ACTIONS.find((a) => (card.actions as readonly string[]).includes(a)) ?? null

/** A card names the step, not the way of doing it (上门取件 or a waybill is chosen on the order). */
export const CARD_ACTION_LABELS: Partial<Record<string, string>> = {
  bookPickup: '去发货',
  ship: '去发货',
  shipReturn: '去寄回',
}

export const FULFILMENT_LABELS: Record<Fulfilment, string> = {
  courier: '邮寄',
  meetup: '当面交易',
  service: '服务',
}

/** "138****5678" */
export const maskPhone = (phone: string) =>
  phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone

/** "2026-11-25 07:42" in the viewer's time zone, for the order number line. */
export const dateTimeText = (at: number): string => {
  const d = new Date(at)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`
}
