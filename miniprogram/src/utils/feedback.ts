import Taro from '@tarojs/taro'
import { isAuthError, isServiceError } from '@/services'
import { currentPageUrl } from './login-return'
import { navigateOnce, routeOf } from './navigate'
import { Routes } from './routes'

export const toast = (title: string, icon: 'none' | 'success' = 'none') =>
  Taro.showToast({ title, icon, duration: 2000 })

/**
 * Sends the user to sign in (WeChat login or the H5 demo-user picker), once per burst of calls.
 * Sign-in comes back to this page, or opens `then`: the page the tap meant to open.
 */
export const goLogin = (then?: string) => {
  const from = currentPageUrl()
  // A failed call on the login page itself must not stack a second login page.
  if (from && routeOf(from) === Routes.login()) return
  // Handlers passed as `onClick={goLogin}` hand over their event: only a URL is an intent.
  void navigateOnce(Routes.login({ from, then: typeof then === 'string' ? then : undefined }))
}

/** Light feedback for a failed call; "please sign in" becomes a trip to the login page. */
export const reportError = (e: unknown, fallback = '出错了，请稍后再试') => {
  if (isAuthError(e)) {
    toast('请先登录')
    goLogin()
    return
  }
  toast(isServiceError(e) ? e.message : fallback)
}

/** Features that later issues bring: say so instead of pretending. */
export const comingSoon = () => toast('即将上线')
