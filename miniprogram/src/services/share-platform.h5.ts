import type { ShareCreated } from '@shared/contracts/share.contract'
import { readSession } from './session'
import { WECHAT_API_SANDBOX } from './subscribe.h5'
import type { SandboxGroup } from './share-platform-types'

export type { SandboxGroup } from './share-platform-types'

/** The browser has no WeChat share menu. */
export const applyShareMenu = async (_created: ShareCreated | null): Promise<void> => undefined

/** The browser is never "in a group chat"; the dev control 从群聊打开 plays it instead. */
export const groupEnterCloudId = async (_token: string): Promise<string | null> => null

/** The browser shares a copied link carrying the token. */
export const SHARES_BY_LINK = true

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${WECHAT_API_SANDBOX}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return res.ok ? ((await res.json()) as Record<string, unknown>) : null
}

/**
 * Copying the link stands in for sending the card: the WeChat API sandbox is told what the share
 * sheet would do with an updatable card (its first share shows 在售), so its inbox can show the
 * card following the order. Without a sandbox nothing happens.
 */
export const playCardShared = async (created: ShareCreated): Promise<void> => {
  const openid = readSession()?.openid
  if (!openid || !created.activityId || !created.templateInfo) return
  const counts = Object.fromEntries(
    created.templateInfo.parameterList.map((p) => [p.name, p.value]),
  )
  try {
    await post('/control/cards/share', { activity_id: created.activityId, openid, ...counts })
  } catch {
    // No sandbox mounted: the link still works.
  }
}

/** The sandbox's group chats (阳光花园业主群, …) for 从群聊打开. */
export const sandboxGroups = async (): Promise<SandboxGroup[]> => {
  try {
    const res = await fetch(`${WECHAT_API_SANDBOX}/control/groups`)
    if (!res.ok) return []
    const body = (await res.json()) as { groups?: SandboxGroup[] }
    return (body.groups ?? []).map((g) => ({ id: g.id, name: g.name }))
  } catch {
    return []
  }
}

/** What wx.getGroupEnterInfo would give this demo user for a card opened in that group. */
export const sandboxGroupEnter = async (groupId: string): Promise<string | null> => {
  const openid = readSession()?.openid
  if (!openid) return null
  try {
    const answer = await post('/control/group-enter', { openid, group: groupId })
    return typeof answer?.cloudID === 'string' ? answer.cloudID : null
  } catch {
    return null
  }
}
