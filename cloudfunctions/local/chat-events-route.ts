import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { since } from '../src/modules/chat/application/read-messages.use-case'
import { findUserByOpenid } from '../src/modules/user/application/find-user-by-openid'
import { isBanned, type UserRecord } from '../src/modules/user/domain/user.record'
import { verifyLocalSession } from '../src/platform/caller-identity'
import type { Container } from '../src/platform/container'
import { bearerToken, HttpError, httpErrorOf, methodNotAllowed } from './http-utils'

/**
 * An open stream wakes when the conversation is signalled (a send, a read), and looks anyway this
 * often: order events are posted inside the order's transaction, which signals nothing.
 */
export const CHAT_STREAM_POLL_MS = 1_000
/** A comment line this often keeps proxies and the browser from closing a quiet stream. */
const HEARTBEAT_MS = 15_000

/**
 * Streams one user may hold open at once: a phone with a few chats open, plus a tab or two. Each
 * stream holds a connection and polls the store every second, so a script opening hundreds would
 * load the local cloud for everyone; the next one is answered 429 until one closes.
 */
export const MAX_CHAT_STREAMS_PER_USER = 8

/** Open streams per user, for one server: `take` a slot before streaming, release it on close. */
export class ChatStreamSlots {
  private readonly open = new Map<string, number>()
  constructor(readonly perUser = MAX_CHAT_STREAMS_PER_USER) {}

  /** A slot for `userId`, as its release (safe to call more than once), or null when all are taken. */
  take(userId: string): (() => void) | null {
    const held = this.open.get(userId) ?? 0
    if (held >= this.perUser) return null
    this.open.set(userId, held + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.open.get(userId) ?? 1) - 1
      if (left > 0) this.open.set(userId, left)
      else this.open.delete(userId)
    }
  }

  /** How many streams `userId` holds open now. */
  held(userId: string): number {
    return this.open.get(userId) ?? 0
  }
}

export interface ChatStreamOptions {
  pollMs?: number
  /** The server's slots (one per server); a call without them gets its own, which caps nothing. */
  slots?: ChatStreamSlots
}

/**
 * GET /events/chat?conversationId=…&afterSeq=N — the H5 build's realtime transport: the
 * conversation's messages as Server-Sent Events, each `id:` its seq, so a client that reconnects
 * (Last-Event-ID, or afterSeq) gets exactly the messages after the last one it holds: none twice,
 * none lost. `read` events carry the other party's read seq (已读). The session is the app's
 * Bearer token (sent with fetch, since EventSource cannot set headers); what the stream may show
 * is decided by the same `since` use case as the chat function, so a stranger gets 404.
 * In the weapp build the same feed comes from CloudBase's database watch.
 */
export const handleChatEvents = async (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  container: Container,
  sessionSecret: string,
  options: ChatStreamOptions = {},
): Promise<void> => {
  if (req.method !== 'GET') throw methodNotAllowed(['GET'])
  const token = bearerToken(req)
  const session = token ? verifyLocalSession(token, sessionSecret, container.clock.now()) : null
  if (!session) throw new HttpError(401, ErrorCodes.UNAUTHENTICATED, '请先登录')
  const user = await findUserByOpenid(container, session.openid)
  if (!user) throw new HttpError(401, ErrorCodes.UNAUTHENTICATED, '请先登录')
  if (isBanned(user, container.clock.now()))
    throw new HttpError(403, ErrorCodes.USER_BANNED, '账号已被限制使用')
  const conversationId = url.searchParams.get('conversationId') ?? ''
  const resumeFrom = req.headers['last-event-id'] ?? url.searchParams.get('afterSeq') ?? '0'
  const afterSeq = Number(resumeFrom)
  if (!conversationId || !Number.isSafeInteger(afterSeq) || afterSeq < 0)
    throw new HttpError(400, ErrorCodes.VALIDATION, '需要 conversationId 和有效的 afterSeq')

  const release = (options.slots ?? new ChatStreamSlots()).take(user._id)
  if (!release)
    throw new HttpError(
      429,
      ErrorCodes.RATE_LIMITED,
      `同时打开的聊天太多了（最多 ${MAX_CHAT_STREAMS_PER_USER} 个），请关闭一些再试`,
      { limit: MAX_CHAT_STREAMS_PER_USER },
    )
  try {
    await stream(
      res,
      { container, user, conversationId, afterSeq, pollMs: options.pollMs },
      release,
    )
  } finally {
    release()
  }
}

/** The stream itself, once the caller holds a slot; `release` frees it as soon as the client hangs up. */
const stream = async (
  res: ServerResponse,
  s: {
    container: Container
    user: UserRecord
    conversationId: string
    afterSeq: number
    pollMs?: number
  },
  release: () => void,
) => {
  const { container, user, conversationId } = s
  let afterSeq = s.afterSeq
  let open = true
  const hangUp = () => {
    open = false
    release()
  }
  res.on('close', hangUp)
  // The client may have gone while it was being signed in: 'close' came before the listener.
  if (!res.socket || res.socket.destroyed) return hangUp()
  const next = () => since(container, user, { conversationId, afterSeq, limit: 100 })
  // The first read answers an outsider with 404 before any stream is opened.
  let page = await next().catch((e: unknown) => {
    throw isAppError(e) ? httpErrorOf(e) : e
  })
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  })
  res.write(`retry: 1000\n\n`)

  let readSeq = -1
  let lastBeat = Date.now()
  const emit = () => {
    for (const m of page.items) {
      res.write(`id: ${m.seq}\nevent: message\ndata: ${JSON.stringify(m)}\n\n`)
      afterSeq = m.seq
    }
    if (page.otherReadSeq !== readSeq) {
      readSeq = page.otherReadSeq
      res.write(`event: read\ndata: ${JSON.stringify({ otherReadSeq: readSeq })}\n\n`)
    }
    if (Date.now() - lastBeat >= HEARTBEAT_MS) {
      res.write(`: keep-alive\n\n`)
      lastBeat = Date.now()
    }
  }
  try {
    while (open) {
      emit()
      if (page.hasMore) {
        page = await next()
        continue
      }
      // Listening first, then asking once more: a message committed in between is not left
      // waiting for the timeout.
      const woken = container.chatSignal.wait(conversationId, s.pollMs ?? CHAT_STREAM_POLL_MS)
      page = await next()
      if (page.items.length === 0 && page.otherReadSeq === readSeq) {
        await woken
        if (open) page = await next()
      }
    }
  } catch {
    // The conversation went away, or the store closed: the client reconnects or falls back.
  }
  res.end()
}
