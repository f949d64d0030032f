import { main } from '../src/functions/user'
import { invoke, startTestCloud, type TestCloud } from './harness'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.stop())

const call = (openid: string | null, action: string, input?: unknown) =>
  invoke(main, cloud, openid, action, input)

describe('user function', () => {
  it('registers on first login and finds the same user afterwards', async () => {
    const first = await call('o-alice', 'login', {})
    const second = await call('o-alice', 'login', {})
    expect(first).toMatchObject({
      ok: true,
      data: { isNew: true, user: { roles: ['user'], city: null } },
    })
    expect(second).toMatchObject({ ok: true, data: { isNew: false } })
    if (!first.ok || !second.ok) throw new Error('login failed')
    expect(second.data.user.id).toBe(first.data.user.id)
    expect(first.data.user.nickname).toMatch(/^邻居[0-9A-Z]{4}$/)
  })

  it('gives racing first logins of one OPENID one user', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => call('o-race', 'login', {})))
    const ids = new Set(results.map((r) => (r.ok ? r.data.user.id : r.error.code)))
    expect(ids.size).toBe(1)
    expect(await cloud.container.store.count({ name: 'users', indexes: [] }, {})).toBe(1)
  })

  it('never exposes the OPENID', async () => {
    const res = await call('o-secret-openid', 'login', {})
    expect(JSON.stringify(res)).not.toContain('o-secret-openid')
  })

  it('rejects calls without a valid session', async () => {
    expect(await call(null, 'login', {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
    const forged = await main(
      { action: 'me', input: {} },
      { localSession: 'eyJvcGVuaWQiOiJ4In0.bad' },
    )
    expect(forged).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } })
  })

  it('ignores an identity smuggled in the payload', async () => {
    await call('o-bob', 'login', {})
    const res = await main({ action: 'me', input: { openid: 'o-bob' } }, {})
    expect(res).toMatchObject({ ok: false })
  })

  it('asks an identified but unregistered caller to log in first', async () => {
    expect(await call('o-new', 'me', {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
  })

  it('updates the profile and validates it', async () => {
    await call('o-carol', 'login', {})
    const avatar = await cloud.uploadPhoto('o-carol', 'avatars')
    const ok = await call('o-carol', 'updateProfile', {
      nickname: ' 小王 ',
      city: '杭州',
      avatarFileId: avatar,
    })
    expect(ok).toMatchObject({
      ok: true,
      data: { nickname: '小王', city: '杭州', avatarUrl: avatar.replace('local://', '/files/') },
    })
    expect(await call('o-carol', 'me', {})).toMatchObject({ ok: true, data: { nickname: '小王' } })

    for (const bad of [
      {},
      { nickname: '' },
      { nickname: 'x'.repeat(21) },
      { city: '火星' },
      { role: 'admin' },
    ]) {
      expect(await call('o-carol', 'updateProfile', bad)).toMatchObject({
        ok: false,
        error: { code: 'COMMON.VALIDATION' },
      })
    }
    const missing = await call('o-carol', 'updateProfile', {
      avatarFileId: 'local://avatars/nope.png',
    })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION', details: { path: 'avatarFileId' } },
    })
    expect(await call('o-carol', 'me', {})).toMatchObject({
      ok: true,
      data: { nickname: '小王', city: '杭州' },
    })
  })

  it('answers unknown actions and malformed events clearly', async () => {
    expect(await call('o-dan', 'delete', {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION' },
    })
    expect(await main(null, {})).toMatchObject({ ok: false, error: { code: 'COMMON.VALIDATION' } })
    expect(await main({ input: {} }, {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION' },
    })
    expect(await call('o-dan', 'login', { huge: 'x'.repeat(70_000) })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION' },
    })
  })

  it('refuses banned users', async () => {
    const res = await call('o-eve', 'login', {})
    if (!res.ok) throw new Error('login failed')
    await cloud.container.store.update({ name: 'users', indexes: [] }, res.data.user.id, {
      bannedUntil: cloud.clock.now() + 60_000,
    })
    expect(await call('o-eve', 'me', {})).toMatchObject({
      ok: false,
      error: { code: 'USER.BANNED' },
    })
    expect(await call('o-eve', 'login', {})).toMatchObject({
      ok: false,
      error: { code: 'USER.BANNED' },
    })
    cloud.clock.advance(61_000)
    expect(await call('o-eve', 'me', {})).toMatchObject({ ok: true })
  })
})
