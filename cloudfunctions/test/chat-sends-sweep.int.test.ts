import { main as chat } from '../src/functions/chat'
import { main as cron } from '../src/functions/cron'
import {
  CHAT_SEND_RETENTION_MS,
  ChatSends,
  Messages,
  sendId,
} from '../src/modules/chat/domain/chat.records'
import { publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * chat_sends (the clientMsgId de-duplication keys) are swept by the hourly sweep-counters timer
 * once past the retention window, and not before: a retry inside the window still answers the
 * stored message.
 */
describe('chat sends: swept after the retention window', () => {
  let cloud: TestCloud
  let conversationId: string
  let buyerId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    ;[, buyerId] = await signUp(cloud, 'o-seller', 'o-buyer')
    const listing = await publishListing(cloud, 'o-seller')
    const opened = await invoke(chat, cloud, 'o-buyer', 'open', { listingId: listing.id })
    if (!opened.ok) throw new Error(opened.error.code)
    conversationId = opened.data.id
  })
  afterEach(() => cloud.stop())

  const send = async (clientMsgId: string, text: string) => {
    const res = await invoke(chat, cloud, 'o-buyer', 'send', {
      conversationId,
      clientMsgId,
      kind: 'text',
      text,
    })
    if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
    return res.data as { id: string; seq: number }
  }
  const sweep = async () => {
    const res = (await cron(
      {
        Type: 'Timer',
        TriggerName: 'sweep-counters',
        Time: new Date(cloud.clock.now()).toISOString(),
      },
      {},
    )) as { ok: boolean; data: { result: { chatSends: number } } }
    expect(res.ok).toBe(true)
    return res.data.result.chatSends
  }
  const kept = () => cloud.container.store.count(ChatSends, {})
  const record = (clientMsgId: string) =>
    cloud.container.store.get(ChatSends, sendId(conversationId, buyerId, clientMsgId))

  it('keeps sends for a week, so a late retry is still stored once, then sweeps the old ones', async () => {
    expect(CHAT_SEND_RETENTION_MS).toBe(7 * DAY)
    const old = await send('sweep-old-0001', '还在吗？')
    cloud.clock.advance(6 * DAY)
    const recent = await send('sweep-new-0001', '能便宜点吗')
    expect(await sweep()).toBe(0)
    expect(await kept()).toBe(2)

    // Just inside the window: nothing goes, and a retry answers the stored message.
    cloud.clock.advance(DAY - HOUR)
    expect(await sweep()).toBe(0)
    expect(await send('sweep-old-0001', '还在吗？')).toEqual(old)

    // Past it: the old send's record goes, the recent one stays and still de-duplicates.
    cloud.clock.advance(2 * HOUR)
    expect(await sweep()).toBe(1)
    expect(await record('sweep-old-0001')).toBeNull()
    expect(await record('sweep-new-0001')).not.toBeNull()
    expect(await send('sweep-new-0001', '能便宜点吗')).toEqual(recent)
    expect(await cloud.container.store.count(Messages, { conversationId })).toBe(2)
    // The messages themselves are kept: only the keys of retries went.
    expect(await cloud.container.store.get(Messages, old.id)).not.toBeNull()
  })
})
