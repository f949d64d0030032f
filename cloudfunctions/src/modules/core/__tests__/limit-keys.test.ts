import { addressKey, callerKey } from '../application/limit-keys'

describe('limit keys', () => {
  it('counts a signed-in caller as the user, wherever they call from', () => {
    expect(callerKey('01USER', '192.0.2.1')).toBe('user:01USER')
    expect(callerKey(null, '192.0.2.1')).toBe('ip:192.0.2.1')
  })

  it('counts an IPv6 client by its /64, however the address is written', () => {
    const key = '2001:db8:1:2::/64'
    for (const ip of [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:DB8:1:2:0:0:0:9',
      '2001:db8:1:2::1%eth0',
    ]) {
      expect(addressKey(ip)).toBe(key)
    }
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key)
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64')
  })

  it('puts callers without an address in one shared bucket rather than none', () => {
    expect(addressKey(null)).toBe('unknown')
    expect(callerKey(null, null)).toBe('ip:unknown')
  })
})
