import { z } from 'zod'
import {
  CONTEST_REASONS,
  CONTEST_REASON_IDS,
  REFUND_TYPES,
  WaybillSchema,
  orderNote,
  type Order,
} from '@shared/contracts/order.contract'
import { COURIER_COMPANIES } from '@shared/domain/couriers'
import { MAX_PRICE_FEN, formatFen, parseYuanInput } from '@shared/domain/money'
import { codeFromScan } from './handover-qr'

/** Every button an order can offer: the transitions a person takes, plus pay and the return waybill. */
export type OrderAction =
  | 'pay'
  | 'cancelUnpaid'
  | 'cancelPaid'
  | 'ship'
  | 'handOver'
  | 'deliverService'
  | 'confirm'
  | 'requestRefund'
  | 'agreeRefund'
  | 'agreeReturn'
  | 'refuseRefund'
  | 'shipReturn'
  | 'bookPickup'
  | 'cancelPickup'
  | 'receiveReturn'
  | 'contestReturn'
  | 'resolveRefund'
  | 'resolvePartial'
  | 'resolveRelease'
  | 'compensate'

export interface FormField {
  name: string
  label: string
  placeholder?: string
  type?: 'text' | 'digit' | 'number' | 'textarea'
  /** A choice between a few options instead of free text. */
  options?: readonly { id: string; label: string }[]
  maxLength?: number
  /** Offer 扫一扫 (mini-program only); turns the scanned text into the field's value, or null. */
  fromScan?: (text: string) => string | null
  /** Quick picks under a text field: tapping one writes its id into the field. */
  picks?: readonly { id: string; label: string }[]
  /** A courier company field: suggested from the waybill number typed in the named field. */
  courierFrom?: string
}

export interface ActionSpec {
  label: string
  primary?: boolean
  /** A sheet of its own instead of `form`: 上门取件, or the return address of 同意退货. */
  sheet?: 'pickup' | 'returnAddress'
  /** A Modal before the call; the text restates the money where money moves. */
  confirm?: (o: Order) => { title: string; content: string; confirmText: string }
  /** A sheet with fields before the call; `schema` checks them with the contract's messages. */
  form?: {
    title: string
    /** A line under the title; money forms restate the amount. */
    hint?: (o: Order) => string
    fields: FormField[]
    schema: z.ZodType
    initial?: Record<string, string>
  }
  done: string
}

// The number first: the company is recognised from it, and picked or typed only when it is not.
const waybillFields: FormField[] = [
  { name: 'waybillNo', label: '运单号', placeholder: '8–30 位字母或数字', maxLength: 30 },
  {
    name: 'company',
    label: '快递公司',
    placeholder: '可不填，按运单号自动识别',
    maxLength: 20,
    picks: COURIER_COMPANIES.map((c) => ({ id: c.name, label: c.short })),
    courierFrom: 'waybillNo',
  },
]
const noteField = (label: string, placeholder: string): FormField => ({
  name: 'note',
  label,
  placeholder,
  type: 'textarea',
  maxLength: 200,
})
// The contract's own note schema, so the sheet refuses what the server would, with its messages.
const note = (tooShort: string) => orderNote(tooShort)
const yuan = (message: string) =>
  z.string().transform((s, ctx) => {
    const fen = parseYuanInput(s)
    if (fen === null || fen < 1 || fen > MAX_PRICE_FEN) {
      // Too many digits is not "missing": the field says the most it takes.
      const tooLarge = fen !== null && fen > MAX_PRICE_FEN
      ctx.addIssue({
        code: 'custom',
        message: tooLarge ? `最多 ${formatFen(MAX_PRICE_FEN)}` : message,
      })
      return z.NEVER
    }
    return fen
  })

