import Taro from '@tarojs/taro'
import { api } from './api'
import { MAX_TEMPLATES_PER_ASK, type OrderMessageEvent } from './subscribe-events'

export type { OrderMessageEvent } from './subscribe-events'

/**
 * Asks (inside a tap, as WeChat requires) to send these order messages once each. A refusal or a
 * failure never blocks the purchase: the message is simply not sent (43101 on our side).
 */
export const askOrderMessages = async (events: OrderMessageEvent[]): Promise<void> => {
  try {
    const { templates } = await api.order.messageTemplates()
    await Taro.requestSubscribeMessage({
      tmplIds: events.slice(0, MAX_TEMPLATES_PER_ASK).map((e) => templates[e]),
    } as never)
  } catch {
    // The user said no, or the dialog could not open: carry on without messages.
  }
}

/** WeChat shows its own 服务通知: no dev inbox outside the H5 build. */
export const devInboxUrl = (): string | null => null
