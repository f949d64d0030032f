import { useEffect } from 'react'
import { useDidShow } from '@tarojs/taro'
import { refreshNoticeBadge, showNoticeBadge } from '@/utils/notice-badge'
import { useSession } from './use-session'
import { LIVE_REFRESH_MS, useWhileShown } from './use-while-shown'

/**
 * Keeps the unread badge on the 消息 tab (notices and chat messages) current: each tab page asks
 * when it shows, every 15 seconds while it is shown, and when the user signs in; signing out
 * clears it.
 */
export const useNoticeBadge = () => {
  const { status } = useSession()
  useEffect(() => {
    if (status === 'signed-in') void refreshNoticeBadge()
    else if (status === 'signed-out') showNoticeBadge({ notices: 0, chats: 0 })
  }, [status])
  useDidShow(() => {
    if (status === 'signed-in') void refreshNoticeBadge()
  })
  useWhileShown(() => {
    if (status === 'signed-in') void refreshNoticeBadge()
  }, LIVE_REFRESH_MS)
}
