import { DAY } from '@shared/domain/time'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { plainAddress, signLocalSession } from '../src/platform/caller-identity'
import type { Container } from '../src/platform/container'
import { enforceLimit } from '../src/modules/core/application/enforce-limit'
import { addressKey } from '../src/modules/core/application/limit-keys'
import { findUserByOpenid } from '../src/modules/user/application/find-user-by-openid'
import { SIGN_IN_PER_ADDRESS, SIGN_IN_TOO_OFTEN } from '../src/modules/user/domain/user.limits'
import { HttpError, httpErrorOf, methodNotAllowed, readJsonObject, sendJson } from './http-utils'
import { DEMO_USERS, isDemoOpenid } from './seed/demo-users'

/** Long enough that a demo never logs you out mid-way; the token is useless outside this machine. */
export const SESSION_TTL_MS = 30 * DAY

/**
 * The local stand-in for WeChat login: the H5 app shows the demo users, you pick one, and the
 * gateway signs a session naming that OPENID. Only demo OPENIDs can be signed: the local cloud
 * must not become a way to act as anyone. Sign-ins are limited per client address.
 */
export const handleAuth = async (
  req: IncomingMessage,
  res: ServerResponse,
  sub: string,
  container: Container,
  sessionSecret: string,
): Promise<void> => {
  if (sub === 'demo-users') {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET'])
    return sendJson(res, 200, { users: await demoUsers(container) })
  }
  if (sub === 'session') {
    if (req.method !== 'POST') throw methodNotAllowed(['POST'])
    // Counted per socket address before anything else, as WeChat limits login calls.
    const address = addressKey(plainAddress(req.socket.remoteAddress))
    await enforceLimit(container.limits, SIGN_IN_PER_ADDRESS, address, SIGN_IN_TOO_OFTEN).catch(
      (e: unknown) => {
        throw isAppError(e) ? httpErrorOf(e) : e
      },
    )
    const { openid } = await readJsonObject(req, 4 * 1024)
    if (!isDemoOpenid(openid)) {
      throw new HttpError(403, ErrorCodes.FORBIDDEN, '本地只能以演示用户登录', {
        openids: DEMO_USERS.map((u) => u.openid),
      })
    }
    const expiresAt = container.clock.now() + SESSION_TTL_MS
    return sendJson(res, 200, {
      token: signLocalSession({ openid, exp: expiresAt }, sessionSecret),
      expiresAt,
    })
  }
  req.resume()
  throw new HttpError(404, ErrorCodes.NOT_FOUND, `没有 /auth/${sub}`)
}

/** Demo users as they are now (nickname and avatar may have been changed in the app). */
const demoUsers = async (container: Container) =>
  Promise.all(
    DEMO_USERS.map(async (demo) => {
      const user = await findUserByOpenid(container, demo.openid)
      const avatarId = user?.avatarFileId ?? null
      const urls = avatarId ? await container.files.urls([avatarId]) : {}
      return {
        openid: demo.openid,
        nickname: user?.nickname ?? demo.nickname,
        avatarUrl: avatarId ? (urls[avatarId] ?? null) : null,
        city: user?.city ?? demo.city,
      }
    }),
  )
