import Taro from '@tarojs/taro'
import { Routes, isTabPage } from './routes'
import { routeOf } from './navigate'

/** Where sign-in goes afterwards: the page that asked (`from`), or the page the tap meant (`then`). */
export interface LoginReturn {
  from?: string
  then?: string
}

export type ReturnStep =
  { method: 'navigateBack' } | { method: 'switchTab' | 'redirectTo'; url: string }

// Our own pages only: a crafted login link cannot send the user anywhere else.
const OWN_PAGE = /^\/(pages|package-[a-z]+)\/[a-z-]+\/index(\?[^#]*)?$/

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * A page URL from the login page's query. The weapp hands query values over still encoded, H5
 * decoded; anything that is not one of our pages is dropped.
 */
export const ownPage = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || !value) return undefined
  const url = value.startsWith('/') ? value : safeDecode(value)
  return OWN_PAGE.test(url) ? url : undefined
}

const withSlash = (route: string) => (route.startsWith('/') ? route : `/${route}`)

/**
 * The login page's way out, given the route of the page under it (null when it is the first page,
 * as after a reload or a reLaunch). `then` wins: it is what the user tapped for. Otherwise back
 * when the page under login is the one that asked, else that page rebuilt, else 首页.
 */
export const returnStep = (r: LoginReturn, below: string | null): ReturnStep => {
  const then = ownPage(r.then)
  const from = ownPage(r.from)
  if (then) return isTabPage(then) ? { method: 'switchTab', url: routeOf(then) } : redirect(then)
  if (below && (!from || routeOf(from) === withSlash(routeOf(below))))
    return { method: 'navigateBack' }
  if (from) return isTabPage(from) ? { method: 'switchTab', url: routeOf(from) } : redirect(from)
  return { method: 'switchTab', url: Routes.home }
}

// Login is replaced, so back from the page it opens goes to the page that asked.
const redirect = (url: string): ReturnStep => ({ method: 'redirectTo', url })

type StackPage = { route?: string; path?: string }

/** Leaves the login page along `returnStep`, reading the page stack under it; 首页 if that fails. */
export const leaveLogin = async (r: LoginReturn) => {
  const pages = Taro.getCurrentPages() as StackPage[]
  const under = pages.length > 1 ? pages[pages.length - 2] : undefined
  const below = under ? routeOf(under.route || under.path || '') || null : null
  const step = returnStep(r, below)
  try {
    if (step.method === 'navigateBack') await Taro.navigateBack()
    else if (step.method === 'switchTab') await Taro.switchTab({ url: step.url })
    else await Taro.redirectTo({ url: step.url })
  } catch {
    await Taro.switchTab({ url: Routes.home })
  }
}

// Taro's own query keys: a page stamp (H5) and an instance timestamp (weapp).
const isTaroKey = (k: string) => k === 'stamp' || k.startsWith('$')

/** The page on screen as a URL to come back to (with its query), if Taro knows it. */
export const currentPageUrl = (): string | undefined => {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return undefined
  const query = Object.entries(router.params ?? {})
    .filter(([k, v]) => !isTaroKey(k) && typeof v === 'string')
    .map(([k, v]) => `${k}=${encodeURIComponent(safeDecode(v as string))}`)
  const path = withSlash(routeOf(router.path))
  return query.length ? `${path}?${query.join('&')}` : path
}
