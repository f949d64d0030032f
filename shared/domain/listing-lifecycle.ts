import type { ListingStatus } from './listing'
import { CHINA_OFFSET_MS, DAY } from './time'

/** An active listing stays up this long after it was published, relisted or renewed. */
export const LISTING_LIFETIME_MS = 30 * DAY
/** The seller is reminded this long before expiry. */
export const EXPIRY_REMINDER_MS = 3 * DAY

/** China has one time zone and no DST: a "day" for 擦亮 is a calendar day in UTC+8 (a day number). */
export const chinaDay = (at: number) => Math.floor((at + CHINA_OFFSET_MS) / DAY)

/** What a seller can do to a listing; the UI shows exactly these buttons. */
export type ListingAction = 'edit' | 'publish' | 'takeDown' | 'relist' | 'markSold' | 'renew'

export interface LifecycleView {
  status: ListingStatus
  /** When it was last renewed (擦亮) or (re)published; null for a draft. */
  bumpedAt: number | null
  /** A live order holds these goods: no taking down or selling elsewhere until it is over. */
  heldBy?: string | null
}

/** 擦亮: at most once per calendar day, and only while the listing is up. */
export const canRenew = (l: LifecycleView, now: number) =>
  l.status === 'active' && (l.bumpedAt === null || chinaDay(l.bumpedAt) < chinaDay(now))

/** The actions the seller may take now, in the order the UI shows them. */
export const allowedActions = (l: LifecycleView, now: number): ListingAction[] => {
  switch (l.status) {
    case 'draft':
      return ['publish', 'edit']
    case 'active':
      if (l.heldBy) return [...(canRenew(l, now) ? (['renew'] as const) : []), 'edit']
      return [...(canRenew(l, now) ? (['renew'] as const) : []), 'edit', 'markSold', 'takeDown']
    case 'removed':
    case 'expired':
      return ['relist', 'edit']
    case 'sold':
      return []
  }
}

/** Which statuses each seller action moves from, and to. */
export const TRANSITIONS: Record<
  Exclude<ListingAction, 'edit'>,
  { from: ListingStatus[]; to: ListingStatus }
> = {
  publish: { from: ['draft'], to: 'active' },
  takeDown: { from: ['active'], to: 'removed' },
  relist: { from: ['removed', 'expired'], to: 'active' },
  markSold: { from: ['active'], to: 'sold' },
  renew: { from: ['active'], to: 'active' },
}
