import type { ServerResponse } from 'node:http'
import { sendJson } from '../../http-utils'
import type { GroupOpenData } from './group-open-data'
import { WxApiError } from './state'
import type { UpdatableCards } from './updatable-cards'
import type { WxacodeRecord } from './wxacode'

/** The sharing side of the sandbox: updatable cards, groups and their cloudIDs, 小程序码 drawn. */
export interface ShareSandbox {
  appid: string
  cards: UpdatableCards
  groups: GroupOpenData
  /** Pages a check_path=true 小程序码 may open. */
  publishedPages: string[]
  /** The codes drawn, newest first (the last 100). */
  wxacodes: WxacodeRecord[]
  reset(): void
}

type Json = Record<string, unknown>

/**
 * Control endpoints for sharing (sandbox only; they stand in for the WeChat client and for
 * looking at WeChat's side). Answers true when the path was one of them.
 */
export const handleShareControl = async (
  s: ShareSandbox,
  method: string | undefined,
  path: string,
  url: URL,
  body: Json,
  res: ServerResponse,
): Promise<boolean> => {
  const get = method === 'GET'
  const post = method === 'POST'
  const ok = (answer: unknown) => (sendJson(res, 200, answer), true)
  try {
    if (get && path === '/control/cards') {
      const id = url.searchParams.get('activity_id')
      if (id) {
        const card = s.cards.get(id)
        return card ? ok({ card }) : (sendJson(res, 404, { error: 'no such activity_id' }), true)
      }
      const openid = url.searchParams.get('openid')
      const cards = s.cards.list()
      return ok({
        cards: openid
          ? cards.filter((c) => c.openid === openid || c.history.some((h) => h.openid === openid))
          : cards,
      })
    }
    if (post && path === '/control/cards/share') {
      if (typeof body.activity_id !== 'string' || typeof body.openid !== 'string')
        return bad(res, 'expected {activity_id, openid, member_count?, room_limit?}')
      return ok({ card: s.cards.share(body.activity_id, body.openid, body) })
    }
    if (get && path === '/control/groups') return ok({ groups: s.groups.list() })
    if (post && path === '/control/groups') return ok({ group: s.groups.addGroup(body.name) })
    if (post && path === '/control/group-enter') return ok(s.groups.enter(body.openid, body.group))
    if (get && path === '/control/wxacodes') return ok({ codes: s.wxacodes })
    return false
  } catch (e) {
    if (e instanceof WxApiError) {
      sendJson(res, e.errcode === 47501 ? 404 : 400, { errcode: e.errcode, error: e.errmsg })
      return true
    }
    if (e instanceof Error) return bad(res, e.message)
    throw e
  }
}

const bad = (res: ServerResponse, error: string) => (sendJson(res, 400, { error }), true)
