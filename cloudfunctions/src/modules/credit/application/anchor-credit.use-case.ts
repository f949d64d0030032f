import { headLeaf, merkleProofs } from '@shared/domain/credit/credit-evidence'
import { chinaDay } from '@shared/domain/time'
import type { Deps } from '../../deps'
import { isAppError, ErrorCodes } from '@shared/errors/error-codes'
import { CreditAccounts, CreditAnchorLeaves, CreditAnchors } from '../domain/credit.records'

/**
 * The day's 存证 (timer, late each evening): the heads of every chain that moved since it was last
 * anchored, sorted by user, become the leaves of one Merkle root recorded with the date; each
 * user keeps their leaf's inclusion proof. A second run the same day leaves the day as it is
 * (what moved since waits for tomorrow's root).
 */
export const anchorCreditDay = async (deps: Pick<Deps, 'store' | 'clock'>) => {
  const now = deps.clock.now()
  const day = chinaDay(now)
  if (await deps.store.get(CreditAnchors, day)) return { day, anchored: 0 }
  const heads: { userId: string; seq: number; head: string; version: number }[] = []
  let cursor: string | undefined
  do {
    const page = await deps.store.find(CreditAccounts, { unanchored: true }, { limit: 500, cursor })
    for (const a of page.items)
      heads.push({ userId: a._id, seq: a.seq, head: a.head, version: a.version })
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  if (!heads.length) return { day, anchored: 0 }
  heads.sort((a, b) => (a.userId < b.userId ? -1 : 1))
  const proofs = merkleProofs(heads.map((h) => headLeaf(h.userId, h.seq, h.head)))
  await deps.store.insert(CreditAnchors, {
    _id: day,
    root: proofs[0].root,
    leaves: heads.length,
    at: now,
  })
  for (const [i, h] of heads.entries()) {
    await deps.store.insert(CreditAnchorLeaves, {
      _id: `${day}:${h.userId}`,
      day,
      userId: h.userId,
      seq: h.seq,
      head: h.head,
      proof: proofs[i],
    })
    try {
      await deps.store.update(
        CreditAccounts,
        h.userId,
        { anchoredDay: day, anchoredSeq: h.seq, unanchored: false, version: h.version + 1 },
        { expect: { version: h.version } },
      )
    } catch (e) {
      // The chain moved on meanwhile: its anchored head is still this one, the rest waits a day.
      if (!isAppError(e) || e.code !== ErrorCodes.CONFLICT) throw e
      await deps.store.update(CreditAccounts, h.userId, { anchoredDay: day, anchoredSeq: h.seq })
    }
  }
  return { day, anchored: heads.length, root: proofs[0].root }
}
