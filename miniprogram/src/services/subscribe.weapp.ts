import Taro from '@tarojs/taro'
import { templateIdsOf, type SubscribeEvent } from './subscribe-events'

export type { SubscribeEvent } from './subscribe-events'
export { messageTemplates } from './subscribe-events'

/**
 * Asks (inside a tap, as WeChat requires) to send these messages once each. A refusal or a
 * failure never blocks what the tap was for: the message is simply not sent (43101 on our side).
 */
export const askMessages = async (events: SubscribeEvent[]): Promise<void> => {
  try {
    await Taro.requestSubscribeMessage({ tmplIds: await templateIdsOf(events) } as never)
  } catch {
    // The user said no, or the dialog could not open: carry on without messages.
  }
}

/** WeChat shows its own 服务通知: no dev inbox outside the H5 build. */
export const devInboxUrl = (): string | null => null
