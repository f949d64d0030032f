import { main as cron } from '../src/functions/cron'
import { main as search } from '../src/functions/search'
import { HotTerms, HotVotes } from '../src/modules/search/domain/search.records'
import { signUp, startTestCloud, type TestCloud } from './harness'

/** 热搜 that cannot be gamed: people count, calls do not, and anonymous calls count for nothing. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await signUp(cloud, 'o-a', 'o-b', 'o-c', 'o-d')
})
afterEach(() => cloud.stop())

type Envelope = { ok: true; data: any } | { ok: false; error: { code: string } }
const query = async (openid: string | null, keyword: string, city = '上海', ip = '10.1.1.1') => {
  const res = (await search(
    { action: 'query', input: { city, keyword } },
    cloud.contextFor(openid, ip),
  )) as Envelope
  if (!res.ok) throw new Error(res.error.code)
}
const hot = async (city = '上海'): Promise<string[]> => {
  const res = (await search({ action: 'hot', input: { city } }, cloud.contextFor(null))) as Envelope
  if (!res.ok) throw new Error(res.error.code)
  return res.data.keywords
}
const HOUR = 3_600_000

describe('热搜', () => {
  it('leaves a keyword searched 60 times anonymously out entirely', async () => {
    await query('o-a', '自行车')
    for (let i = 0; i < 60; i++) await query(null, '刷榜广告', '上海', `10.2.${i}.1`)
    expect(await hot()).toEqual(['自行车'])
    expect(await cloud.container.store.count(HotTerms, {})).toBe(1)
  })

  it('counts one user searching 60 times once, and three users three times', async () => {
    for (let i = 0; i < 60; i++) await query('o-a', '刷榜广告')
    for (const u of ['o-b', 'o-c', 'o-d']) await query(u, '自行车')
    await query('o-b', '书桌')
    await query('o-c', '书桌')
    expect(await hot()).toEqual(['自行车', '书桌', '刷榜广告'])
    const terms = (await cloud.container.store.find(HotTerms, {}, { limit: 10 })).items
    expect(Object.fromEntries(terms.map((t) => [t.keyword, t.count]))).toEqual({
      刷榜广告: 1,
      自行车: 3,
      书桌: 2,
    })
  })

  it('treats case and spacing as one keyword', async () => {
    await query('o-a', 'iPhone')
    await query('o-a', 'iphone ')
    await query('o-b', 'IPHONE')
    const [term] = (await cloud.container.store.find(HotTerms, {}, { limit: 10 })).items
    expect(term).toMatchObject({ count: 2 })
    expect((await hot()).map((k) => k.toLowerCase())).toEqual(['iphone'])
  })

  it('is per city', async () => {
    await query('o-a', '自行车', '上海')
    await query('o-b', '西湖龙井', '杭州')
    expect(await hot('上海')).toEqual(['自行车'])
    expect(await hot('杭州')).toEqual(['西湖龙井'])
  })

  it('counts a user again on the next China day and reads the last 7 days only', async () => {
    // 12:00 in Beijing; midnight in Beijing is 16:00 UTC.
    await query('o-a', '台灯')
    cloud.clock.advance(11 * HOUR) // 23:00 in Beijing: still the same day
    await query('o-a', '台灯')
    cloud.clock.advance(HOUR) // 00:00 the next day
    await query('o-a', '台灯')
    await query('o-b', '风扇')
    const days = (
      await cloud.container.store.find(HotTerms, { keyword: '台灯' }, { limit: 10 })
    ).items.map((t) => t.count)
    expect(days).toEqual([1, 1])
    expect(await hot()).toEqual(['台灯', '风扇'])
    cloud.clock.advance(6 * 24 * HOUR) // the first day is now 7 days back: out
    expect(await hot()).toEqual(['台灯', '风扇'])
    cloud.clock.advance(24 * HOUR)
    expect(await hot()).toEqual([])
  })

  it('reads each day from the (city, day, count) index, never scanning the collection', async () => {
    await query('o-a', '自行车')
    const db = cloud.container.store.connection
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT doc FROM "c_search_hot_terms" WHERE "f_city" = ? AND "f_day" = ? ORDER BY "f_count" DESC, _id DESC LIMIT 51`,
      )
      .all('上海', 20000) as { detail: string }[]
    const detail = plan.map((p) => p.detail).join(' ')
    expect(detail).toMatch(/USING (COVERING )?INDEX search_hot_terms__city_day_count/)
    expect(detail).not.toMatch(/TEMP B-TREE/)
  })

  it('sweeps votes of past days and counts older than a week from the sweep-counters timer', async () => {
    await query('o-a', '自行车')
    cloud.clock.advance(24 * HOUR)
    await query('o-a', '自行车')
    expect(await cloud.container.store.count(HotVotes, {})).toBe(2)
    const sweep = async () =>
      (await cron(
        {
          Type: 'Timer',
          TriggerName: 'sweep-counters',
          Time: new Date(cloud.clock.now()).toISOString(),
        },
        {},
      )) as Envelope
    expect(await sweep()).toMatchObject({
      ok: true,
      data: { result: { hot: { votes: 1, terms: 0 } } },
    })
    expect(await hot()).toEqual(['自行车'])
    cloud.clock.advance(6 * 24 * HOUR)
    expect(await sweep()).toMatchObject({
      ok: true,
      data: { result: { hot: { votes: 1, terms: 1 } } },
    })
    expect(await cloud.container.store.count(HotTerms, {})).toBe(1)
    expect(await hot()).toEqual(['自行车'])
  })
})
