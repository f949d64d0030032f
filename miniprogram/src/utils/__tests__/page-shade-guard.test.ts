/**
 * The H5 guard against Taro's stale shade timer: the router hides the page under a newly opened
 * one 350 ms later, even when the user has meanwhile gone back to it. The stand-in stack and page
 * elements follow the router: ids are page paths, the stack's last page is the one showing.
 */
const stack: { path: string }[] = []

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { getCurrentPages: () => stack },
}))

import { keepShownPageVisible } from '../page-shade-guard'

const TAB = '/pages/publish/index?stamp=A'
const FORM = '/package-listing/publish/index?stamp=B'
const SHADE = 'taro_page_shade'

const pageElement = (path: string) => {
  const el = document.createElement('div')
  el.className = 'taro_page taro_tabbar_page taro_page_show taro_page_stationed'
  el.id = path
  document.body.appendChild(el)
  return el
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

let stop = () => undefined as void
beforeEach(() => {
  document.body.innerHTML = ''
  stack.splice(0, stack.length, { path: TAB })
  stop = keepShownPageVisible()
})
afterEach(() => stop())

test('a page shaded while it is the one showing (back before the timer ran) is shown again', async () => {
  const tab = pageElement(TAB)
  stack.push({ path: FORM }) // 继续编辑 opens the form over the tab
  stack.pop() // back within 350 ms: the tab is showing again
  tab.classList.add(SHADE) // the router's timer from the push
  await flush()
  expect(tab.classList.contains(SHADE)).toBe(false)
})

test('the page under an opened page stays shaded', async () => {
  const tab = pageElement(TAB)
  pageElement(FORM)
  stack.push({ path: FORM })
  tab.classList.add(SHADE)
  await flush()
  expect(tab.classList.contains(SHADE)).toBe(true)
})

test('a tab left for another tab stays shaded', async () => {
  const home = pageElement('/pages/index/index?stamp=C')
  stack.splice(0, stack.length, { path: TAB }) // the router stashed 首页, 发布 is showing
  home.classList.add(SHADE)
  await flush()
  expect(home.classList.contains(SHADE)).toBe(true)
})

test('only a shade just added is undone: other class changes leave the page as the router set it', async () => {
  const tab = pageElement(TAB)
  tab.classList.add(SHADE)
  await flush()
  tab.className = `${tab.className} ${SHADE}` // the guard showed it; the router shades it again
  await flush()
  expect(tab.classList.contains(SHADE)).toBe(false)
  const shaded = document.createElement('div')
  shaded.className = `taro_page ${SHADE}`
  shaded.id = TAB
  document.body.replaceChildren(shaded) // shaded before it entered the page
  shaded.classList.remove('taro_page_stationed')
  shaded.classList.add('taro_navigation_page')
  await flush()
  expect(shaded.classList.contains(SHADE)).toBe(true)
})
