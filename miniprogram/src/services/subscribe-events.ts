/** The order events a person can ask to be told about in WeChat (服务通知). */
export type OrderMessageEvent =
  'orderPaid' | 'orderShipped' | 'orderDelivered' | 'refund' | 'autoReceiveReminder'

/** WeChat shows at most three templates in one subscribe dialog. */
export const MAX_TEMPLATES_PER_ASK = 3
