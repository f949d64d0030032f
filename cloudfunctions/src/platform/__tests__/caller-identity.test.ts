import { localIdentity, signLocalSession, verifyLocalSession } from '../caller-identity'

describe('local sessions', () => {
  const now = 1_000_000
  const token = signLocalSession({ openid: 'o-demo-01', exp: now + 1000 }, 'secret')

  it('verifies a session signed with the secret until it expires', () => {
    expect(verifyLocalSession(token, 'secret', now)).toEqual({ openid: 'o-demo-01', exp: now + 1000 })
    expect(verifyLocalSession(token, 'secret', now + 1000)).toBeNull()
  })

  it('rejects another secret, a tampered body and garbage', () => {
    expect(verifyLocalSession(token, 'other', now)).toBeNull()
    const [, mac] = token.split('.')
    const forgedBody = Buffer.from(JSON.stringify({ openid: 'o-admin', exp: now + 1000 })).toString('base64url')
    expect(verifyLocalSession(`${forgedBody}.${mac}`, 'secret', now)).toBeNull()
    for (const junk of ['', '.', 'a.b', 'x'.repeat(300)]) expect(verifyLocalSession(junk, 'secret', now)).toBeNull()
    // Every other last character, including ones that decode to the same bytes, is refused.
    const last = mac!.slice(-1)
    for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
      if (c !== last) expect(verifyLocalSession(`${token.slice(0, -1)}${c}`, 'secret', now)).toBeNull()
    }
  })

  it('refuses a valid token with anything after the MAC', () => {
    for (const tail of ['.', '.x', '.eyJvcGVuaWQiOiJvLWFkbWluIn0', '..']) {
      expect(verifyLocalSession(`${token}${tail}`, 'secret', now)).toBeNull()
    }
    expect(verifyLocalSession(token, 'secret', now)).not.toBeNull()
  })

  it('reads the identity from the context, never from anything else', () => {
    const identity = localIdentity('secret', () => now)
    expect(identity.openidOf({ localSession: token })).toBe('o-demo-01')
    expect(identity.openidOf({ OPENID: 'o-demo-01' })).toBeNull()
    expect(identity.openidOf(undefined)).toBeNull()
  })
})
