/**
 * Whose attempts a limit counts. A signed-in caller is counted as the user; an anonymous one by
 * the client's address from the platform context. An IPv6 client is counted by its /64: one
 * subscriber usually holds the whole prefix, so a new address per call would slip past a limit.
 */
export const addressKey = (ip: string | null): string => {
  if (!ip) return 'unknown' // every caller without an address shares one allowance
  const bare = ip.split('%')[0]!.toLowerCase()
  if (!bare.includes(':')) return bare
  const [head, tail] = bare.split('::', 2) as [string, string | undefined]
  const front = head ? head.split(':') : []
  const back = tail ? tail.split(':') : []
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back]
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** `user:<id>` when signed in, otherwise `ip:<address key>`. */
export const callerKey = (userId: string | null, ip: string | null): string =>
  userId ? `user:${userId}` : `ip:${addressKey(ip)}`
