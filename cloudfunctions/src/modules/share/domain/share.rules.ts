import { SHARE_TOKEN_PARAM, type ShareKind } from '@shared/domain/share'
import { DAY, HOUR } from '@shared/domain/time'
import type { ChainLink, ShareRecord } from './share.records'

/** 10 characters of Crockford base32: 50 bits, short enough for a path and a 32-character scene. */
export const TOKEN_LENGTH = 10
/** A group's key: 80 bits, never derived from the openGId. */
export const GROUP_KEY_LENGTH = 16

/** A tap within this long of the sharer's last token for the same target and parent gets it back. */
export const REUSE_MS = DAY
/** A reused listing token gets a fresh activity id when its own has less than this left. */
export const ACTIVITY_MARGIN_MS = 2 * HOUR
/** Links kept per chain (the nearest ones): attribution and loops look at no more. */
export const MAX_CHAIN = 16
/** An order counts toward a share the buyer opened at most this long before paying. */
export const ATTRIBUTION_WINDOW_MS = 7 * DAY

/** What a token or key typed by hand may look like: Crockford is case-insensitive. */
export const normalizeKey = (raw: string) => raw.trim().toUpperCase()

/** The pages a share opens, with the token in `st`. */
const PAGES: Record<ShareKind, string> = {
  listing: 'package-listing/detail/index',
  storefront: 'package-social/storefront/index',
  community: 'package-social/community/index',
}
export const POSTER_PAGE = PAGES.listing

/** The target's page without a token (what a sold card's 进入 opens). */
export const targetPath = (kind: ShareKind, targetId: string) => `/${PAGES[kind]}?id=${targetId}`
export const sharePath = (kind: ShareKind, targetId: string, token: string) =>
  `/${PAGES[kind]}?${timelineQuery(targetId, token)}`
export const timelineQuery = (targetId: string, token: string) =>
  `id=${targetId}&${SHARE_TOKEN_PARAM}=${token}`

/** Where a new token sits in its target's chain. */
export interface Lineage {
  parentToken: string | null
  depth: number
  chain: ChainLink[]
}

/**
 * A new token's lineage. The parent counts only when it is a share of the same target (and the
 * caller really opened it, which the use case checks); otherwise this is a first-hand share. A
 * sharer passing on their own token adds no hop: the new token takes the parent's place.
 */
export const lineageOf = (
  token: string,
  sharerId: string,
  target: { kind: ShareKind; targetId: string },
  parent: ShareRecord | null,
): Lineage => {
  const me = { token, sharerId }
  if (!parent || parent.kind !== target.kind || parent.targetId !== target.targetId)
    return { parentToken: null, depth: 1, chain: [me] }
  if (parent.sharerId === sharerId)
    return {
      parentToken: parent.parentToken,
      depth: parent.depth,
      chain: [...parent.chain.slice(0, -1), me].slice(-MAX_CHAIN),
    }
  return {
    parentToken: parent._id,
    depth: parent.depth + 1,
    chain: [...parent.chain, me].slice(-MAX_CHAIN),
  }
}
