import { chinaClock } from '@shared/domain/time'
import type { Deps } from '../../deps'
import { formatFen } from '@shared/domain/money'
import type { TransitionName } from '@shared/domain/order-process'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { insertNotice } from '../../inbox'
import type { OrderRecord } from '../domain/order.record'

type To = 'buyer' | 'seller'
type Note = { to: To; title: string; body: (o: OrderRecord) => string }

const item = (o: OrderRecord) => `「${o.title}」`

/** Who hears about each transition under 消息, and what they read. */
const NOTICES: Partial<Record<TransitionName, Note[]>> = {
  pay: [
    {
      to: 'seller',
      title: '买家已付款',
      body: (o) =>
        `${item(o)}买家已付款 ${formatFen(o.totalFen)}，钱款由微信支付担保，请在 7 天内发货或面交。`,
    },
  ],
  expire: [
    { to: 'buyer', title: '订单已关闭', body: (o) => `${item(o)}超过 15 分钟未付款，订单已关闭。` },
  ],
  ship: [
    {
      to: 'buyer',
      title: '卖家已发货',
      body: (o) => `${item(o)}已发货，收到后请确认收货；10 天后将自动确认。`,
    },
  ],
  deliver: [
    { to: 'buyer', title: '包裹已签收', body: (o) => `${item(o)}已签收，检查无误后请确认收货。` },
  ],
  deliverService: [
    {
      to: 'buyer',
      title: '服务已完成',
      body: (o) => `${item(o)}卖家已标记服务完成，请确认；2 天后将自动确认。`,
    },
  ],
  handOver: [
    {
      to: 'seller',
      title: '面交完成',
      body: (o) => `${item(o)}面交完成，钱款将扣除服务费后到账。`,
    },
  ],
  confirm: [
    {
      to: 'seller',
      title: '买家已确认收货',
      body: (o) => `${item(o)}买家已确认收货，钱款将扣除服务费后到账。`,
    },
  ],
  autoConfirm: [
    {
      to: 'seller',
      title: '订单已自动确认',
      body: (o) => `${item(o)}已自动确认收货，钱款将扣除服务费后到账。`,
    },
  ],
  complete: [
    {
      to: 'seller',
      title: '钱款已到账',
      body: (o) =>
        `${item(o)}的 ${formatFen(o.totalFen - o.commissionFen)} 已到你的收款账户，可在钱包提现。`,
    },
  ],
  cancelPaid: [
    {
      to: 'seller',
      title: '买家已取消订单',
      body: (o) => `${item(o)}买家在发货前取消了订单，钱款已原路退回。`,
    },
  ],
  autoCancel: [
    {
      to: 'buyer',
      title: '订单已自动取消',
      body: (o) => `${item(o)}卖家 7 天内未发货，订单已取消，${formatFen(o.totalFen)} 将原路退回。`,
    },
    {
      to: 'seller',
      title: '订单已自动取消',
      body: (o) => `${item(o)}超过 7 天未发货，订单已取消并全额退款。`,
    },
  ],
  requestRefund: [
    { to: 'seller', title: '买家申请退款', body: (o) => `${item(o)}买家申请退款，请尽快处理。` },
  ],
  agreeRefund: [
    {
      to: 'buyer',
      title: '卖家同意退款',
      body: (o) => `${item(o)}卖家已同意退款，钱款将原路退回。`,
    },
  ],
  agreeReturn: [
    {
      to: 'buyer',
      title: '卖家同意退货',
      body: (o) => `${item(o)}卖家同意退货退款，请寄回并填写运单号。`,
    },
  ],
  autoAgreeRefund: [
    {
      to: 'buyer',
      title: '退款已自动同意',
      body: (o) => `${item(o)}卖家 2 天内未处理，退款已自动同意，钱款将原路退回。`,
    },
    {
      to: 'seller',
      title: '退款已自动同意',
      body: (o) => `${item(o)}你 2 天内未处理买家的退款申请，已自动同意并退款。`,
    },
  ],
  autoAgreeReturn: [
    {
      to: 'buyer',
      title: '退货已自动同意',
      body: (o) => `${item(o)}卖家 2 天内未处理，退货已自动同意，请寄回并填写运单号。`,
    },
    {
      to: 'seller',
      title: '退货已自动同意',
      body: (o) => `${item(o)}你 2 天内未处理买家的退货申请，已自动同意退货。`,
    },
  ],
  refuseRefund: [
    {
      to: 'buyer',
      title: '卖家拒绝退款',
      body: (o) => `${item(o)}卖家拒绝了退款申请，平台客服将介入处理。`,
    },
  ],
  receiveReturn: [
    {
      to: 'buyer',
      title: '卖家已收到退货',
      body: (o) => `${item(o)}卖家已确认收到退货，钱款将原路退回。`,
    },
  ],
  returnLapsed: [
    {
      to: 'buyer',
      title: '退款已关闭',
      body: (o) => `${item(o)}超过 7 天未寄回退货，退款申请已关闭，钱款将结算给卖家。`,
    },
    {
      to: 'seller',
      title: '买家未寄回退货',
      body: (o) => `${item(o)}买家 7 天内未寄回退货，退款已关闭，钱款将扣除服务费后到账。`,
    },
  ],
  autoReceiveReturn: [
    {
      to: 'buyer',
      title: '退货已自动确认',
      body: (o) => `${item(o)}退货签收后卖家 3 天内未提出异议，钱款将原路退回。`,
    },
  ],
  contestReturn: [
    {
      to: 'buyer',
      title: '卖家对退货有异议',
      body: (o) =>
        `${item(o)}卖家表示${o.refund?.contest?.reason === 'not_received' ? '未收到退货' : '退货有问题'}，平台客服将介入处理，请保留寄件凭证。`,
    },
  ],
  returnUnconfirmed: [
    {
      to: 'buyer',
      title: '退货未签收，平台介入',
      body: (o) => `${item(o)}退货寄出 10 天仍无签收记录，平台客服将介入处理，请保留寄件凭证。`,
    },
    {
      to: 'seller',
      title: '退货未签收，平台介入',
      body: (o) => `${item(o)}买家的退货 10 天仍无签收记录，平台客服将介入处理。`,
    },
  ],
  settleRefund: [
    {
      to: 'buyer',
      title: '纠纷已协商解决',
      body: (o) => `${item(o)}双方协商一致全额退款，钱款将原路退回。`,
    },
    {
      to: 'seller',
      title: '纠纷已协商解决',
      body: (o) => `${item(o)}双方协商一致全额退款给买家。`,
    },
  ],
  settlePartial: [
    {
      to: 'buyer',
      title: '纠纷已协商解决',
      body: (o) => `${item(o)}双方协商一致部分退款，退款将原路退回。`,
    },
    {
      to: 'seller',
      title: '纠纷已协商解决',
      body: (o) => `${item(o)}双方协商一致部分退款，其余钱款将打给你。`,
    },
  ],
  settleReturn: [
    {
      to: 'buyer',
      title: '纠纷已协商解决',
      body: (o) => `${item(o)}双方协商一致退货退款，请在 7 天内寄回。`,
    },
    {
      to: 'seller',
      title: '纠纷已协商解决',
      body: (o) => `${item(o)}双方协商一致退货退款，收到退货后请确认。`,
    },
  ],
  settleRelease: [
    { to: 'buyer', title: '纠纷已协商解决', body: (o) => `${item(o)}双方协商一致，钱款打给卖家。` },
    {
      to: 'seller',
      title: '纠纷已协商解决',
      body: (o) => `${item(o)}双方协商一致，钱款将扣除服务费后到账。`,
    },
  ],
  juryRefund: [
    {
      to: 'buyer',
      title: '小法庭已判定',
      body: (o) => `${item(o)}小法庭多数评审员支持你，全额退款将原路退回。`,
    },
    {
      to: 'seller',
      title: '小法庭已判定',
      body: (o) => `${item(o)}小法庭多数评审员支持买家，全额退款给买家。`,
    },
  ],
  juryRelease: [
    {
      to: 'buyer',
      title: '小法庭已判定',
      body: (o) => `${item(o)}小法庭多数评审员支持卖家，钱款已打给卖家。`,
    },
    {
      to: 'seller',
      title: '小法庭已判定',
      body: (o) => `${item(o)}小法庭多数评审员支持你，钱款将扣除服务费后到账。`,
    },
  ],
  resolveRefund: [
    {
      to: 'buyer',
      title: '平台已处理纠纷',
      body: (o) => `${item(o)}平台判定全额退款，钱款将原路退回。`,
    },
    { to: 'seller', title: '平台已处理纠纷', body: (o) => `${item(o)}平台判定全额退款给买家。` },
  ],
  resolvePartial: [
    {
      to: 'buyer',
      title: '平台已处理纠纷',
      body: (o) => `${item(o)}平台判定部分退款，退款将原路退回。`,
    },
    {
      to: 'seller',
      title: '平台已处理纠纷',
      body: (o) => `${item(o)}平台判定部分退款，其余钱款将打给你。`,
    },
  ],
  resolveRelease: [
    {
      to: 'buyer',
      title: '平台已处理纠纷',
      body: (o) => `${item(o)}平台判定不予退款，钱款已打给卖家。`,
    },
    {
      to: 'seller',
      title: '平台已处理纠纷',
      body: (o) => `${item(o)}平台判定钱款归你，将扣除服务费后到账。`,
    },
  ],
  compensate: [
    {
      to: 'buyer',
      title: '平台先行赔付',
      body: (o) =>
        `${item(o)}平台正在为你先行赔付 ${formatFen(o.settlement?.compensationFen ?? 0)}，到账后通知你。`,
    },
  ],
  compensationPaid: [
    {
      to: 'buyer',
      title: '先行赔付已到账',
      body: (o) =>
        `${item(o)}平台先行赔付的 ${formatFen(o.settlement?.compensationFen ?? 0)} 已原路退回。`,
    },
  ],
}

