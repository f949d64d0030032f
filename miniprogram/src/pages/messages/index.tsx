import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { Notice } from '@shared/contracts/user.contract'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { api, devInboxUrl } from '@/services'
import { useNoticeBadge } from '@/hooks/use-notice-badge'
import { LIVE_REFRESH_MS, useWhileShown } from '@/hooks/use-while-shown'
import { useSession } from '@/hooks/use-session'
import { goLogin } from '@/utils/feedback'
import { showNoticeBadge } from '@/utils/notice-badge'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import { ConversationItem } from '@/components/ConversationItem'
import { ListingChatsItem } from '@/components/ListingChatsItem'
import { addPage, type Inbox, inboxFrom, inboxRows, nextSide } from '@/utils/chat-inbox'
import './index.scss'

const NOTICE_PAGE = 20

/**
 * A moderation notice opens where its outcome lives: the reporter's (its id names the reporter,
 * `moderation:<decision>:reporter:<user>`) 我的举报, the affected user's 我的处罚 with its 申诉.
 */
const moderationPage = (n: Pick<Notice, 'id' | 'kind'>) =>
  n.kind !== 'moderation' ? null : n.id.includes(':reporter:') ? Routes.myReports : Routes.penalties
const CHAT_PAGE = 20

/**
 * 消息: chats first (latest activity on top, unread counts), then system notices (listing expiry,
 * orders; reviews and reports later) kept apart from them. The user's purchases are a row per
 * conversation; their own listings a row each (N 人咨询) once several buyers asked, opening that
 * listing's conversations (utils/chat-inbox merges the two lists).
 */
