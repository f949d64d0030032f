import type { SubscribeEvent } from './subscribe-events'

export type { SubscribeEvent } from './subscribe-events'
export { messageTemplates } from './subscribe-events'

// Fallback for tools that do not resolve platform files; see subscribe.weapp.ts and subscribe.h5.ts.
export const askMessages = async (_events: SubscribeEvent[]): Promise<void> => undefined

/** WeChat shows its own 服务通知: no dev inbox outside the H5 build. */
export const devInboxUrl = (): string | null => null
