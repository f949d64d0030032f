import { createHmac, timingSafeEqual } from 'node:crypto'
import cloudbase from '@cloudbase/node-sdk'

/** Finds who is calling from the function's context. Never from the payload. */
export interface IdentitySource {
  /** The caller's OPENID, or null when the call carries no valid identity. */
  openidOf(context: unknown): string | null
  /** The client's network address as the platform saw it (never a header from the payload), or null. */
  clientIpOf(context: unknown): string | null
}

/** `::ffff:1.2.3.4` is an IPv4 client on a dual-stack socket: one client, one key. */
export const plainAddress = (ip: unknown): string | null => {
  if (typeof ip !== 'string' || ip.length === 0 || ip.length > 64) return null
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip
}

/**
 * CloudBase: wx.cloud.callFunction puts the WeChat identity into the function's environment
 * (WX_OPENID), which the SDK reads from process.env and the context.
 */
export const cloudbaseIdentity: IdentitySource = {
  openidOf(context) {
    const env = cloudbase.getCloudbaseContext(context as never) as { WX_OPENID?: string }
    return env.WX_OPENID || null
  },
  // wx.cloud.callFunction adds the caller's address next to the OPENID.
  clientIpOf(context) {
    const env = cloudbase.getCloudbaseContext(context as never) as {
      WX_CLIENTIP?: string
      WX_CLIENTIPV6?: string
    }
    return plainAddress(env.WX_CLIENTIP || env.WX_CLIENTIPV6)
  },
}

/** The local gateway's stand-in for WeChat: an HMAC-signed session naming a demo user. */
export interface LocalSession {
  openid: string
  /** Expiry, epoch ms. */
  exp: number
}

const b64url = (buf: Buffer) => buf.toString('base64url')

export const signLocalSession = (session: LocalSession, secret: string): string => {
  const body = b64url(Buffer.from(JSON.stringify(session)))
  const mac = b64url(createHmac('sha256', secret).update(body).digest())
  return `${body}.${mac}`
}

export const verifyLocalSession = (
  token: string,
  secret: string,
  now: number,
): LocalSession | null => {
  // Exactly body.mac: anything after the MAC would be unsigned text riding along on a valid token.
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [body, mac] = parts
  if (!body || !mac) return null
  // Compare the text, not the decoded bytes: base64url ignores the spare bits of the last
  // character, so a token with another last letter would decode to the same MAC and pass.
  const expected = Buffer.from(b64url(createHmac('sha256', secret).update(body).digest()))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const session = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LocalSession
    if (typeof session.openid !== 'string' || typeof session.exp !== 'number') return null
    return session.exp > now ? session : null
  } catch {
    return null
  }
}

/** The context the local gateway hands to `main`: CloudBase's shape plus the signed session. */
export interface LocalContext {
  requestId?: string
  localSession?: string
  /** The socket's remote address, put there by the gateway (CloudBase: WX_CLIENTIP). */
  clientIp?: string
}

export const localIdentity = (secret: string, now: () => number): IdentitySource => ({
  openidOf(context) {
    const token = (context as LocalContext | undefined)?.localSession
    if (typeof token !== 'string') return null
    return verifyLocalSession(token, secret, now())?.openid ?? null
  },
  clientIpOf(context) {
    return plainAddress((context as LocalContext | undefined)?.clientIp)
  },
})
