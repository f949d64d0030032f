import { main as cron } from '../src/functions/cron'
import { main as search } from '../src/functions/search'
import { main as social } from '../src/functions/social'
import { main as user } from '../src/functions/user'
import { RateWindows } from '../src/adapters/rate-limit/document-store-rate-limiter'
import { QUERY_PER_ADDRESS } from '../src/modules/search/domain/search.limits'
import { XUHUI, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

/** Limits on public, guessable and costly actions, end to end through `main` (ARCHITECTURE.md §7). */
let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await signUp(cloud, 'o-seller', 'o-buyer', 'o-other')
})
afterEach(() => cloud.stop())

type Envelope =
  { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

/** A search call as the gateway would make it: identity and client address from the context. */
const searchAs = (
  openid: string | null,
  ip: string | undefined,
  action: 'query' | 'suggest',
  input: Record<string, unknown>,
) =>
  search(
    { action, input: { city: '上海', ...input } },
    cloud.contextFor(openid, ip),
  ) as Promise<Envelope>

const limited = (message: RegExp | string) => ({
  ok: false,
  error: {
    code: 'COMMON.RATE_LIMITED',
    message: typeof message === 'string' ? message : expect.stringMatching(message),
    details: { retryAfterMs: expect.any(Number) },
  },
})

describe('search limits', () => {
  beforeEach(async () => {
    await publishListing(cloud, 'o-seller', { title: '索尼 降噪耳机 WH-1000XM4' })
  })

  it('refuses the 61st search of one user in a minute, with retryAfterMs, whatever address it comes from', async () => {
    for (let i = 0; i < 60; i++) {
      const res = await searchAs('o-buyer', `10.0.${i}.1`, 'query', { keyword: '耳机' })
      expect(res.ok).toBe(true)
    }
    const refused = await searchAs('o-buyer', '10.9.9.9', 'query', { keyword: '耳机' })
    expect(refused).toMatchObject(limited('搜索太频繁了，请稍后再试'))
    if (refused.ok) return
    expect(refused.error.details.retryAfterMs).toBeGreaterThan(0)
    expect(refused.error.details.retryAfterMs).toBeLessThanOrEqual(120_000)
    // Others are not affected, and neither are the user's suggestions.
    expect((await searchAs('o-other', '10.9.9.9', 'query', { keyword: '耳机' })).ok).toBe(true)
    expect((await searchAs('o-buyer', '10.9.9.9', 'suggest', { prefix: '耳' })).ok).toBe(true)
    cloud.clock.advance(refused.error.details.retryAfterMs)
    expect((await searchAs('o-buyer', '10.9.9.9', 'query', { keyword: '耳机' })).ok).toBe(true)
  })

  it('limits anonymous searches per client address, an IPv6 client by its /64', async () => {
    for (let i = 0; i < 120; i++)
      expect((await searchAs(null, '203.0.113.7', 'query', { keyword: '耳机' })).ok).toBe(true)
    expect(await searchAs(null, '203.0.113.7', 'query', {})).toMatchObject(
      limited('搜索太频繁了，请稍后再试'),
    )
    // Another address is fine; a signed-in user on the same address is counted as the user.
    expect((await searchAs(null, '203.0.113.8', 'query', { keyword: '耳机' })).ok).toBe(true)
    expect((await searchAs('o-buyer', '203.0.113.7', 'query', { keyword: '耳机' })).ok).toBe(true)

    for (let i = 0; i < 120; i++)
      expect((await searchAs(null, `2001:db8:1:2::${(i + 1).toString(16)}`, 'query', {})).ok).toBe(
        true,
      )
    expect(await searchAs(null, '2001:db8:1:2:ffff:ffff:ffff:ffff', 'query', {})).toMatchObject(
      limited(/搜索/),
    )
    expect((await searchAs(null, '2001:db8:1:3::1', 'query', {})).ok).toBe(true)
  })

  it('limits suggestions on their own, anonymous ones per address', async () => {
    for (let i = 0; i < 240; i++)
      expect((await searchAs(null, '198.51.100.1', 'suggest', { prefix: '耳' })).ok).toBe(true)
    expect(await searchAs(null, '198.51.100.1', 'suggest', { prefix: '耳' })).toMatchObject(
      limited(/搜索/),
    )
    expect((await searchAs(null, '198.51.100.1', 'query', {})).ok).toBe(true)
  })

  it('counts callers without an address together, never leaving them unlimited', async () => {
    for (let i = 0; i < 120; i++)
      expect((await searchAs(null, undefined, 'query', {})).ok).toBe(true)
    expect(await searchAs(null, undefined, 'query', {})).toMatchObject(limited(/搜索/))
  })
})

describe('sign-in and invite-code limits', () => {
  it('refuses user.login after 30 in ten minutes for one OPENID', async () => {
    for (let i = 0; i < 29; i++)
      expect((await invoke(user, cloud, 'o-buyer', 'login', {})).ok).toBe(true) // signUp was the first
    expect(await invoke(user, cloud, 'o-buyer', 'login', {})).toMatchObject(
      limited('登录太频繁了，请稍后再试'),
    )
    expect((await invoke(user, cloud, 'o-other', 'login', {})).ok).toBe(true)
    cloud.clock.advance(20 * 60_000)
    expect((await invoke(user, cloud, 'o-buyer', 'login', {})).ok).toBe(true)
  })

  it('allows 10 invite codes an hour per user, right or wrong, so codes cannot be guessed', async () => {
    const created = await invoke(social, cloud, 'o-seller', 'createCommunity', {
      name: '西岸公寓',
      type: 'residential',
      location: XUHUI,
    })
    if (!created.ok) throw new Error(created.error.code)
    const code: string = created.data.inviteCode
    for (let i = 0; i < 10; i++) {
      const guess = `ZZZZ${String(i).padStart(2, '0')}`
      expect(
        await invoke(social, cloud, 'o-buyer', 'joinCommunity', { inviteCode: guess }),
      ).toMatchObject({ ok: false, error: { code: 'SOCIAL.BAD_INVITE' } })
    }
    // The 11th is refused even with the right code: the limit does not say which guess was right.
    expect(
      await invoke(social, cloud, 'o-buyer', 'joinCommunity', { inviteCode: code }),
    ).toMatchObject(limited(/邀请码/))
    expect(
      await invoke(social, cloud, 'o-other', 'joinCommunity', { inviteCode: code }),
    ).toMatchObject({ ok: true, data: { memberCount: 2 } })
    // Joining from the map is not a guess and stays open.
    expect(
      await invoke(social, cloud, 'o-buyer', 'joinCommunity', { communityId: created.data.id }),
    ).toMatchObject({ ok: true, data: { memberCount: 3 } })
  })
})

describe('the sweep-counters timer', () => {
  it('removes rate windows that have ended and keeps the live ones', async () => {
    await searchAs(null, '192.0.2.1', 'query', {})
    cloud.clock.advance(30 * 60_000) // past the search window and the sign-ups' login windows
    await searchAs(null, '192.0.2.2', 'query', {})
    const before = await cloud.container.store.count(RateWindows, {})
    expect(before).toBeGreaterThanOrEqual(2)
    const res = (await cron(
      {
        Type: 'Timer',
        TriggerName: 'sweep-counters',
        Time: new Date(cloud.clock.now()).toISOString(),
      },
      {},
    )) as Envelope
    expect(res).toMatchObject({ ok: true, data: { result: { rateWindows: before - 1 } } })
    // A signed-in person sending a timer's event runs nothing.
    const forged = (await cron(
      { Type: 'Timer', TriggerName: 'sweep-counters', Time: new Date().toISOString() },
      cloud.contextFor('o-anyone'),
    )) as Envelope
    expect(forged).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } })
    expect(await cloud.container.store.count(RateWindows, {})).toBe(1)
    // The live one still counts.
    expect((await cloud.container.limits.peek(QUERY_PER_ADDRESS, 'ip:192.0.2.2')).remaining).toBe(
      118,
    )
  })
})
