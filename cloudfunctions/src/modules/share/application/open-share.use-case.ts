import type { ShareKind, ShareVia } from '@shared/domain/share'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { callerKey, enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { loadListing } from '../../listing'
import { isBanned, type UserRecord } from '../../user'
import { OPEN_PER_USER, SCENE_PER_CALLER, TOO_OFTEN } from '../domain/share.limits'
import {
  ShareArrivals,
  ShareOpens,
  Shares,
  arrivalId,
  openId,
  type ShareRecord,
} from '../domain/share.records'
import { normalizeKey } from '../domain/share.rules'
import { joinGroup, resolveGroupId } from './group-membership'

type Viewer = { user: UserRecord | null; openid: string | null; ip: string | null }

/** Whose the target is: a person's own listing or storefront brings them no view of it. */
const ownerOf = async (deps: Pick<Deps, 'store'>, kind: ShareKind, targetId: string) =>
  kind === 'listing'
    ? ((await loadListing(deps.store, targetId))?.sellerId ?? null)
    : kind === 'storefront'
      ? targetId
      : null

/**
 * Counts the viewer once per token (later opens only move `lastAt`), and makes this share the one
 * they most recently arrived through for its target. Nothing is recorded for the sharer or the
 * target's owner opening it: their opens are not views, and nobody refers a person to themselves.
 */
const recordView = async (
  deps: Pick<Deps, 'store'>,
  share: ShareRecord,
  viewerId: string,
  via: ShareVia,
  fromGroup: boolean,
  now: number,
) => {
  if (share.sharerId === viewerId) return
  if ((await ownerOf(deps, share.kind, share.targetId)) === viewerId) return
  const id = openId(share._id, viewerId)
  const seen = await deps.store.get(ShareOpens, id)
  try {
    if (!seen)
      await deps.store.insert(ShareOpens, {
        _id: id,
        token: share._id,
        viewerId,
        via,
        fromGroup,
        firstAt: now,
        lastAt: now,
      })
  } catch (e) {
    if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
  }
  if (seen)
    await deps.store.update(ShareOpens, id, { lastAt: now, fromGroup: seen.fromGroup || fromGroup })
  const arrival = arrivalId(viewerId, share.kind, share.targetId)
  const latest = { token: share._id, sharerId: share.sharerId, at: now }
  if (await deps.store.get(ShareArrivals, arrival))
    await deps.store.update(ShareArrivals, arrival, latest)
  else
    await deps.store.insert(ShareArrivals, { _id: arrival, ...latest }).catch((e) => {
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT)) throw e
    })
}

/** A signed-in, unbanned viewer with an identity, or null: guests and banned accounts leave no trace. */
const viewerOf = (deps: Pick<Deps, 'clock'>, caller: Viewer) =>
  caller.user && caller.openid && !isBanned(caller.user, deps.clock.now())
    ? { user: caller.user, openid: caller.openid }
    : null

/**
 * A card was opened. Unknown and forged tokens and cloudIDs are ignored without a word (the answer
 * is the same ok), and so is a viewer over the hourly limit: the page never shows an error for
 * it. With a cloudID WeChat confirms for this caller, they are recorded in that group, the only way
 * membership is learnt, and the answer names the group circle by its key.
 */
export const openShare = async (
  deps: Deps,
  caller: Viewer,
  input: { token: string; groupCloudId?: string; via: ShareVia },
) => {
  const none = { group: null }
  const viewer = viewerOf(deps, caller)
  if (!viewer) return none
  if (!(await deps.limits.hit(OPEN_PER_USER, viewer.user._id)).allowed) return none
  const share = await deps.store.get(Shares, normalizeKey(input.token))
  if (!share) return none
  const now = deps.clock.now()
  const openGId = input.groupCloudId
    ? await resolveGroupId(deps, viewer.user._id, viewer.openid, input.groupCloudId)
    : null
  const group = openGId ? await joinGroup(deps, openGId, viewer.user._id, now) : null
  await recordView(deps, share, viewer.user._id, input.via, group !== null, now)
  return { group: group ? { groupKey: group._id, label: group.label } : null }
}

/**
 * A poster's 小程序码 was scanned: its scene is the token. Answers what it points to (null for
 * an unknown scene) and counts the scan as an open via qrcode. Limited per caller, guests by
 * address, since this is where a token could be guessed at.
 */
export const resolveScene = async (deps: Deps, caller: Viewer, scene: string) => {
  await enforceLimit(
    deps.limits,
    SCENE_PER_CALLER,
    callerKey(caller.user?._id ?? null, caller.ip),
    TOO_OFTEN,
  )
  const share = await deps.store.get(Shares, normalizeKey(scene))
  if (!share) return null
  const viewer = viewerOf(deps, caller)
  if (viewer) await recordView(deps, share, viewer.user._id, 'qrcode', false, deps.clock.now())
  return { kind: share.kind, targetId: share.targetId, token: share._id }
}
