import type { ChatMessage } from '@shared/contracts/chat.contract'
import type { FeedTransport } from './chat-feed'
import { authHeader } from './session'
import { createSseParser } from './sse'

/**
 * The H5 build's realtime transport: the local cloud's GET /events/chat as Server-Sent Events,
 * read with fetch (EventSource cannot send the session header). It resumes after the seq the
 * feed holds; the end of the stream or a failure is a drop, and the feed reconnects or falls back.
 */
export const sseTransport = (
  conversationId: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): FeedTransport => ({
  name: 'sse',
  connect(afterSeq, handlers) {
    const abort = new AbortController()
    const parse = createSseParser((e) => {
      if (e.event === 'message') handlers.message(JSON.parse(e.data) as ChatMessage)
      else if (e.event === 'read')
        handlers.read((JSON.parse(e.data) as { otherReadSeq: number }).otherReadSeq)
    })
    const url = `/events/chat?conversationId=${encodeURIComponent(conversationId)}&afterSeq=${afterSeq}`
    void (async () => {
      try {
        const res = await fetchImpl(url, { headers: authHeader(), signal: abort.signal })
        if (!res.ok || !res.body) throw new Error(`chat events answered ${res.status}`)
        const reader = res.body.getReader()
        const decoder = new TextDecoder()
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          parse(decoder.decode(value, { stream: true }))
        }
        handlers.drop(new Error('chat events ended'))
      } catch (e) {
        if (!abort.signal.aborted) handlers.drop(e)
      }
    })()
    return () => abort.abort()
  },
})

export const realtimeTransport = (conversationId: string): FeedTransport | null =>
  sseTransport(conversationId)
