import Taro from '@tarojs/taro'
import { api } from '@/services'
import { badgeText } from './listing-text'

/** 消息 is the third tab. */
const MESSAGES_TAB = 2

/** Shows the unread count on the 消息 tab, or clears it. Only tab pages may call this. */
export const showNoticeBadge = (unread: number) => {
  const text = badgeText(unread)
  const done = text
    ? Taro.setTabBarBadge({ index: MESSAGES_TAB, text })
    : Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  Promise.resolve(done).catch(() => undefined) // not on a tab page: nothing to show
}

/** Asks for the unread count (one notice is enough to get it) and shows it. Quiet on failure. */
export const refreshNoticeBadge = async () => {
  try {
    const page = await api.user.notices({ limit: 1 })
    showNoticeBadge(page.unread)
  } catch {
    // Signed out or offline: no badge is better than an error on every tab switch.
  }
}
