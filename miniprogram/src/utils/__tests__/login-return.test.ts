/**
 * Where sign-in goes afterwards: back to the page that asked, on to what the tap meant, or 首页
 * when nothing is known; and the login link that goLogin builds from the page on screen.
 */
const router: { path: string; params: Record<string, string> } = { path: '', params: {} }
const navigateTo = jest.fn()
const stack: { route: string }[] = []

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    navigateTo: (o: { url: string }) => navigateTo(o),
    getCurrentPages: () => stack,
    getCurrentInstance: () => ({ router }),
    showToast: jest.fn(),
  },
}))
jest.mock('@/services', () => ({ isAuthError: () => false, isServiceError: () => false }))

import { goLogin } from '../feedback'
import { currentPageUrl, ownPage, returnStep } from '../login-return'
import { Routes } from '../routes'

const DETAIL = '/package-listing/detail/index?id=01JLISTING'
const CHECKOUT = Routes.checkout('01JLISTING')

describe('returnStep', () => {
  test('the page under login asked: back to it', () => {
    expect(returnStep({ from: DETAIL }, 'package-listing/detail/index')).toEqual({
      method: 'navigateBack',
    })
    expect(returnStep({}, 'pages/me/index')).toEqual({ method: 'navigateBack' })
  })

  test('a tap that meant a page (立即购买 → 确认订单) opens it in login’s place', () => {
    expect(returnStep({ from: DETAIL, then: CHECKOUT }, 'package-listing/detail/index')).toEqual({
      method: 'redirectTo',
      url: CHECKOUT,
    })
  })

  test('tab pages are switched to, without a query', () => {
    expect(returnStep({ then: Routes.publishTab }, 'pages/me/index')).toEqual({
      method: 'switchTab',
      url: Routes.publishTab,
    })
    expect(returnStep({ from: `${Routes.me}?x=1` }, null)).toEqual({
      method: 'switchTab',
      url: Routes.me,
    })
  })

  test('login opened by redirectTo or reLaunch: the asking page is rebuilt', () => {
    expect(returnStep({ from: DETAIL }, null)).toEqual({ method: 'redirectTo', url: DETAIL })
    expect(returnStep({ from: DETAIL }, 'pages/index/index')).toEqual({
      method: 'redirectTo',
      url: DETAIL,
    })
  })

  test('nothing known (a reload of the login page): 首页', () => {
    expect(returnStep({}, null)).toEqual({ method: 'switchTab', url: Routes.home })
  })

  test('only our own pages: a crafted link cannot send the user elsewhere', () => {
    expect(returnStep({ then: 'https://evil.example/x' }, null)).toEqual({
      method: 'switchTab',
      url: Routes.home,
    })
    expect(ownPage('//evil.example/pages/index/index')).toBeUndefined()
    expect(ownPage({ type: 'tap' })).toBeUndefined()
  })

  test('the weapp hands query values over encoded, H5 decoded: both read the same', () => {
    expect(ownPage(encodeURIComponent(CHECKOUT))).toBe(CHECKOUT)
    expect(ownPage(CHECKOUT)).toBe(CHECKOUT)
  })
})

describe('the login link', () => {
  beforeEach(() => {
    jest.useFakeTimers()
    navigateTo.mockReset().mockImplementation(({ url }: { url: string }) => {
      stack.push({ route: url.split('?')[0] })
      return Promise.resolve({})
    })
  })
  // Each test's login trip lands and frees the guard before the next one taps.
  afterEach(async () => {
    await jest.advanceTimersByTimeAsync(1000)
    jest.useRealTimers()
  })

  test('carries the page on screen with its query, without Taro’s own keys', () => {
    router.path = '/package-listing/detail/index'
    router.params = { id: '01JLISTING', $taroTimestamp: '1700000000000', stamp: '3' }
    expect(currentPageUrl()).toBe(DETAIL)
  })

  test('goLogin(then) asks login to come back here and open `then` once signed in', () => {
    router.path = '/package-listing/detail/index'
    router.params = { id: '01JLISTING' }
    goLogin(CHECKOUT)
    const url = navigateTo.mock.calls[0][0].url as string
    const query = new URLSearchParams(url.split('?')[1])
    expect(url.startsWith('/package-user/login/index?')).toBe(true)
    expect(query.get('from')).toBe(DETAIL)
    expect(query.get('then')).toBe(CHECKOUT)
  })

  test('an event passed by onClick={goLogin} is not taken for a page', () => {
    router.path = '/pages/messages/index'
    router.params = {}
    ;(goLogin as (e: unknown) => void)({ type: 'tap' })
    const url = navigateTo.mock.calls[0][0].url as string
    expect(new URLSearchParams(url.split('?')[1]).get('then')).toBeNull()
  })

  test('on the login page itself, a failed call does not stack another login page', () => {
    router.path = '/package-user/login/index'
    router.params = {}
    goLogin()
    expect(navigateTo).not.toHaveBeenCalled()
  })
})
