import type { OrderMessageEvent } from './subscribe-events'

export type { OrderMessageEvent } from './subscribe-events'

// Fallback for tools that do not resolve platform files; see subscribe.weapp.ts and subscribe.h5.ts.
export const askOrderMessages = async (_events: OrderMessageEvent[]): Promise<void> => undefined

/** WeChat shows its own 服务通知: no dev inbox outside the H5 build. */
export const devInboxUrl = (): string | null => null
