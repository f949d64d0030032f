import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { ChatMessage, Conversation } from '@shared/contracts/chat.contract'
import { api, isServiceError } from '@/services'
import { ChatFeed, pollingTransport, type FeedTransport } from '@/services/chat-feed'
import { realtimeTransport } from '@/services/chat-stream'
import { reportError } from '@/utils/feedback'
import { newClientMsgId } from '@/utils/chat-text'
import { mergeMessages, type PendingMessage } from '../chat-thread'

export type Opened =
  | { state: 'loading' }
  | { state: 'failed'; title: string; description: string; retry: boolean }
  | { state: 'ready'; conversation: Conversation }

/** Where the thread should scroll to: the bottom (a growing number, so each ask scrolls) or a row. */
export type ScrollAsk = { top: number; into?: undefined } | { top?: undefined; into: string }

/**
 * One conversation's state: opened by id or by listing (聊一聊), the latest history page, then a
 * ChatFeed for live messages; older pages on request; sends shown at once as pending; read up
 * to the newest whenever messages arrive while the page is shown.
 */
export const useConversation = (ref: { id?: string; listingId?: string }, signedIn: boolean) => {
  const [opened, setOpened] = useState<Opened>({ state: 'loading' })
  const [messages, setMessages] = useState<ChatMessage[]>([])
  const [pending, setPending] = useState<PendingMessage[]>([])
  const [olderBefore, setOlderBefore] = useState<number | null>(null)
  const [loadingOlder, setLoadingOlder] = useState(false)
  const [otherReadSeq, setOtherReadSeq] = useState(0)
  const [scroll, setScroll] = useState<ScrollAsk>({ top: 1e6 })
  const [attempt, setAttempt] = useState(0)
  const shown = useRef(true)
  const readSeq = useRef(0)
  const latestSeq = useRef(0)
  const convId = useRef<string | null>(null)

  const toBottom = () => setScroll((s) => ({ top: (s.top ?? 1e6) + 1 }))

  const readUpTo = (seq: number) => {
    latestSeq.current = Math.max(latestSeq.current, seq)
    const id = convId.current
    if (!id || !shown.current || latestSeq.current <= readSeq.current) return
    readSeq.current = latestSeq.current
    // Quiet: a missed read only leaves the badge up until the next visit.
    api.chat.markRead(id, readSeq.current).catch(() => undefined)
  }

  const open = async () => {
    setOpened({ state: 'loading' })
    try {
      const conversation = ref.id
        ? await api.chat.get(ref.id)
        : await api.chat.open(ref.listingId ?? '')
      convId.current = conversation.id
      readSeq.current = conversation.myReadSeq
      const page = await api.chat.history({ conversationId: conversation.id })
      const history = [...page.items].reverse()
      setMessages(history)
      setOlderBefore(page.nextBeforeSeq)
      setOtherReadSeq(page.otherReadSeq)
      setOpened({ state: 'ready', conversation })
      toBottom()
      readUpTo(page.lastSeq)
      return { conversation, history }
    } catch (e) {
      const self = isServiceError(e) && e.code === 'CHAT.CANNOT_CHAT_SELF'
      const gone =
        isServiceError(e) && (e.code === 'COMMON.NOT_FOUND' || e.code === 'COMMON.FORBIDDEN')
      setOpened({
        state: 'failed',
        title: self ? '这是你自己的宝贝' : gone ? '会话不存在' : '加载失败',
        description: self
          ? '买家发来的消息会出现在「消息」里'
          : gone
            ? '它可能已被删除，或你不是会话的一方'
            : '网络或服务开小差了',
        retry: !self && !gone,
      })
      if (!self && !gone) reportError(e, '加载失败，请稍后重试')
      return null
    }
  }

  useEffect(() => {
    if (!signedIn) return
    let feed: ChatFeed | null = null
    let closed = false
    void open().then((r) => {
      if (!r || closed) return
      const id = r.conversation.id
      const since = (afterSeq: number) => api.chat.since({ conversationId: id, afterSeq })
      const realtime = realtimeTransport(id)
      feed = new ChatFeed({
        since,
        transports: [realtime, pollingTransport(since)].filter(
          (t): t is FeedTransport => t !== null,
        ),
        onMessages: (ms) => {
          setMessages((held) => mergeMessages(held, ms))
          toBottom()
          readUpTo(ms.at(-1)!.seq)
        },
        onRead: (seq) => setOtherReadSeq((s) => Math.max(s, seq)),
      })
      feed.start(r.history)
    })
    return () => {
      closed = true
      feed?.close()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one feed per conversation and sign-in
  }, [signedIn, ref.id, ref.listingId, attempt])

  useDidShow(() => {
    shown.current = true
    readUpTo(latestSeq.current)
  })
  useDidHide(() => {
    shown.current = false
  })

  const loadOlder = async () => {
    const id = convId.current
    if (!id || olderBefore === null || loadingOlder) return
    setLoadingOlder(true)
    try {
      const first = messages[0]?.seq
      const page = await api.chat.history({ conversationId: id, beforeSeq: olderBefore })
      setMessages((held) => mergeMessages(held, page.items))
      setOlderBefore(page.nextBeforeSeq)
      // Keep the message that was on top in view instead of jumping to the oldest.
      if (first) setScroll({ into: `msg-${first}` })
    } catch (e) {
      reportError(e, '加载失败，请稍后重试')
    } finally {
      setLoadingOlder(false)
    }
  }

  const send = async (text: string, clientMsgId = newClientMsgId()) => {
    const id = convId.current
    if (!id) return
    setPending((p) => [
      ...p.filter((x) => x.clientMsgId !== clientMsgId),
      { clientMsgId, text, at: Date.now(), state: 'sending' },
    ])
    toBottom()
    try {
      const stored = await api.chat.send({ conversationId: id, clientMsgId, kind: 'text', text })
      setMessages((held) => mergeMessages(held, [stored]))
      setPending((p) => p.filter((x) => x.clientMsgId !== clientMsgId))
    } catch (e) {
      setPending((p) =>
        p.map((x) => (x.clientMsgId === clientMsgId ? { ...x, state: 'failed' } : x)),
      )
      reportError(e, '发送失败，请稍后重试')
      // Blocked meanwhile: show the notice instead of the composer.
      if (isServiceError(e) && e.code === 'CHAT.BLOCKED') void refresh()
    }
  }

  /** 发宝贝: shares one of the caller's listings as a card; shown once stored, as it is quick. */
  const sendListing = async (listingId: string) => {
    const id = convId.current
    if (!id) return false
    try {
      const stored = await api.chat.send({
        conversationId: id,
        clientMsgId: newClientMsgId(),
        kind: 'listing',
        listingId,
      })
      setMessages((held) => mergeMessages(held, [stored]))
      toBottom()
      return true
    } catch (e) {
      reportError(e, '发送失败，请稍后重试')
      if (isServiceError(e) && e.code === 'CHAT.BLOCKED') void refresh()
      return false
    }
  }

  /** The conversation again (after a block or unblock), keeping the thread. */
  const refresh = async () => {
    const id = convId.current
    if (!id) return
    const conversation = await api.chat.get(id).catch(() => null)
    if (conversation) setOpened({ state: 'ready', conversation })
  }

  return {
    opened,
    messages,
    pending,
    otherReadSeq,
    hasOlder: olderBefore !== null,
    loadingOlder,
    scroll,
    loadOlder,
    send,
    sendListing,
    /** A message of mine stored by another sender (a picture's): into the thread. */
    addStored: (m: ChatMessage) => setMessages((held) => mergeMessages(held, [m])),
    toBottom,
    refresh,
    retryOpen: () => setAttempt((a) => a + 1),
  }
}
