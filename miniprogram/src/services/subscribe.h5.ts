import { readSession } from './session'
import { templateIdsOf, type SubscribeEvent } from './subscribe-events'

export type { SubscribeEvent } from './subscribe-events'
export { messageTemplates } from './subscribe-events'

/** Where the local cloud mounts the WeChat API sandbox (its 服务通知 inbox is at /inbox). */
export const WECHAT_API_SANDBOX = '/sandbox/wechat-api'

/**
 * The H5 build plays WeChat's subscribe dialog by telling the WeChat API sandbox that this demo
 * user accepted (what tapping 允许 does), so the messages show up in the dev 服务通知 inbox.
 */
export const askMessages = async (events: SubscribeEvent[]): Promise<void> => {
  const openid = readSession()?.openid
  if (!openid) return
  try {
    const templateIds = await templateIdsOf(events)
    await fetch(`${WECHAT_API_SANDBOX}/control/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        openid,
        templateIds,
      }),
    })
  } catch {
    // No sandbox mounted: no messages, nothing else changes.
  }
}

/** The dev inbox of this demo user's WeChat notifications, or null when not signed in. */
export const devInboxUrl = (): string | null => {
  const openid = readSession()?.openid
  return openid ? `${WECHAT_API_SANDBOX}/inbox?openid=${encodeURIComponent(openid)}` : null
}
