import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { ShareCreated } from '@shared/contracts/share.contract'
import type { ShareKind } from '@shared/domain/share'
import { SHARES_BY_LINK, api, applyShareMenu, playCardShared } from '@/services'
import { toast } from '@/utils/feedback'
import { type PlainShare, shareLinkOf, shareMessage, timelineMessage } from '@/utils/share-arrival'
import { shareCardImage } from '@/utils/share-card-image'
import { useSession } from './use-session'

export interface ShareCardOptions {
  kind: ShareKind
  /** The target; null holds the card back (the page does not know it yet). */
  targetId: string | null
  /** The token the page was opened through (useShareArrival's), so the chain grows from it. */
  parentToken: string | null
  /** The page was opened from a group chat. */
  fromGroup: boolean
  /** False while the target cannot be shared (not loaded, a draft, taken down). */
  enabled: boolean
  /** What a card without a token says (a guest's share, or before share.create answers). */
  plain: PlainShare
  /** The card's title in the page's own words; share.create's `card.title` by default. */
  titleOf?: (created: ShareCreated) => string
}

export interface ShareCard {
  /** share.create's answer once it came (null for guests and unshareable targets). */
  created: ShareCreated | null
  /** H5: copies a link carrying the token (with a toast); the sandbox hears the card was sent. */
  copyLink: () => Promise<void>
}

/** A page shown again within this long keeps its token (share.create would hand it back anyway). */
const FRESH_MS = 10 * 60_000

const cardTitle = (created: ShareCreated) => created.card.title

/**
 * The page's share card: a token from share.create when the page shows (signed in only: the
 * server records who shared), WeChat's share menu set up for it (the updatable 动态消息 for a
 * listing with an activity id), and the answers to 转发 (title, drawn card image within WeChat's
 * 3 s, path with `st`) and 朋友圈 (title, query). A failed create leaves the plain card: sharing
 * never fails for the person.
 */
export const useShareCard = (options: ShareCardOptions): ShareCard => {
  const { kind, targetId, parentToken, fromGroup, enabled, plain } = options
  const titleOf = options.titleOf ?? cardTitle
  const { status } = useSession()
  const [created, setCreated] = useState<ShareCreated | null>(null)
  const pending = useRef<Promise<ShareCreated | null> | null>(null)
  const image = useRef<{ key: string; promise: Promise<string> } | null>(null)
  const last = useRef<{ key: string; at: number } | null>(null)

  const signedIn = status === 'signed-in'
  const key = `${kind}:${targetId}:${parentToken ?? ''}:${fromGroup}`

  const create = useCallback(() => {
    if (!signedIn || !enabled || !targetId) return
    if (last.current?.key === key && Date.now() - last.current.at < FRESH_MS) return
    last.current = { key, at: Date.now() }
    const p = api.share
      .create({
        kind,
        targetId,
        ...(parentToken ? { parentToken } : {}),
        ...(fromGroup ? { fromGroup } : {}),
      })
      .then((c) => {
        setCreated(c)
        void applyShareMenu(c)
        // Drawn now, so 转发 finds the card image ready well inside WeChat's 3 s.
        const imageKey = `${c.token}:${c.card.status}`
        if (image.current?.key !== imageKey)
          image.current = { key: imageKey, promise: shareCardImage(c.card) }
        return c
      })
      .catch(() => {
        // SHARE.TARGET_UNAVAILABLE, a rate limit, the network: the plain card still shares.
        last.current = null
        return null
      })
    pending.current = p
  }, [signedIn, enabled, targetId, kind, parentToken, fromGroup, key])

  useEffect(() => {
    if (!signedIn) {
      setCreated(null)
      void applyShareMenu(null)
    }
    create()
  }, [create, signedIn])
  useDidShow(create)

  useShareAppMessage(() => {
    if (created) return shareMessage(created, plain, titleOf, image.current?.promise ?? null)
    const waiting = pending.current
    if (!waiting) return { ...plain }
    // The token is on its way: WeChat takes the promise's card if it comes within 3 s.
    return {
      ...plain,
      promise: waiting.then((c) => {
        if (!c) return plain
        const { promise, ...now } = shareMessage(c, plain, titleOf, image.current?.promise ?? null)
        return promise ?? now
      }),
    }
  })

  useShareTimeline(() =>
    timelineMessage(
      created,
      { title: plain.title, query: plain.path.split('?')[1] ?? '' },
      titleOf,
    ),
  )

  const copyLink = useCallback(async () => {
    const c = created ?? (await pending.current) ?? null
    const path = c?.path ?? plain.path
    try {
      await Taro.setClipboardData({ data: shareLinkOf(window.location, path) })
      toast(c ? '链接已复制，发给朋友或群聊吧' : '链接已复制')
    } catch {
      toast('复制失败，请稍后再试')
      return
    }
    if (c) void playCardShared(c)
  }, [created, plain.path])

  return { created, copyLink: SHARES_BY_LINK ? copyLink : async () => undefined }
}
