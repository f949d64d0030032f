import { main as chat } from '../src/functions/chat'
import { main as cron } from '../src/functions/cron'
import { CreditEvents } from '../src/modules/credit/domain/credit.records'
import { recomputeCredit } from '../src/modules/credit'
import { publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

const HOUR = 3_600_000

/**
 * 聊天回复率 for the seller's credit: each buyer's first question counts once, answered when the
 * seller writes back within a day; the hourly sweep turns closed questions into credit events.
 */
describe('chat reply rate: questions become the seller’s 聊天回复 credit events', () => {
  let cloud: TestCloud
  let sellerId: string
  beforeEach(async () => {
    cloud = startTestCloud()
    ;[sellerId] = await signUp(cloud, 'o-seller', 'o-buyer-1', 'o-buyer-2', 'o-buyer-3')
  })
  afterEach(() => cloud.stop())

  const open = async (listingId: string, buyer: string) => {
    const res = await invoke(chat, cloud, buyer, 'open', { listingId })
    if (!res.ok) throw new Error(res.error.code)
    return res.data.id as string
  }
  let n = 0
  const say = async (openid: string, conversationId: string, text: string) => {
    const res = await invoke(chat, cloud, openid, 'send', {
      conversationId,
      clientMsgId: `message-${++n}`,
      kind: 'text',
      text,
    })
    if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`)
  }
  const sweep = async () => {
    const res = (await cron(
      {
        Type: 'Timer',
        TriggerName: 'sweep-counters',
        Time: new Date(cloud.clock.now()).toISOString(),
      },
      {},
    )) as { ok: boolean; data: { result: { questionsScored: number } } }
    expect(res.ok).toBe(true)
    return res.data.result.questionsScored
  }
  const replyEvents = async () =>
    (await cloud.container.store.find(CreditEvents, { userId: sellerId }, { limit: 50 })).items
      .map((e) => e.event as { kind: string; answered?: number; asked?: number })
      .filter((e) => e.kind === 'chat_replies')

  it('scores each question once after its day: answered in time, answered late, never answered', async () => {
    const listing = await publishListing(cloud, 'o-seller')
    const quick = await open(listing.id, 'o-buyer-1')
    const late = await open(listing.id, 'o-buyer-2')
    const ignored = await open(listing.id, 'o-buyer-3')
    await say('o-buyer-1', quick, '还在吗？')
    await say('o-buyer-2', late, '可以便宜点吗？')
    await say('o-buyer-3', ignored, '能当面看看吗？')
    await say('o-buyer-1', quick, '在线等')
    cloud.clock.advance(2 * HOUR)
    await say('o-seller', quick, '在的，可以面交')

    // Inside the day nothing is scored yet: the seller may still answer.
    expect(await sweep()).toBe(0)
    cloud.clock.advance(23 * HOUR)
    await say('o-seller', late, '不好意思才看到')
    expect(await sweep()).toBe(3)
    expect(await sweep()).toBe(0)
    const events = await replyEvents()
    expect(events).toHaveLength(3)
    expect(events.map((e) => e.answered).sort()).toEqual([0, 0, 1])
    expect(events.every((e) => e.asked === 1)).toBe(true)

    // A question asked again in an answered conversation does not count twice.
    await say('o-buyer-1', quick, '那明天见')
    cloud.clock.advance(25 * HOUR)
    expect(await sweep()).toBe(0)

    // The incremental events and the nightly full run agree.
    expect(await recomputeCredit(cloud.container)).toMatchObject({ drifted: 0 })
  })

  it('a seller’s own first message is not a question, and what the seller says first is no answer', async () => {
    const listing = await publishListing(cloud, 'o-seller')
    const conv = await open(listing.id, 'o-buyer-1')
    await say('o-seller', conv, '你好，有什么想问的？')
    cloud.clock.advance(25 * HOUR)
    expect(await sweep()).toBe(0)
    await say('o-buyer-1', conv, '还能再便宜吗')
    cloud.clock.advance(25 * HOUR)
    expect(await sweep()).toBe(1)
    expect((await replyEvents()).map((e) => e.answered)).toEqual([0])
  })
})
