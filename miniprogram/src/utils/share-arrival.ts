import type { ShareCreated } from '@shared/contracts/share.contract'
import { SHARE_TOKEN_PARAM, type ShareVia } from '@shared/domain/share'

/** A page's query as Taro gives it (values may still be URL-encoded). */
type Query = Partial<Record<string, string>>

const decoded = (raw: string | undefined) => {
  if (!raw) return null
  try {
    return decodeURIComponent(raw).trim() || null
  } catch {
    return raw.trim() || null
  }
}

/** The share token a page was opened with (`st`), or null. */
export const shareTokenOf = (query: Query) => decoded(query[SHARE_TOKEN_PARAM])

/** A poster 小程序码's scene (`query.scene`, URL-encoded by WeChat), or null. */
export const posterSceneOf = (query: Query) => decoded(query.scene)

/**
 * How the viewer came: 1154 (朋友圈内打开「单页模式」) and 1155 (从单页模式进入小程序) are the
 * timeline; every other scene with a token is a chat card.
 */
export const viaOfScene = (scene: number | undefined): ShareVia =>
  scene === 1154 || scene === 1155 ? 'timeline' : 'card'

/** What a page answers WeChat when it has no share token (yet): its title and plain path. */
export interface PlainShare {
  title: string
  path: string
}

/**
 * onShareAppMessage's answer: the card's path (with its token) and title, the cover as the image
 * at once, and the drawn card image through `promise` (WeChat waits 3 s for it). Without a token
 * yet, the page's plain share, with the token-carrying one as the promise when it is on its way.
 */
export const shareMessage = (
  created: ShareCreated | null,
  plain: PlainShare,
  titleOf: (created: ShareCreated) => string,
  image: Promise<string> | null,
) => {
  if (!created) return { ...plain }
  const card = { title: titleOf(created), path: created.path }
  const cover = created.card.imageUrl
  return {
    ...card,
    ...(cover ? { imageUrl: cover } : {}),
    ...(image
      ? {
          promise: image.then(
            (imageUrl) => ({ ...card, ...(imageUrl ? { imageUrl } : {}) }),
            () => card,
          ),
        }
      : {}),
  }
}

/** onShareTimeline's answer: the title and the query 朋友圈 opens the page with. */
export const timelineMessage = (
  created: ShareCreated | null,
  plain: { title: string; query: string },
  titleOf: (created: ShareCreated) => string,
) =>
  created
    ? {
        title: titleOf(created),
        query: created.timelineQuery,
        ...(created.card.imageUrl ? { imageUrl: created.card.imageUrl } : {}),
      }
    : { ...plain }

/**
 * The link the browser build copies for a share: this app's address with the card's path in the
 * hash (the H5 router's), so it opens the same page with the token.
 */
export const shareLinkOf = (location: { origin: string; pathname: string }, path: string) =>
  `${location.origin}${location.pathname}#${path.startsWith('/') ? path : `/${path}`}`

/** A group circle as people read it: 「label」 once a member named it, 这个群 before. */
export const groupName = (label: string | null) => (label ? `「${label}」` : '这个群')

/** The banner of a page opened from a group chat: 来自群聊「阳光花园业主群」 / 来自这个群聊. */
export const groupBannerText = (label: string | null) =>
  label ? `来自群聊「${label}」` : '来自这个群聊'
