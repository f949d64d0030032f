import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { since } from '../src/modules/chat/application/read-messages.use-case'
import { findUserByOpenid } from '../src/modules/user/application/find-user-by-openid'
import { isBanned } from '../src/modules/user/domain/user.record'
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

export interface ChatStreamOptions {
  pollMs?: number
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
  let afterSeq = Number(resumeFrom)
  if (!conversationId || !Number.isSafeInteger(afterSeq) || afterSeq < 0)
    throw new HttpError(400, ErrorCodes.VALIDATION, '需要 conversationId 和有效的 afterSeq')

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

  let open = true
  let readSeq = -1
  let lastBeat = Date.now()
  res.on('close', () => (open = false))
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
      const woken = container.chatSignal.wait(conversationId, options.pollMs ?? CHAT_STREAM_POLL_MS)
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
