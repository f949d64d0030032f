import fc from 'fast-check'
import { taroMock } from './taro-mock'
import { createSseParser, type SseEvent } from '../sse'
import { watchTransport } from '../chat-stream.weapp'
import type { FeedHandlers } from '../chat-feed'

jest.mock('@tarojs/taro', () => taroMock)

const handlers = () => {
  const seen: string[] = []
  const h: FeedHandlers = {
    message: (m) => seen.push(`message ${m.seq}`),
    poke: () => seen.push('poke'),
    read: (s) => seen.push(`read ${s}`),
    drop: () => seen.push('drop'),
  }
  return { h, seen }
}

describe('createSseParser', () => {
  const STREAM =
    'retry: 1000\n\n' +
    ': keep-alive\n\n' +
    'id: 3\nevent: message\ndata: {"seq":3}\n\n' +
    'event: read\ndata: {"otherReadSeq":2}\n\n' +
    'id: 4\r\nevent: message\r\ndata: line one\r\ndata: line two\r\n\r\n'

  const parseAll = (chunks: string[]) => {
    const events: SseEvent[] = []
    const push = createSseParser((e) => events.push(e))
    for (const c of chunks) push(c)
    return events
  }

  it('reads ids, event names and multi-line data, skipping comments and retry', () => {
    expect(parseAll([STREAM])).toEqual([
      { id: '3', event: 'message', data: '{"seq":3}' },
      { event: 'read', data: '{"otherReadSeq":2}' },
      { id: '4', event: 'message', data: 'line one\nline two' },
    ])
  })

  it('gives the same events however the stream is cut into chunks', () => {
    const whole = parseAll([STREAM])
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: STREAM.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), STREAM.length]
          const chunks = at.slice(1).map((end, i) => STREAM.slice(at[i], end))
          expect(parseAll(chunks)).toEqual(whole)
        },
      ),
    )
  })
})

describe('watchTransport (weapp): the database watch rings, chat.since answers', () => {
  const fakeDb = () => {
    const calls: { where?: unknown; closed: boolean } = { closed: false }
    let options: { onChange: (s: unknown) => void; onError: (e: unknown) => void } | null = null
    const db = {
      command: { gt: (n: number) => ({ $gt: n }) },
      collection: (name: string) => {
        expect(name).toBe('chat_messages')
        return {
          where: (w: unknown) => {
            calls.where = w
            return {
              watch: (o: typeof options) => {
                options = o
                return { close: () => (calls.closed = true) }
              },
            }
          },
        }
      },
    }
    return { db, calls, fire: () => options! }
  }

  it('watches the conversation after the held seq, pokes on changes, drops on errors, closes on stop', () => {
    const { db, calls, fire } = fakeDb()
    const { h, seen } = handlers()
    const stop = watchTransport('L1:B1', () => db as never).connect(7, h)
    expect(calls.where).toEqual({ conversationId: 'L1:B1', seq: { $gt: 7 } })
    fire().onChange({ docChanges: [] })
    fire().onChange({ docChanges: [{ dataType: 'add' }] })
    fire().onError(new Error('socket closed'))
    expect(seen).toEqual(['poke', 'drop'])
    stop()
    expect(calls.closed).toBe(true)
  })
})
