/**
 * One row of the every-page table rendered and judged: the page must show each expected text from
 * the answers its row programmed, and none of the ways a page fails silently in WeChat (an empty
 * page, a not-found state, 加载失败, an error toast, a call the fixtures did not answer).
 */
import type { FakeCloud } from '../harness/fake-cloud'
import { WAIT_MS, until } from '../harness/weapp-page'
import type { Weapp, WeappPage } from '../harness/weapp-app'

export type Viewer = 'member' | 'staff'

export interface PageRow {
  /** The route as app.json declares it. */
  route: string
  /** What onLoad receives (a card's or a link's query). */
  query?: Record<string, string>
  /** Moderator pages need a staff session; everything else opens as a signed-in member. */
  viewer?: Viewer
  /** The answers this page needs beyond the session defaults (signedInDefaults). */
  answers?: (cloud: FakeCloud) => void
  /** Text the page must show: its title or real content from the answers, never just "not empty". */
  expect: (string | RegExp)[]
  /**
   * Attributes elements must have, by element id: what an input holds (`value`, typed text is not
   * in the page's text) or a switch's state (`class`); a RegExp is tested against the value.
   */
  attributes?: Record<string, Record<string, string | RegExp>>
  /** What else must hold once it rendered (what the query made it ask for, a realtime watch). */
  then?: (app: Weapp, page: WeappPage) => void
  /** Words this page legitimately shows that FAILURE_TEXT would otherwise catch. */
  allow?: string[]
}

/** How pages say they failed: none of these may be on screen once the expected text is. */
export const FAILURE_TEXT = [
  '加载失败',
  '不见了',
  '找不到',
  '不存在',
  '出错了',
  '无法识别',
  '请先登录',
  '没有权限',
  '仅审核员可以查看',
]

const failuresIn = (text: string, allow: string[] = []) =>
  FAILURE_TEXT.filter((word) => text.includes(word) && !allow.some((a) => a.includes(word)))

export const renderRow = async (app: Weapp, row: PageRow) => {
  row.answers?.(app.cloud)
  const page = await app.open(row.route, row.query ?? {})
  for (const text of row.expect) await page.waitFor(text)
  for (const [id, wanted] of Object.entries(row.attributes ?? {})) {
    const actual = () => (page.has(id) ? page.attributes(id) : null)
    const holds = () =>
      Object.entries(wanted).every(([name, want]) => {
        const got = actual()?.[name]
        return typeof want === 'string' ? got === want : want.test(String(got ?? ''))
      })
    if (!(await until(holds, WAIT_MS)))
      throw new Error(
        `${row.route}: #${id} should have ${Object.entries(wanted)
          .map(([n, w]) => `${n}=${String(w)}`)
          .join(
            ' ',
          )}, has ${JSON.stringify(actual() && Object.fromEntries(Object.keys(wanted).map((n) => [n, actual()?.[n]])))}`,
      )
  }
  // Later calls (paging, badges, share tokens) land too, then nothing may have gone wrong.
  await app.settled()
  await until(() => false, 50)
  const shown = page.text()
  const toasts = app.wx.callsTo('showToast').map((t) => String(t.title))
  expect({
    route: row.route,
    failureText: failuresIn(shown, row.allow),
    unanswered: app.cloud.unanswered,
    violations: app.cloud.violations,
    toasts,
    navigatedAway: [...app.wx.callsTo('redirectTo'), ...app.wx.callsTo('reLaunch')],
  }).toEqual({
    route: row.route,
    failureText: [],
    unanswered: [],
    violations: [],
    toasts: [],
    navigatedAway: [],
  })
  row.then?.(app, page)
  return page
}
