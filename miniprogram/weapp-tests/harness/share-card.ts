/**
 * What a share handler answered, read the way WeChat reads it: the page a card opens and its query
 * parameters, the card image, and for 朋友圈 the query string the timeline entry opens with.
 */
import { routeOf } from './built-files'

const paramsOf = (query: string | undefined): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(query ?? ''))

/** onShareAppMessage's answer: { title, path, imageUrl } plus the path taken apart. */
export interface ShareCard {
  title?: string
  path?: string
  imageUrl?: string
  /** The page the card opens, without a leading slash: `package-listing/detail/index`. */
  route: string
  /** The card path's query parameters, decoded. */
  params: Record<string, string>
  /** Everything the handler answered, for fields not listed above. */
  raw: Record<string, unknown>
}

/** onShareTimeline's answer: { title, query, imageUrl } with the query decoded. */
export interface TimelineCard {
  title?: string
  query?: string
  imageUrl?: string
  params: Record<string, string>
  raw: Record<string, unknown>
}

const asRecord = (answer: unknown, what: string): Record<string, unknown> => {
  if (!answer || typeof answer !== 'object')
    throw new Error(`${what} answered ${JSON.stringify(answer)}, not a card object`)
  return answer as Record<string, unknown>
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

export const readShareCard = (answer: unknown): ShareCard => {
  const raw = asRecord(answer, 'onShareAppMessage')
  const path = str(raw.path)
  return {
    title: str(raw.title),
    path,
    imageUrl: str(raw.imageUrl),
    route: path ? routeOf(path) : '',
    params: paramsOf(path?.split('?')[1]),
    raw,
  }
}

export const readTimelineCard = (answer: unknown): TimelineCard => {
  const raw = asRecord(answer, 'onShareTimeline')
  const query = str(raw.query)
  return {
    title: str(raw.title),
    query,
    imageUrl: str(raw.imageUrl),
    params: paramsOf(query?.replace(/^\?/, '')),
    raw,
  }
}

/** What WeChat passes to onShareAppMessage: the 转发 menu, or a `<button open-type="share">`. */
export type ShareFrom =
  { from: 'menu' } | { from: 'button'; target?: { id?: string; dataset?: Record<string, unknown> } }
