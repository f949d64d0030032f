import Taro from '@tarojs/taro'

// After the new page has shown, its key stays taken a little longer: the H5 slide-in (300 ms)
// leaves part of the old page under the finger.
const SETTLE_MS = 400
// A navigation that never lands (a page chunk that fails to load) frees its key after this.
const GIVE_UP_MS = 5000
const POLL_MS = 50

const inFlight = new Set<string>()

/** A page's path without its query: the default key, one navigation in flight per route. */
export const routeOf = (url: string) => url.split('?')[0]

type StackPage = { $taroPath?: string; path?: string; route?: string }

/** Which page is on top: H5's navigateTo resolves when the URL changes, before the page shows. */
const topOfStack = () => {
  const pages = Taro.getCurrentPages() as StackPage[]
  const top = pages[pages.length - 1]
  return `${pages.length}:${top?.$taroPath ?? top?.path ?? top?.route ?? ''}`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const landed = async (before: string) => {
  for (let waited = 0; waited < GIVE_UP_MS && topOfStack() === before; waited += POLL_MS)
    await sleep(POLL_MS)
}

/**
 * Opens a page unless a navigation with the same key is still under way, so three quick taps on
 * 立即购买 open one 确认订单. Resolves true when it navigated, false for a repeat or a failure.
 */
export const navigateOnce = async (url: string, key = routeOf(url)): Promise<boolean> => {
  if (inFlight.has(key)) return false
  inFlight.add(key)
  const before = topOfStack()
  try {
    await Taro.navigateTo({ url })
  } catch {
    // Nothing opened (the page stack is full, the page is missing): the next tap may try again.
    inFlight.delete(key)
    return false
  }
  await landed(before)
  setTimeout(() => inFlight.delete(key), SETTLE_MS)
  return true
}
