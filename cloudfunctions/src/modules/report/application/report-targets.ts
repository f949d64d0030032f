import type { ReportTarget } from '@shared/contracts/report.contract'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { messageWithParties } from '../../chat'
import { hiddenByBan, loadListing } from '../../listing'
import { loadOrder } from '../../order'
import { loadUser, type UserRecord } from '../../user'

/** A reported thing as the report module needs it: whose it is, what to call it, what it shows. */
export interface ResolvedTarget {
  kind: ReportTarget['kind']
  id: string
  ownerId: string
  label: string
  title: string
  body: string
  photoFileIds: string[]
  priceFen: number | null
  /** Where risk flags on it are kept (the thing itself, a listing's photos). */
  flagTargets: string[]
}

const notFound = () => new AppError(ErrorCodes.NOT_FOUND, '举报对象不存在')
const firstWords = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text)

/** The target as it stands, or null when it is gone; `reporter` decides an order's owner. */
export const loadTarget = async (
  deps: Pick<Deps, 'store'>,
  target: ReportTarget,
  ownerHint: string | null,
  reporterId: string | null,
): Promise<(ResolvedTarget & { visibleTo: (userId: string, now: number) => boolean }) | null> => {
  switch (target.kind) {
    case 'listing': {
      const l = await loadListing(deps.store, target.id)
      if (!l) return null
      return {
        kind: 'listing',
        id: l._id,
        ownerId: l.sellerId,
        label: l.title,
        title: l.title,
        body: l.description,
        photoFileIds: [...l.photoFileIds, ...(l.hiddenPhotoFileIds ?? [])],
        priceFen: l.priceFen,
        flagTargets: [l._id, ...l.photoFileIds, ...(l.hiddenPhotoFileIds ?? [])],
        visibleTo: (userId, now) =>
          l.sellerId === userId || (l.status !== 'draft' && !hiddenByBan(l, now)),
      }
    }
    case 'user': {
      const u = await loadUser(deps, target.id)
      if (!u) return null
      return {
        kind: 'user',
        id: u._id,
        ownerId: u._id,
        label: u.nickname,
        title: u.nickname,
        body: u.city ?? '',
        photoFileIds: u.avatarFileId ? [u.avatarFileId] : [],
        priceFen: null,
        flagTargets: [u._id],
        visibleTo: () => true,
      }
    }
    case 'message': {
      const found = await messageWithParties(deps, target.id)
      if (!found || !found.message.senderId) return null
      const { message, conversation } = found
      const text = message.text ?? (message.kind === 'image' ? '[图片]' : '')
      return {
        kind: 'message',
        id: message._id,
        ownerId: message.senderId!,
        label: firstWords(text),
        title: firstWords(text),
        body: text,
        photoFileIds: message.fileId ? [message.fileId] : [],
        priceFen: null,
        flagTargets: [message._id],
        visibleTo: (userId) => conversation.buyerId === userId || conversation.sellerId === userId,
      }
    }
    case 'order': {
      const o = await loadOrder(deps.store, target.id)
      if (!o) return null
      // An order is reported by one party about the other: the owner is whoever is not the reporter.
      const ownerId =
        ownerHint ??
        (reporterId === o.buyerId ? o.sellerId : reporterId === o.sellerId ? o.buyerId : null)
      if (!ownerId) return { ...orderView(o, o.sellerId), visibleTo: () => false }
      return {
        ...orderView(o, ownerId),
        visibleTo: (userId) => userId === o.buyerId || userId === o.sellerId,
      }
    }
  }
}

const orderView = (
  o: NonNullable<Awaited<ReturnType<typeof loadOrder>>>,
  ownerId: string,
): ResolvedTarget => ({
  kind: 'order',
  id: o._id,
  ownerId,
  label: o.title,
  title: o.title,
  body: `订单 ${o._id}，${o.buyerId === ownerId ? '买家' : '卖家'}被举报`,
  photoFileIds: o.coverFileId ? [o.coverFileId] : [],
  priceFen: o.totalFen,
  flagTargets: [],
})

/**
 * The target a reporter may report: it exists and they can see it (a listing on view or theirs
 * already under an open case, a user, a message of a conversation they are in, an order of
 * theirs), and it is not their own.
 */
export const targetForReporter = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  reporter: UserRecord,
  target: ReportTarget,
  underOpenCase: (ownerId: string) => Promise<boolean>,
): Promise<ResolvedTarget> => {
  const found = await loadTarget(deps, target, null, reporter._id)
  if (!found) throw notFound()
  if (found.ownerId === reporter._id) throw new AppError(ErrorCodes.REPORT_SELF)
  const visible =
    found.visibleTo(reporter._id, deps.clock.now()) ||
    // A listing a case already hid may still be reported by whoever saw it before.
    (found.kind === 'listing' && (await underOpenCase(found.ownerId)))
  if (!visible) throw notFound()
  return found
}
