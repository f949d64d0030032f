/**
 * Subscribe-message templates the sandbox knows, modelled on templates from WeChat's public
 * library (公共模板库) for order events. A keyword's type is its name without the trailing number
 * (`thing2` → thing) and fixes what its value may hold, as WeChat documents for subscribeMessage.send.
 */
export interface TemplateKeyword {
  name: string
  label: string
}

export interface TemplateDef {
  id: string
  title: string
  keywords: TemplateKeyword[]
}

export const SANDBOX_TEMPLATES = {
  orderPaid: {
    id: 'LQsbx-order-paid-7cI2pQ0aVw1d',
    title: '订单支付成功通知',
    keywords: [
      { name: 'character_string1', label: '订单编号' },
      { name: 'thing2', label: '商品名称' },
      { name: 'amount3', label: '支付金额' },
      { name: 'time4', label: '支付时间' },
    ],
  },
  orderShipped: {
    id: 'LQsbx-order-shipped-Jd8uXQ3kT2a',
    title: '订单发货通知',
    keywords: [
      { name: 'character_string1', label: '订单编号' },
      { name: 'thing2', label: '商品名称' },
      { name: 'thing3', label: '配送方式' },
      { name: 'character_string4', label: '运单号' },
      { name: 'time5', label: '发货时间' },
    ],
  },
  orderDelivered: {
    id: 'LQsbx-order-delivered-Pw9mR4bZc',
    title: '订单送达通知',
    keywords: [
      { name: 'character_string1', label: '订单编号' },
      { name: 'thing2', label: '商品名称' },
      { name: 'time3', label: '送达时间' },
      { name: 'thing4', label: '温馨提示' },
    ],
  },
  refund: {
    id: 'LQsbx-refund-result-Hs2nV7yLq0e',
    title: '退款结果通知',
    keywords: [
      { name: 'character_string1', label: '订单编号' },
      { name: 'amount2', label: '退款金额' },
      { name: 'thing3', label: '退款原因' },
      { name: 'phrase4', label: '退款状态' },
      { name: 'time5', label: '处理时间' },
    ],
  },
  autoReceiveReminder: {
    id: 'LQsbx-auto-receive-Ty5cK1wGm8f',
    title: '确认收货提醒',
    keywords: [
      { name: 'character_string1', label: '订单编号' },
      { name: 'thing2', label: '商品名称' },
      { name: 'time3', label: '自动确认时间' },
      { name: 'thing4', label: '温馨提示' },
    ],
  },
  chatMessage: {
    id: 'LQsbx-chat-message-Qv3nB8sLx2k',
    title: '新消息提醒',
    keywords: [
      { name: 'thing1', label: '发送人' },
      { name: 'thing2', label: '消息内容' },
      { name: 'time3', label: '发送时间' },
      { name: 'thing4', label: '相关宝贝' },
    ],
  },
  reviewReminder: {
    id: 'LQsbx-review-reminder-Rm4tE9vNq2s',
    title: '评价提醒',
    keywords: [
      { name: 'thing1', label: '商品名称' },
      { name: 'thing2', label: '交易对象' },
      { name: 'time3', label: '评价截止时间' },
      { name: 'thing4', label: '温馨提示' },
    ],
  },
} satisfies Record<string, TemplateDef>

/** Template ids by event, in the shape the adapter's config takes. */
export const SANDBOX_TEMPLATE_IDS = {
  orderPaid: SANDBOX_TEMPLATES.orderPaid.id,
  orderShipped: SANDBOX_TEMPLATES.orderShipped.id,
  orderDelivered: SANDBOX_TEMPLATES.orderDelivered.id,
  refund: SANDBOX_TEMPLATES.refund.id,
  autoReceiveReminder: SANDBOX_TEMPLATES.autoReceiveReminder.id,
  chatMessage: SANDBOX_TEMPLATES.chatMessage.id,
  reviewReminder: SANDBOX_TEMPLATES.reviewReminder.id,
}

const DATE = '\\d{4}([-/.年])\\d{1,2}([-/.月])\\d{1,2}日?'
const CLOCK = '\\d{1,2}:\\d{2}(:\\d{2})?'
const TIME = new RegExp(
  `^(${DATE}( ${CLOCK})?|${CLOCK})( ?[~至-] ?(${DATE}( ${CLOCK})?|${CLOCK}))?$`,
)
const CHINESE = /^[\u4e00-\u9fa5]+$/

/** Limits per keyword type (subscribeMessage.send 参数值内容限制). `undefined` means the value fits. */
const RULES: Record<string, (v: string) => string | undefined> = {
  thing: (v) => (len(v) > 20 ? 'exceed limit' : undefined),
  number: (v) =>
    len(v) > 32 ? 'exceed limit' : /^[-+]?\d+(\.\d+)?$/.test(v) ? undefined : 'invalid',
  letter: (v) => (len(v) > 32 ? 'exceed limit' : /^[A-Za-z]+$/.test(v) ? undefined : 'invalid'),
  symbol: (v) =>
    len(v) > 5 ? 'exceed limit' : /^[^\p{L}\p{N}\s]+$/u.test(v) ? undefined : 'invalid',
  character_string: (v) =>
    len(v) > 32 ? 'exceed limit' : /^[\x21-\x7e]+$/.test(v) ? undefined : 'invalid',
  time: (v) => (TIME.test(v) ? undefined : 'invalid'),
  date: (v) => (TIME.test(v) ? undefined : 'invalid'),
  amount: (v) => (/^[¥￥]?\d{1,10}(\.\d{1,2})?元?$/.test(v) ? undefined : 'invalid'),
  phone_number: (v) =>
    len(v) > 17 ? 'exceed limit' : /^[\d+\-() ]+$/.test(v) ? undefined : 'invalid',
  car_number: (v) => (len(v) > 8 ? 'exceed limit' : undefined),
  name: (v) =>
    CHINESE.test(v)
      ? len(v) > 10
        ? 'exceed limit'
        : undefined
      : len(v) > 20
        ? 'exceed limit'
        : undefined,
  phrase: (v) => (len(v) > 5 ? 'exceed limit' : CHINESE.test(v) ? undefined : 'invalid'),
}

/** Characters, not UTF-16 units: WeChat counts 中文 and emoji as one each. */
const len = (v: string) => [...v].length

export const keywordType = (name: string): string => name.replace(/\d+$/, '')

/** Checks one value against its keyword's type; returns WeChat's 47003 hint or undefined. */
export const checkKeyword = (name: string, value: unknown): string | undefined => {
  if (typeof value !== 'string' || value.length === 0)
    return `argument invalid! data.${name}.value is empty`
  const rule = RULES[keywordType(name)]
  const problem = rule ? rule(value) : undefined
  return problem ? `argument invalid! data.${name}.value ${problem}` : undefined
}
