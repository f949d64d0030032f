import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps } from '../../deps'
import { ContentFlags, type ContentFlagRecord } from '../domain/content-flag.record'

/**
 * The flags' side of the moderation queue (the report module, above this one, drives it): which
 * open flags it has not taken in yet, taking one in, and closing flags when a moderator decides.
 */

/** Open flags the queue has not taken in yet, oldest first (a flag never seen reads takenAt null). */
export const flagsAwaitingCase = async (
  deps: Pick<Deps, 'store'>,
  limit: number,
): Promise<ContentFlagRecord[]> =>
  (
    await deps.store.find(
      ContentFlags,
      { status: 'open', takenAt: null },
      { orderBy: { field: 'createdAt', direction: 'asc' }, limit },
    )
  ).items

/**
 * Marks a flag taken in, in the transaction that joins it to its case: false (and nothing
 * written) when it was taken in or closed meanwhile, so a flag joins a case at most once.
 */
export const takeFlagIn = async (
  tx: Pick<TransactionOps, 'get' | 'update'>,
  flagId: string,
  now: number,
): Promise<boolean> => {
  const flag = await tx.get(ContentFlags, flagId)
  if (!flag || flag.status !== 'open' || flag.takenAt != null) return false
  await tx.update(ContentFlags, flagId, { takenAt: now })
  return true
}

/** Closes these flags by a moderator's decision, in its transaction; closed ones stay as they were. */
export const closeFlags = async (
  tx: Pick<TransactionOps, 'get' | 'update'>,
  flagIds: readonly string[],
  decisionId: string,
  now: number,
): Promise<number> => {
  let closed = 0
  for (const id of new Set(flagIds)) {
    const flag = await tx.get(ContentFlags, id)
    if (!flag || flag.status !== 'open') continue
    await tx.update(ContentFlags, id, {
      status: 'closed',
      closedBy: decisionId,
      closedAt: now,
      // Decided before the sweep saw it: it needs no case any more.
      takenAt: flag.takenAt ?? now,
    })
    closed++
  }
  return closed
}
