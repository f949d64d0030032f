import {
  cloudbaseIdentity,
  localIdentity,
  signLocalSession,
  verifyLocalSession,
} from '../caller-identity'

describe('local sessions', () => {
  const now = 1_000_000
  const token = signLocalSession({ openid: 'o-demo-01', exp: now + 1000 }, 'secret')

  it('verifies a session signed with the secret until it expires', () => {
    expect(verifyLocalSession(token, 'secret', now)).toEqual({
      openid: 'o-demo-01',
      exp: now + 1000,
    })
    expect(verifyLocalSession(token, 'secret', now + 1000)).toBeNull()
  })

  it('rejects another secret, a tampered body and garbage', () => {
    expect(verifyLocalSession(token, 'other', now)).toBeNull()
    const [, mac] = token.split('.')
    const forgedBody = Buffer.from(JSON.stringify({ openid: 'o-admin', exp: now + 1000 })).toString(
      'base64url',
    )
    expect(verifyLocalSession(`${forgedBody}.${mac}`, 'secret', now)).toBeNull()
    for (const junk of ['', '.', 'a.b', 'x'.repeat(300)])
      expect(verifyLocalSession(junk, 'secret', now)).toBeNull()
    // Every other last character, including ones that decode to the same bytes, is refused.
    const last = mac!.slice(-1)
    for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
      if (c !== last)
        expect(verifyLocalSession(`${token.slice(0, -1)}${c}`, 'secret', now)).toBeNull()
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

describe('client address', () => {
  it('locally: the address the gateway put in the context, an IPv4-mapped one as plain IPv4', () => {
    const identity = localIdentity('secret', () => 0)
    expect(identity.clientIpOf({ clientIp: '192.0.2.7' })).toBe('192.0.2.7')
    expect(identity.clientIpOf({ clientIp: '::ffff:127.0.0.1' })).toBe('127.0.0.1')
    expect(identity.clientIpOf({ clientIp: '2001:db8::1' })).toBe('2001:db8::1')
    expect(identity.clientIpOf({ WX_CLIENTIP: '6.6.6.6' })).toBeNull()
    expect(identity.clientIpOf({ clientIp: 42 })).toBeNull()
    expect(identity.clientIpOf(undefined)).toBeNull()
  })

  it("in CloudBase: WX_CLIENTIP, else WX_CLIENTIPV6, from the function's context", () => {
    const context = (env: Record<string, string>) => ({
      environment: JSON.stringify({ WX_OPENID: 'o-1', ...env }),
    })
    expect(
      cloudbaseIdentity.clientIpOf(
        context({ WX_CLIENTIP: '203.0.113.9', WX_CLIENTIPV6: '2001:db8::9' }),
      ),
    ).toBe('203.0.113.9')
    expect(cloudbaseIdentity.clientIpOf(context({ WX_CLIENTIPV6: '2001:db8::9' }))).toBe(
      '2001:db8::9',
    )
    expect(cloudbaseIdentity.clientIpOf(context({}))).toBeNull()
  })
})
