import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import type { ShareKind } from '@shared/domain/share'
import { api, groupEnterCloudId } from '@/services'
import { posterSceneOf, shareTokenOf, viaOfScene } from '@/utils/share-arrival'
import { Routes } from '@/utils/routes'
import { useSession } from './use-session'

/** The group circle an open was recorded in (share.open's answer). */
export interface ArrivalGroup {
  groupKey: string
  label: string | null
}

export interface ShareArrival {
  /** The token the page was opened through (`st`, or a poster's scene): the page's parentToken. */
  token: string | null
  /** A poster's scene resolves to the target: the page's id when its query had none. */
  targetId: string | null
  /** True while a poster's scene is being resolved (the page does not know its id yet). */
  resolving: boolean
  /** The group chat it was opened in, once the server recorded the viewer there. */
  group: ArrivalGroup | null
  /**
   * The open was recorded for who the viewer is now (or there was nothing to open): the page's
   * share.create waits for it, since the server takes a parent token only from someone who opened it.
   */
  ready: boolean
  /** H5 dev control 从群聊打开: open the card again as from that group's chat. */
  openInGroup: (groupCloudId: string) => Promise<ArrivalGroup | null>
}

const NO_GROUP = async () => null

/**
 * A page opened from a share: `st` in the query (a chat card or 朋友圈) or a poster's 小程序码
 * (`scene`). Records the open with share.open (with the group's cloudID when the weapp was opened
 * in a group chat), again after a guest signs in (a guest's open records nothing), and reports the
 * group circle. Unknown or forged tokens are ignored: nothing is shown to the viewer.
 */
export const useShareArrival = (kind: ShareKind): ShareArrival => {
  const { params } = useRouter()
  const { status } = useSession()
  const [token, setToken] = useState(() => shareTokenOf(params))
  const scene = posterSceneOf(params)
  const [targetId, setTargetId] = useState<string | null>(null)
  const [resolving, setResolving] = useState(!token && !!scene)
  const [group, setGroup] = useState<ArrivalGroup | null>(null)
  const via = useRef(viaOfScene(safeScene()))
  /** The cloudID is read once: WeChat answers it for this launch only. */
  const cloudId = useRef<Promise<string | null> | null>(null)
  /** Who the last open was sent as: a guest's is sent again after sign-in. */
  const sentAs = useRef<'guest' | 'user' | null>(null)
  const [openedAs, setOpenedAs] = useState<'guest' | 'user' | null>(null)
  const currentAs = status === 'signed-in' ? 'user' : 'guest'

  // A poster's scene: what it points to, counted as an open via qrcode by the server itself.
  useEffect(() => {
    if (token || !scene) return
    let live = true
    api.share
      .scene(scene)
      .then((found) => {
        if (!live) return
        if (!found || found.kind !== kind) return void Taro.switchTab({ url: Routes.home })
        // The scene call counted a signed-in viewer; the open that follows (once the session is
        // known) is then a no-op for the server, and what counts a guest who signs in.
        via.current = 'qrcode'
        setTargetId(found.targetId)
        setToken(found.token)
      })
      .catch(() => undefined)
      .finally(() => live && setResolving(false))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a page resolves its own scene once
  }, [])

  const send = useCallback(
    async (groupCloudId: string | null, as: 'guest' | 'user') => {
      if (!token) return null
      try {
        const answer = await api.share.open({
          token,
          via: via.current,
          ...(groupCloudId ? { groupCloudId } : {}),
        })
        if (answer.group) setGroup(answer.group)
        return answer.group
      } catch {
        // The open is bookkeeping: a failure never shows.
        return null
      } finally {
        setOpenedAs(as)
      }
    },
    [token],
  )

  useEffect(() => {
    if (!token || status === 'unknown' || status === 'signing-in') return
    const as = currentAs
    if (sentAs.current === 'user' || sentAs.current === as) return
    sentAs.current = as
    cloudId.current ??= groupEnterCloudId(token)
    void cloudId.current.then((id) => send(id, as))
  }, [token, status, currentAs, send])

  const openInGroup = useCallback(
    (groupCloudId: string) => (token ? send(groupCloudId, currentAs) : NO_GROUP()),
    [token, send, currentAs],
  )

  const ready = !resolving && (!token || openedAs === currentAs)
  return { token, targetId, resolving, group, ready, openInGroup }
}

/** The scene of this launch (0 when the platform has none, as in the browser). */
const safeScene = () => {
  try {
    return Taro.getEnterOptionsSync?.()?.scene ?? 0
  } catch {
    return 0
  }
}
