import type { Conversation, ListingChats } from '@shared/contracts/chat.contract'

/**
 * The 消息 tab's chat list merges two lists the server pages separately, both latest activity
 * first: the user's purchases (chat.list role buyer) and their own listings buyers asked about
 * (chat.listings, one row per listing). A row is shown only once its place is certain: the other
 * list, if it has more pages, has already reached a time at or below it. So rows arrive in order
 * and a later page only ever adds rows at the end.
 */

export type InboxSide = 'buying' | 'selling'

/** One row: a conversation (a purchase, or a listing only one buyer asked about) or a listing's group. */
export type InboxRow =
  | { kind: 'conversation'; key: string; at: number; conversation: Conversation }
  | { kind: 'listing'; key: string; at: number; group: ListingChats }

export interface InboxList<T> {
  items: T[]
  /** The next page's cursor; null once the list has ended. */
  cursor: string | null
}

export interface Inbox {
  buying: InboxList<Conversation>
  selling: InboxList<ListingChats>
}

/** Before the first pages: both lists have everything still to come. */
export const emptyInbox = (): Inbox => ({
  buying: { items: [], cursor: '' },
  selling: { items: [], cursor: '' },
})

/** The inbox with one list's next page added (an item it already holds is kept once, first place). */
export const addPage = <S extends InboxSide>(
  inbox: Inbox,
  side: S,
  page: { items: Inbox[S]['items']; nextCursor: string | null },
): Inbox => {
  const held = inbox[side].items as { id: string }[]
  const seen = new Set(held.map((i) => i.id))
  const fresh = (page.items as { id: string }[]).filter((i) => !seen.has(i.id))
  return { ...inbox, [side]: { items: [...held, ...fresh], cursor: page.nextCursor } }
}

type PageOf<T> = { items: T[]; nextCursor: string | null }

/**
 * The inbox from both lists' first pages; a list whose page could not be fetched (null) keeps
 * what it showed before, or shows nothing, so one failing list does not hide the other.
 */
export const inboxFrom = (
  before: Inbox | null,
  pages: { buying: PageOf<Conversation> | null; selling: PageOf<ListingChats> | null },
): Inbox => {
  const start = emptyInbox()
  const withBuying = pages.buying
    ? addPage(start, 'buying', pages.buying)
    : { ...start, buying: before?.buying ?? { items: [], cursor: null } }
  return pages.selling
    ? addPage(withBuying, 'selling', pages.selling)
    : { ...withBuying, selling: before?.selling ?? { items: [], cursor: null } }
}

/** How far a list with more to come has reached: nothing below it is certain yet. */
const reached = (list: InboxList<{ updatedAt: number }>) =>
  list.cursor === null ? -Infinity : (list.items.at(-1)?.updatedAt ?? Infinity)

/** The list whose next page the rows wait for, or null when both have ended. */
export const nextSide = (inbox: Inbox): InboxSide | null => {
  if (inbox.buying.cursor === null && inbox.selling.cursor === null) return null
  if (inbox.selling.cursor === null) return 'buying'
  if (inbox.buying.cursor === null) return 'selling'
  return reached(inbox.buying) >= reached(inbox.selling) ? 'buying' : 'selling'
}

const rowOf = (side: InboxSide, item: Conversation | ListingChats): InboxRow => {
  if (side === 'buying') {
    const conversation = item as Conversation
    return { kind: 'conversation', key: conversation.id, at: item.updatedAt, conversation }
  }
  const group = item as ListingChats
  // A listing one buyer asked about is just that conversation: no group of one to tap through.
  return group.conversations === 1
    ? {
        kind: 'conversation',
        key: group.latest.id,
        at: group.updatedAt,
        conversation: group.latest,
      }
    : { kind: 'listing', key: `listing:${group.id}`, at: group.updatedAt, group }
}

/**
 * The rows certain of their place, latest activity first. On equal times a purchase comes first,
 * so a listing row at exactly the time the purchases have reached still waits for their next page.
 */
export const inboxRows = (inbox: Inbox): InboxRow[] => {
  const a = inbox.buying.items
  const b = inbox.selling.items
  const buyingReached = reached(inbox.buying)
  const sellingReached = reached(inbox.selling)
  const rows: InboxRow[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && a[i]!.updatedAt >= b[j]!.updatedAt)
    const row = takeA ? rowOf('buying', a[i]!) : rowOf('selling', b[j]!)
    const certain = takeA ? row.at >= sellingReached : row.at > buyingReached
    if (!certain) break
    rows.push(row)
    if (takeA) i++
    else j++
  }
  return rows
}
