import { api } from './api'

/** What a person can ask to be told about in WeChat (服务通知): order steps, new chat messages, review reminders. */
export type SubscribeEvent =
  | 'orderPaid'
  | 'orderShipped'
  | 'orderDelivered'
  | 'refund'
  | 'autoReceiveReminder'
  | 'chatMessage'
  | 'reviewReminder'

/** WeChat shows at most three templates in one subscribe dialog. */
export const MAX_TEMPLATES_PER_ASK = 3

let templates: Promise<Record<SubscribeEvent, string>> | null = null

/**
 * The template ids, fetched once and kept (a failed fetch is tried again next time). WeChat opens
 * its dialog only straight from a tap, so pages prefetch them and the ask waits for no network.
 */
export const messageTemplates = () =>
  (templates ??= api.order.messageTemplates().then(
    (r) => r.templates,
    (e: unknown) => {
      templates = null
      throw e
    },
  ))

/** The template ids of `events`, as many as one dialog shows. */
export const templateIdsOf = async (events: SubscribeEvent[]) => {
  const ids = await messageTemplates()
  return events.slice(0, MAX_TEMPLATES_PER_ASK).map((e) => ids[e])
}
