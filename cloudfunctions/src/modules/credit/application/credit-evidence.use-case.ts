import type { CreditEvidence } from '@shared/contracts/credit.contract'
import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { CreditAnchorLeaves, CreditEvents, type CreditEventRecord } from '../domain/credit.records'

/** Every link of a user's chain, oldest first. */
export const chainOf = async (deps: Pick<Deps, 'store'>, userId: string) => {
  const links: CreditEventRecord[] = []
  let cursor: string | undefined
  do {
    const page = await deps.store.find(
      CreditEvents,
      { userId },
      { orderBy: { field: 'seq', direction: 'asc' }, limit: 200, cursor },
    )
    links.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return links
}

/** 信用存证: the caller's chain and the proof that its head as of `day` is in that day's root. */
export const creditEvidence = async (
  deps: Deps,
  user: UserRecord,
  { day }: { day?: string },
): Promise<CreditEvidence> => {
  const chain = await chainOf(deps, user._id)
  const leaf = day
    ? await deps.store.get(CreditAnchorLeaves, `${day}:${user._id}`)
    : (
        await deps.store.find(
          CreditAnchorLeaves,
          { userId: user._id },
          { orderBy: { field: 'day', direction: 'desc' }, limit: 1 },
        )
      ).items[0]
  return {
    userId: user._id,
    chain: chain.map((l) => ({ seq: l.seq, event: l.event, prevHash: l.prevHash, hash: l.hash })),
    day: leaf?.day ?? null,
    anchoredHead: leaf ? { seq: leaf.seq, hash: leaf.head } : null,
    proof: leaf?.proof ?? null,
  }
}
