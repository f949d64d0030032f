import Taro from '@tarojs/taro'
import { api } from '@/services'
import { badgeText } from './listing-text'

/** 消息 is the third tab. */
const MESSAGES_TAB = 2

// The badge is the sum of two counts that change apart: system notices and unread chat messages.
const counts = { notices: 0, chats: 0 }

/** The number the 消息 tab shows: unread notices plus unread chat messages. */
export const messagesBadgeTotal = () => counts.notices + counts.chats

/**
 * Updates one or both counts and shows their sum on the 消息 tab, or clears it. Only tab pages may
 * call this.
 */
export const showNoticeBadge = (update: Partial<typeof counts>) => {
  Object.assign(counts, update)
  const text = badgeText(messagesBadgeTotal())
  const done = text
    ? Taro.setTabBarBadge({ index: MESSAGES_TAB, text })
    : Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  Promise.resolve(done).catch(() => undefined) // not on a tab page: nothing to show
}

/** Asks for both counts (one notice is enough to get its count) and shows them. Quiet on failure. */
export const refreshNoticeBadge = async () => {
  const [notices, chats] = await Promise.all([
    api.user.notices({ limit: 1 }).then(
      (p) => p.unread,
      () => null,
    ),
    api.chat.unreadTotal().then(
      (r) => r.total,
      () => null,
    ),
  ])
  // Signed out or offline: keep what was shown rather than an error on every tab switch.
  showNoticeBadge({
    ...(notices === null ? {} : { notices }),
    ...(chats === null ? {} : { chats }),
  })
}