/** One order notice, once: the id derives from its cause, so a repeated step writes nothing. */
const notify = async (tx: TransactionOps, id: string, order: OrderRecord, n: Note, now: number) => {
  await insertNotice(tx, {
    _id: id,
    userId: n.to === 'buyer' ? order.buyerId : order.sellerId,
    kind: 'order',
    title: n.title,
    body: n.body(order),
    listingId: order.listingId,
    orderId: order._id,
    createdAt: now,
  })
}

/** Writes the notices of a transition inside its transaction. */
export const writeOrderNotices = async (
  tx: TransactionOps,
  order: OrderRecord,
  name: TransitionName,
  now: number,
) => {
  for (const n of NOTICES[name] ?? [])
    await notify(tx, `order:${order._id}:${name}:${n.to}`, order, n, now)
}

/** The reminder a party gets before a timer acts on the order. */
const REMINDERS: Partial<Record<TransitionName, Note>> = {
  expire: {
    to: 'buyer',
    title: '订单即将关闭',
    body: (o) => `${item(o)}还有 5 分钟未付款将自动关闭。`,
  },
  autoCancel: {
    to: 'seller',
    title: '请尽快发货',
    body: (o) => `${item(o)}明天仍未发货或面交，订单将自动取消并退款。`,
  },
  autoConfirm: {
    to: 'buyer',
    title: '即将自动确认收货',
    body: (o) => `${item(o)}明天将自动确认收货，如有问题请尽快申请退款。`,
  },
  autoAgreeRefund: {
    to: 'seller',
    title: '请处理退款申请',
    body: (o) => `${item(o)}买家的退款申请明天将自动同意，请尽快处理。`,
  },
  autoAgreeReturn: {
    to: 'seller',
    title: '请处理退货申请',
    body: (o) => `${item(o)}买家的退货申请明天将自动同意，请尽快处理。`,
  },
  autoReceiveReturn: {
    to: 'seller',
    title: '请验收退货',
    body: (o) => `${item(o)}退货已签收，明天将自动退款；如未收到或有问题，请在订单里提出异议。`,
  },
  returnUnconfirmed: {
    to: 'buyer',
    title: '退货仍未签收',
    body: (o) => `${item(o)}退货寄出后仍无签收记录，明天将转平台处理，请联系快递确认。`,
  },
  returnLapsed: {
    to: 'buyer',
    title: '请尽快寄回退货',
    body: (o) => `${item(o)}明天仍未寄回，退款申请将关闭，钱款将结算给卖家。`,
  },
}

/** The reminder before the order's current deadline, once per deadline. */
export const writeReminder = async (tx: TransactionOps, order: OrderRecord, now: number) => {
  const n = order.dueTransition && REMINDERS[order.dueTransition]
  if (!n || order.dueAt === null) return
  await notify(tx, `order:${order._id}:remind:${order.dueTransition}:${order.dueAt}`, order, n, now)
}

/** Five wrong 交易码 in an hour: the buyer hears of it (someone may be guessing their code). */
export const writeHandoverLockedNotice = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  order: OrderRecord,
  reopensAt: number,
) =>
  deps.store.transaction((tx) =>
    notify(
      tx,
      `order:${order._id}:handover-locked:${reopensAt}`,
      order,
      {
        to: 'buyer',
        title: '交易码已锁定',
        body: () =>
          `${item(order)}卖家连续输错 5 次交易码，已锁定到 ${chinaClock(reopensAt)}。如非当面交易，请不要把交易码告诉任何人。`,
      },
      deps.clock.now(),
    ),
  )
