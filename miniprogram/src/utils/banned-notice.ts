import Taro from '@tarojs/taro'
import { setBannedListener } from '@/services'
import { Routes } from './routes'

/** One notice per this long: every call a banned user's pages make answers USER.BANNED. */
const QUIET_MS = 60_000
let lastShown = 0

/**
 * A suspended or banned user learns why and where to appeal, wherever they hit it: a modal
 * leading to 我的处罚 (which, with its 申诉, stays open to them).
 */
export const watchForBan = () =>
  setBannedListener((e) => {
    const now = Date.now()
    if (now - lastShown < QUIET_MS) return
    lastShown = now
    void Taro.showModal({
      title: e.message || '账号已被限制使用',
      content: '可在「我的处罚」查看原因，7 天内可申诉一次',
      confirmText: '查看处罚',
      cancelText: '知道了',
    }).then((r) => {
      if (r.confirm) void Taro.navigateTo({ url: Routes.penalties })
    })
  })