/** Labels, confirmations and forms of the order buttons, in one table. */
export const ACTION_SPECS: Record<OrderAction, ActionSpec> = {
  pay: { label: '去支付', primary: true, done: '支付成功' },
  cancelUnpaid: {
    label: '取消订单',
    confirm: () => ({
      title: '取消订单？',
      content: '订单还没有付款，取消后宝贝将重新开放给其他买家。',
      confirmText: '取消订单',
    }),
    done: '订单已取消',
  },
  cancelPaid: {
    label: '取消订单',
    confirm: (o) => ({
      title: '取消订单并退款？',
      content: `卖家还没有发货，取消后 ${formatFen(o.totalFen)} 将原路退回你的微信，一般 1–3 天到账。`,
      confirmText: '取消并退款',
    }),
    done: '已取消，退款处理中',
  },
  ship: {
    label: '填写运单号',
    form: {
      title: '自己寄出：填写运单号',
      hint: () => '已在快递网点或柜机寄出的，填写运单号即可跟踪物流',
      fields: waybillFields,
      schema: WaybillSchema,
    },
    done: '已发货',
  },
  bookPickup: { label: '预约上门取件', primary: true, sheet: 'pickup', done: '已预约上门取件' },
  cancelPickup: {
    label: '取消预约',
    confirm: () => ({
      title: '取消上门取件？',
      content: '快递员将不再上门。之后可以重新预约，或自己寄出后填写运单号。',
      confirmText: '取消预约',
    }),
    done: '已取消预约',
  },
  handOver: {
    label: '输入交易码',
    primary: true,
    form: {
      title: '输入买家的交易码',
      hint: (o) =>
        o.handoverTriesLeft === null
          ? ''
          : o.handoverTriesLeft > 0
            ? `本小时还可尝试 ${o.handoverTriesLeft} 次，输错 5 次将锁定`
            : '输错次数过多，已暂时锁定，请稍后再试',
      fields: [
        {
          name: 'code',
          label: '交易码',
          placeholder: '请买家出示 6 位交易码',
          type: 'number',
          maxLength: 6,
          fromScan: codeFromScan,
        },
      ],
      schema: z.object({ code: z.string().regex(/^\d{6}$/, '交易码为 6 位数字') }),
    },
    done: '交易完成',
  },
  deliverService: {
    label: '服务已完成',
    primary: true,
    confirm: () => ({
      title: '服务已完成？',
      content: '买家确认后钱款打给你；买家 2 天内未确认将自动确认。',
      confirmText: '已完成',
    }),
    done: '已通知买家确认',
  },
  confirm: {
    label: '确认收货',
    primary: true,
    confirm: (o) => ({
      title: '确认收货？',
      content: `确认后钱款 ${formatFen(o.totalFen)} 将打给卖家，请确认已收到宝贝且没有问题。`,
      confirmText: '确认收货',
    }),
    done: '已确认收货',
  },
  requestRefund: {
    label: '申请退款',
    form: {
      title: '申请退款',
      hint: (o) => `实付 ${formatFen(o.totalFen)}，卖家同意后原路退回；退货退款需先寄回宝贝`,
      fields: [
        { name: 'type', label: '退款类型', options: REFUND_TYPES },
        { ...noteField('退款原因', '说说遇到的问题，卖家和平台都会看到'), name: 'reason' },
      ],
      schema: z.object({ type: z.enum(['refund_only', 'return']), reason: note('请说明退款原因') }),
      initial: { type: 'refund_only' },
    },
    done: '已申请退款，等待卖家处理',
  },
  agreeRefund: {
    label: '同意退款',
    primary: true,
    confirm: (o) => ({
      title: '同意退款？',
      content: `${formatFen(o.totalFen)} 将原路退回买家，交易关闭。`,
      confirmText: '同意退款',
    }),
    done: '已同意，退款处理中',
  },
  agreeReturn: { label: '同意退货', primary: true, sheet: 'returnAddress', done: '已同意退货' },
  refuseRefund: {
    label: '拒绝退款',
    form: {
      title: '拒绝退款',
      hint: (o) => `拒绝后平台客服介入判定，${formatFen(o.totalFen)} 在判定前继续由微信支付担保`,
      fields: [noteField('拒绝理由', '说明理由，平台客服将介入判定')],
      schema: z.object({ note: note('请说明拒绝理由') }),
    },
    done: '已拒绝，平台将介入处理',
  },
  shipReturn: {
    label: '填写退货单号',
    form: { title: '自己寄回：填写退货运单', fields: waybillFields, schema: WaybillSchema },
    done: '已提交退货运单',
  },
  receiveReturn: {
    label: '确认收到退货',
    primary: true,
    confirm: (o) => ({
      title: '确认收到退货？',
      content: `确认后 ${formatFen(o.totalFen)} 将退回买家。`,
      confirmText: '确认收到',
    }),
    done: '已确认，退款处理中',
  },
  contestReturn: {
    label: '退货有异议',
    form: {
      title: '对退货提出异议',
      hint: () => '提交后自动退款暂停，平台客服将根据双方凭证判定。请写清楚情况，如实描述。',
      fields: [
        { name: 'reason', label: '异议原因', options: CONTEST_REASONS },
        noteField('情况说明', '例如：签收的是空盒子 / 寄回的不是我卖出的那件'),
      ],
      schema: z.object({
        reason: z.enum(CONTEST_REASON_IDS, { error: '请选择异议原因' }),
        note: orderNote('请写明情况（至少 4 个字）', 4),
      }),
    },
    done: '已提交，平台客服将介入处理',
  },
  resolveRefund: {
    label: '判定全额退款',
    form: {
      title: '判定全额退款',
      hint: (o) => `${formatFen(o.totalFen)} 将全额退回买家`,
      fields: [noteField('处理理由', '双方都会看到')],
      schema: z.object({ note: note('请写明处理理由') }),
    },
    done: '已判定全额退款',
  },
  resolvePartial: {
    label: '判定部分退款',
    form: {
      title: '判定部分退款',
      hint: (o) => `实付 ${formatFen(o.totalFen)}：填写退给买家的金额，其余打给卖家`,
      fields: [
        { name: 'refund', label: '退给买家（元）', type: 'digit', placeholder: '其余打给卖家' },
        noteField('处理理由', '双方都会看到'),
      ],
      schema: z.object({ refund: yuan('请填写退款金额'), note: note('请写明处理理由') }),
    },
    done: '已判定部分退款',
  },
  resolveRelease: {
    label: '判定打款给卖家',
    primary: true,
    form: {
      title: '判定打款给卖家',
      hint: (o) =>
        `${formatFen(o.totalFen)} 将结算给卖家（扣除平台服务费 ${formatFen(o.commissionFen)}）`,
      fields: [noteField('处理理由', '双方都会看到')],
      schema: z.object({ note: note('请写明处理理由') }),
    },
    done: '已判定打款给卖家',
  },
  compensate: {
    label: '先行赔付',
    form: {
      title: '平台先行赔付',
      hint: (o) =>
        `由平台保障金赔付买家，最多 ${formatFen(o.compensationCapFen ?? o.totalFen)}（实付减去已退款）；同时记录对卖家的追偿`,
      fields: [
        {
          name: 'amount',
          label: '赔付金额（元）',
          type: 'digit',
          placeholder: '不超过实付减去已退款',
        },
        noteField('赔付理由', '将记录对卖家的追偿'),
      ],
      schema: z.object({ amount: yuan('请填写赔付金额'), note: note('请写明赔付理由') }),
    },
    done: '已发起先行赔付，到账后通知买家',
  },
}

/** Left to right in the action bar: the quiet ones first, the one that moves things on last. */
const ORDER: OrderAction[] = [
  'cancelUnpaid',
  'cancelPaid',
  'requestRefund',
  'refuseRefund',
  'compensate',
  'resolveRefund',
  'resolvePartial',
  'resolveRelease',
  'agreeReturn',
  'agreeRefund',
  'cancelPickup',
  'ship',
  'shipReturn',
  'bookPickup',
  'handOver',
  'deliverService',
  'contestReturn',
  'receiveReturn',
  'confirm',
  'pay',
]

/** The server's actions in display order; names the UI does not know are left out. */
export const orderedActions = (actions: readonly string[]): OrderAction[] =>
  ORDER.filter((a) => actions.includes(a))
