import cloudbase from '@cloudbase/node-sdk'
import { serveSandbox } from '../../sandboxes'
import { CloudbaseSandbox, type CloudbaseSandboxOptions } from '../cloudbase-sandbox'

/**
 * Outside Tencent Cloud the SDK probes metadata.tencentyun.com before every request (a 30 ms
 * axios timeout, but the DNS lookup lingers and keeps jest alive). TENCENTCLOUD=true is the SDK's
 * own switch that skips the probe; the request itself is unchanged (serviceUrl still wins).
 */
process.env.TENCENTCLOUD ??= 'true'

export const SECRET_ID = 'AKIDsandboxtest'
export const SECRET_KEY = 'sandbox-secret-key'

/** The SDK's thrown error: `TcbError { code, message, requestId }`. */
export interface TcbError {
  code: string
  message: string
}

export type SandboxHandle = Awaited<ReturnType<typeof serveSandbox>>

/** A sandbox on its own port, with our test key and the given indexes. */
export const startSandbox = (options: Partial<CloudbaseSandboxOptions> = {}) =>
  serveSandbox(new CloudbaseSandbox({ credentials: { [SECRET_ID]: SECRET_KEY }, ...options }))

let envCounter = 0

/** The real SDK pointed at the sandbox, in a fresh environment unless one is named. */
export const sdkFor = (
  serviceUrl: string,
  env = `test-env-${process.pid}-${++envCounter}`,
  keys = { secretId: SECRET_ID, secretKey: SECRET_KEY },
) => {
  const app = cloudbase.init({ env, serviceUrl, ...keys })
  return { app, db: app.database(), env }
}

/** Sends an arbitrary action through the SDK's own signed requester (for refused actions). */
export const sendAction = (db: ReturnType<typeof sdkFor>['db'], action: string, params = {}) => {
  const Requester = (
    db.constructor as unknown as {
      reqClass: new (c: unknown) => { send(a: string, p: unknown): Promise<unknown> }
    }
  ).reqClass
  return new Requester((db as unknown as { config: unknown }).config).send(action, params)
}

/** The error a promise rejects with (fails the test if it resolves). */
export const failure = async (p: Promise<unknown>): Promise<TcbError> => {
  try {
    await p
  } catch (e) {
    return e as TcbError
  }
  throw new Error('expected a rejection')
}
