import type { Deps } from '../../deps'
import { Merchants, type SealedIdentity } from '../domain/merchant.records'

/**
 * Accounts that are one person for credit (刷单 between one's own accounts): 开通收款 applied for
 * under the same ID number, or paying out to the same bank account. Read by the nightly full
 * credit run, opening the sealed identities in memory only; each linked account is labelled with
 * the smallest user id of its group, so nothing of the identity leaves this function. Accounts
 * linked to nobody are left out.
 */
export const samePersonGroups = async (
  deps: Pick<Deps, 'store' | 'secrets'>,
): Promise<Map<string, string>> => {
  const parent = new Map<string, string>()
  const find = (u: string): string => {
    const p = parent.get(u) ?? u
    if (p === u) return u
    const root = find(p)
    parent.set(u, root)
    return root
  }
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)]
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
  }
  const firstHolder = new Map<string, string>()
  let cursor: string | undefined
  do {
    const page = await deps.store.find(Merchants, {}, { limit: 200, cursor })
    for (const m of page.items) {
      const id = JSON.parse(deps.secrets.open(m.sealedIdentity)) as SealedIdentity
      for (const key of [
        `id:${id.idCardNumber.trim().toUpperCase()}`,
        `bank:${id.accountNumber.replace(/\s/g, '')}`,
      ]) {
        const holder = firstHolder.get(key)
        if (holder === undefined) firstHolder.set(key, m._id)
        else union(holder, m._id)
      }
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)

  const groups = new Map<string, string>()
  const members = new Set([...parent.keys(), ...parent.values()])
  for (const u of members) groups.set(u, find(u))
  return groups
}
