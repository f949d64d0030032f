import type { Deps } from '../../deps'
import { GroupMembers, ShareOpens, Shares } from '../domain/share.records'

/**
 * What the jury draw asks of share: the WeChat groups a user was seen in, and the people linked to
 * them by a share (who opened their links, whose links they opened), so nobody judges a case of
 * someone they reached through a share card or sit in a group with.
 */

/** The groups (group keys) a user was confirmed in by WeChat, most recent first. */
export const groupKeysOf = async (deps: Pick<Deps, 'store'>, userId: string, limit = 100) =>
  new Set(
    (
      await deps.store.find(
        GroupMembers,
        { userId },
        { orderBy: { field: 'lastAt', direction: 'desc' }, limit },
      )
    ).items.map((m) => m.groupKey),
  )

/** Users who opened this user's recent shares, and the sharers of tokens this user opened. */
export const shareContactsOf = async (
  deps: Pick<Deps, 'store'>,
  userId: string,
  limit = 100,
): Promise<Set<string>> => {
  const contacts = new Set<string>()
  const mine = await deps.store.find(
    Shares,
    { sharerId: userId },
    { orderBy: { field: 'createdAt', direction: 'desc' }, limit },
  )
  for (const share of mine.items) {
    const opens = await deps.store.find(ShareOpens, { token: share._id }, { limit })
    for (const o of opens.items) contacts.add(o.viewerId)
  }
  const opened = await deps.store.find(
    ShareOpens,
    { viewerId: userId },
    { orderBy: { field: 'lastAt', direction: 'desc' }, limit },
  )
  const sharers = await Promise.all(opened.items.map((o) => deps.store.get(Shares, o.token)))
  for (const s of sharers) if (s) contacts.add(s.sharerId)
  contacts.delete(userId)
  return contacts
}
