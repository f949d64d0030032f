import { isAppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import {
  type TransactionOps,
  type PageRequest,
  newestFirst,
} from '../../core/ports/document-store.port'
import { type NoticeRecord, Notices } from '../domain/notice.record'

/** Sends a notice once: a second send with the same key is ignored. */
export const sendNotice = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  key: string,
  notice: Omit<NoticeRecord, '_id' | 'createdAt' | 'read'>,
): Promise<boolean> => {
  try {
    await deps.store.insert(Notices, {
      _id: key,
      ...notice,
      createdAt: deps.clock.now(),
      read: false,
    })
    return true
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return false
    throw e
  }
}

/** Writes a notice inside the caller's transaction, once: the id derives from its cause. */
export const insertNotice = async (
  tx: TransactionOps,
  notice: Omit<NoticeRecord, 'read'>,
): Promise<void> => {
  if (await tx.get(Notices, notice._id)) return
  await tx.insert(Notices, { ...notice, read: false })
}

export const listNotices = async (deps: Pick<Deps, 'store'>, userId: string, page: PageRequest) => {
  const result = await deps.store.find(Notices, { userId }, newestFirst('createdAt', page))
  const unread = await deps.store.count(Notices, { userId, read: false })
  return {
    items: result.items.map((n) => ({
      id: n._id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      listingId: n.listingId,
      orderId: n.orderId ?? null,
      createdAt: n.createdAt,
      read: n.read,
    })),
    nextCursor: result.nextCursor,
    unread,
  }
}

/** Marks every unread notice of the user read; returns how many changed. */
export const markAllRead = async (deps: Pick<Deps, 'store'>, userId: string) => {
  let marked = 0
  for (;;) {
    const page = await deps.store.find(Notices, { userId, read: false }, { limit: 100 })
    for (const n of page.items) {
      await deps.store.update(Notices, n._id, { read: true })
      marked++
    }
    if (page.items.length < 100) return marked
  }
}
