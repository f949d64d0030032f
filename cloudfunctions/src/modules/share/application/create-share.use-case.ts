import type { ShareCreated } from '@shared/contracts/share.contract'
import type { CardStatus, ShareKind } from '@shared/domain/share'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { READABLE } from '../../core/ports/secret-codes.port'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { templateParameters } from '../domain/card-state.rules'
import { CREATE_PER_USER, TOO_OFTEN } from '../domain/share.limits'
import { ShareOpens, Shares, openId, type ShareRecord } from '../domain/share.records'
import {
  ACTIVITY_MARGIN_MS,
  REUSE_MS,
  TOKEN_LENGTH,
  lineageOf,
  normalizeKey,
  sharePath,
  timelineQuery,
} from '../domain/share.rules'
import { attachActivity, requestActivity } from './share-cards'
import { cardFaceOf } from './share-targets'

export interface CreateShareInput {
  kind: ShareKind
  targetId: string
  parentToken?: string
  fromGroup?: boolean
}

/**
 * The token the sharer arrived through, if it may be their parent: one they opened (a token only
 * seen elsewhere would let anyone graft themselves onto a chain), or their own.
 */
const usableParent = async (deps: Pick<Deps, 'store'>, sharerId: string, raw?: string) => {
  if (!raw) return null
  const parent = await deps.store.get(Shares, normalizeKey(raw))
  if (!parent) return null
  if (parent.sharerId === sharerId) return parent
  return (await deps.store.get(ShareOpens, openId(parent._id, sharerId))) ? parent : null
}

/** The sharer's token for this target and parent from the last 24 hours, if there is one. */
const recentToken = async (
  deps: Pick<Deps, 'store'>,
  sharerId: string,
  input: CreateShareInput,
  parentToken: string | null,
  now: number,
) => {
  const page = await deps.store.find(
    Shares,
    { sharerId, targetId: input.targetId, createdAt: { $gte: now - REUSE_MS } },
    { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 20 },
  )
  return page.items.find((s) => s.kind === input.kind && s.parentToken === parentToken) ?? null
}

/**
 * Writes the share in one transaction with its updatable card: a new token (drawn again if it is
 * taken, a 2^-50 chance), or the reused one's `fromGroup`. A racing write of the listing's card
 * conflicts, and the whole write is tried again.
 */
const writeShare = async (
  deps: Pick<Deps, 'store' | 'codes'>,
  existing: ShareRecord | null,
  make: (token: string) => ShareRecord,
  fromGroup: boolean,
  attach: (tx: TransactionOps, token: string) => Promise<CardStatus | null>,
) => {
  for (let attempt = 0; ; attempt++) {
    const share = existing ?? make(deps.codes.draw(TOKEN_LENGTH, READABLE))
    try {
      return await deps.store.transaction(async (tx) => {
        if (!existing) await tx.insert(Shares, share)
        else if (fromGroup && !existing.fromGroup)
          await tx.update(Shares, share._id, { fromGroup: true })
        return { token: share._id, started: await attach(tx, share._id) }
      })
    } catch (e) {
      if (!(isAppError(e) && e.code === ErrorCodes.CONFLICT) || attempt >= 2) throw e
    }
  }
}

/**
 * 分享: a token for the caller's share of a listing, storefront or community, recorded with its
 * chain, reused for the same target and parent for 24 hours (a tap does not mint a new one).
 * Listings get an updatable card when WeChat grants an activity id; a failure there only makes
 * the card ordinary. Identity is the caller's; the parent counts only if the caller opened it.
 */
export const createShare = async (
  deps: Deps,
  caller: { user: Pick<UserRecord, '_id'>; openid: string | null },
  input: CreateShareInput,
): Promise<ShareCreated> => {
  const sharerId = caller.user._id
  await enforceLimit(deps.limits, CREATE_PER_USER, sharerId, TOO_OFTEN)
  const { face, listing } = await cardFaceOf(deps, input.kind, input.targetId)
  const now = deps.clock.now()
  const parent = await usableParent(deps, sharerId, input.parentToken)
  const target = { kind: input.kind, targetId: input.targetId }
  const { parentToken } = lineageOf('', sharerId, target, parent)
  const existing = await recentToken(deps, sharerId, input, parentToken, now)
  /** An activity id with at least `margin` left. */
  const hasActivity = (s: ShareRecord | null, margin: number) =>
    !!s?.activityId && s.activityExpiresAt !== null && s.activityExpiresAt - now > margin
  const updatable = listing !== null && face.status !== 'sold'
  const activity =
    updatable && !hasActivity(existing, ACTIVITY_MARGIN_MS)
      ? await requestActivity(deps, caller.openid)
      : null
  const attach = (tx: TransactionOps, token: string) =>
    activity && listing ? attachActivity(tx, listing, token, activity, now) : Promise.resolve(null)

  const { token, started } = await writeShare(
    deps,
    existing,
    (t) => ({
      _id: t,
      ...target,
      sharerId,
      ...lineageOf(t, sharerId, target, parent),
      fromGroup: input.fromGroup ?? false,
      createdAt: now,
      activityId: null,
      activityExpiresAt: null,
      posterFileId: null,
    }),
    input.fromGroup ?? false,
    attach,
  )
  const share = (await deps.store.get(Shares, token))!
  // The card's state for wx.updateShareMenu: the one just recorded, or the listing's now.
  const status = started ?? face.status
  const live = updatable && hasActivity(share, 0) && (status === 'on_sale' || status === 'reserved')
  return {
    token,
    ...target,
    path: sharePath(input.kind, input.targetId, token),
    timelineQuery: timelineQuery(input.targetId, token),
    depth: share.depth,
    reused: existing !== null,
    activityId: live ? share.activityId : null,
    activityExpiresAt: live ? share.activityExpiresAt : null,
    templateInfo: live ? { parameterList: templateParameters(status) } : null,
    card: { ...face, status },
  }
}
