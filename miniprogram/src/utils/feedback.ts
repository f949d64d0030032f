import Taro from '@tarojs/taro'
import { isAuthError, isServiceError } from '@/services'
import { Routes } from './routes'

export const toast = (title: string, icon: 'none' | 'success' = 'none') =>
  Taro.showToast({ title, icon, duration: 2000 })

let goingToLogin = false

/** Sends the user to sign in (WeChat login or the H5 demo-user picker), once per burst of calls. */
export const goLogin = () => {
  if (goingToLogin) return
  goingToLogin = true
  Taro.navigateTo({ url: Routes.login }).finally(() => {
    setTimeout(() => (goingToLogin = false), 500)
  })
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