export default function Messages() {
  const { status } = useSession()
  const [notices, setNotices] = useState<Notice[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [inbox, setInbox] = useState<Inbox | null>(null)
  const [now, setNow] = useState(() => Date.now())
  useNoticeBadge()

  const buyingPage = (cursor?: string) =>
    api.chat.list({ role: 'buyer', limit: CHAT_PAGE, ...(cursor ? { cursor } : {}) })
  const sellingPage = (cursor?: string) =>
    api.chat.listings({ limit: CHAT_PAGE, ...(cursor ? { cursor } : {}) })
  const loadChats = async () => {
    const [buying, selling] = await Promise.all([
      buyingPage().catch(() => null),
      sellingPage().catch(() => null),
    ])
    setInbox((before) => inboxFrom(before, { buying, selling }))
  }
  const moreChats = async () => {
    const side = inbox && nextSide(inbox)
    if (!inbox || !side) return
    const cursor = inbox[side].cursor || undefined
    try {
      if (side === 'buying') {
        const page = await buyingPage(cursor)
        setInbox((i) => i && addPage(i, 'buying', page))
      } else {
        const page = await sellingPage(cursor)
        setInbox((i) => i && addPage(i, 'selling', page))
      }
    } catch {
      // 查看更多聊天 stays for another tap.
    }
  }

  const load = async () => {
    if (status !== 'signed-in') {
      setInbox(null)
      return setNotices(null)
    }
    setNow(Date.now())
    await Promise.all([loadChats(), loadNotices()])
  }
  const loadNotices = async () => {
    try {
      const page = await api.user.notices({ limit: NOTICE_PAGE })
      setNotices(page.items)
      setCursor(page.nextCursor)
      // Opening the list is reading it: unread dots stay for this visit, the badge goes now.
      if (page.unread > 0) {
        await api.user.markNoticesRead()
        showNoticeBadge({ notices: 0 })
      }
    } catch {
      setNotices((n) => n ?? [])
    }
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load when the sign-in status changes
  useEffect(() => void load(), [status])
  useDidShow(() => void load())
  // New messages move their conversation to the top while the list is open, as in WeChat.
  useWhileShown(() => {
    if (status === 'signed-in') void loadChats()
  }, LIVE_REFRESH_MS)
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })
  const more = async () => {
    if (!cursor) return
    const page = await api.user.notices({ cursor, limit: NOTICE_PAGE }).catch(() => null)
    if (!page) return
    setNotices((n) => [...(n ?? []), ...page.items])
    setCursor(page.nextCursor)
  }

  const devInbox = status === 'signed-in' ? devInboxUrl() : null
  const rows = inbox ? inboxRows(inbox) : []
  return (
    <View className='messages safe-bottom'>
      <Text className='messages__section'>聊天</Text>
      {status !== 'signed-in' ? (
        <View className='messages__card' id='chats-signed-out'>
          <Text className='muted'>登录后查看和买家、卖家的聊天</Text>
          <Button size='small' type='primary' onClick={() => goLogin()}>
            登录
          </Button>
        </View>
      ) : inbox === null ? (
        <View className='messages__card'>
          <Text className='muted'>加载中…</Text>
        </View>
      ) : rows.length === 0 && !nextSide(inbox) ? (
        <View id='messages-empty'>
          <EmptyState
            title='暂无聊天'
            description='在宝贝页点「聊一聊」，和卖家的对话会出现在这里'
            imageSize={120}
          />
        </View>
      ) : (
        <View className='messages__notices' id='conversations'>
          {rows.map((r) =>
            r.kind === 'listing' ? (
              <ListingChatsItem key={r.key} group={r.group} now={now} />
            ) : (
              <ConversationItem key={r.key} conversation={r.conversation} now={now} />
            ),
          )}
          {nextSide(inbox) && (
            <Text className='messages__more' id='conversations-more' onClick={moreChats}>
              查看更多聊天
            </Text>
          )}
        </View>
      )}

      <Text className='messages__section'>系统通知</Text>
      {status !== 'signed-in' ? (
        <View className='messages__card' id='notices-signed-out'>
          <Text className='muted'>登录后查看宝贝到期提醒等系统通知</Text>
        </View>
      ) : notices === null ? (
        <View className='messages__card'>
          <Text className='muted'>加载中…</Text>
        </View>
      ) : notices.length === 0 ? (
        <View className='messages__card' id='notices-empty'>
          <Text className='muted'>暂无系统通知，宝贝快到期时会在这里提醒你</Text>
        </View>
      ) : (
        <View className='messages__notices' id='notices'>
          {notices.map((n) => (
            <View
              key={n.id}
              className={`notice ${n.read ? '' : 'is-unread'}`}
              onClick={() => {
                const url = moderationPage(n)
                  ? moderationPage(n)
                  : n.orderId
                    ? Routes.order(n.orderId)
                    : n.listingId
                      ? Routes.detail(n.listingId)
                      : null
                if (url) void Taro.navigateTo({ url })
              }}
            >
              <View className='notice__icon'>
                <Text>
                  {n.kind === 'moderation'
                    ? '审核'
                    : n.kind === 'order'
                      ? '订单'
                      : n.kind === 'review'
                        ? '评价'
                        : n.kind === 'listing_expired'
                          ? '下架'
                          : '到期'}
                </Text>
              </View>
              <View className='notice__body'>
                <View className='notice__head'>
                  <Text className='notice__title'>{n.title}</Text>
                  <Text className='notice__time'>{formatRelativeTime(n.createdAt, now)}</Text>
                </View>
                <Text className='notice__text'>{n.body}</Text>
                {moderationPage(n) ? (
                  <Text className='notice__link'>
                    {moderationPage(n) === Routes.myReports ? '查看我的举报 ›' : '查看我的处罚 ›'}
                  </Text>
                ) : n.orderId ? (
                  <Text className='notice__link'>查看订单 ›</Text>
                ) : (
                  n.listingId && <Text className='notice__link'>查看宝贝 ›</Text>
                )}
              </View>
            </View>
          ))}
          {cursor && (
            <Text className='messages__more' onClick={more}>
              查看更早的通知
            </Text>
          )}
        </View>
      )}

      {devInbox && (
        // The H5 build has no WeChat: what WeChat would push (服务通知) is kept by the local sandbox.
        <Text
          className='messages__more'
          id='dev-wechat-inbox'
          onClick={() => window.open(devInbox, '_blank')}
        >
          微信服务通知 ›
        </Text>
      )}
    </View>
  )
}
