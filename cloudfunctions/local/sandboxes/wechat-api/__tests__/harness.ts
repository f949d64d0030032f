import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { WechatApiClient } from '../../../../src/adapters/wechat-api/wechat-api.client'
import { WechatShareClient } from '../../../../src/adapters/wechat-api/wechat-share.client'
import type { Clock } from '../../../../src/modules/core/ports/clock.port'
import { serveSandbox } from '../../../sandboxes'
import { wechatApiSandboxClientConfig } from '../client-config'
import {
  createWechatApiSandbox,
  SANDBOX_APP_SECRET,
  SANDBOX_APPID,
  type WechatApiSandbox,
  type WechatApiSandboxOptions,
} from '../index'

/** Test harness: the WeChat API sandbox on a real HTTP port (manual clock), raw calls, and the production adapter. */
export const startHarness = async (options: WechatApiSandboxOptions = {}) => {
  const sandbox: WechatApiSandbox = createWechatApiSandbox({
    timers: 'manual',
    startAt: Date.UTC(2026, 0, 1),
    ...options,
  })
  const served = await serveSandbox(sandbox)
  const url = served.url

  const json = async (res: Response) => ({
    status: res.status,
    body: (await res.json()) as Record<string, any>,
  })

  /** A fresh access_token straight from the token endpoint. */
  const token = async (): Promise<string> => {
    const q = new URLSearchParams({
      grant_type: 'client_credential',
      appid: SANDBOX_APPID,
      secret: SANDBOX_APP_SECRET,
    })
    const { body } = await json(await fetch(`${url}/cgi-bin/token?${q}`))
    return body.access_token
  }

  /** POSTs a WeChat API body with the given (or a fresh) token. */
  const api = async (path: string, body: unknown, accessToken?: string | null) => {
    const t = accessToken === undefined ? await token() : accessToken
    return json(
      await fetch(`${url}${path}${t === null ? '' : `?access_token=${encodeURIComponent(t)}`}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
  }

  const control = async (method: 'GET' | 'POST', path: string, body?: unknown) =>
    json(
      await fetch(`${url}/control/${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )

  /** The production adapter pointed at this sandbox; by default it shares the sandbox's clock. */
  const client = (
    over: { clock?: Clock; config?: Partial<ReturnType<typeof wechatApiSandboxClientConfig>> } = {},
  ) =>
    new WechatApiClient({
      config: { ...wechatApiSandboxClientConfig(url), ...over.config },
      clock: over.clock ?? { now: () => sandbox.clock.now() },
    })

  /** The sharing adapter pointed at this sandbox (its own token unless given a transport). */
  const shareClient = (
    over: { clock?: Clock; config?: Partial<ReturnType<typeof wechatApiSandboxClientConfig>> } = {},
  ) =>
    new WechatShareClient({
      config: { ...wechatApiSandboxClientConfig(url), ...over.config },
      clock: over.clock ?? { now: () => sandbox.clock.now() },
    })

  /** A raw API call with the given (or a fresh) token, answered as the Response itself. */
  const raw = async (
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string> = {},
    body?: unknown,
  ) => {
    const q = new URLSearchParams({ access_token: await token(), ...query })
    return fetch(`${url}${path}?${q}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
  }

  return { sandbox, url, token, api, raw, control, client, shareClient, close: served.close }
}

export type Harness = Awaited<ReturnType<typeof startHarness>>

/** A valid courier upload_shipping_info body for a transaction id. */
export const courierShipping = (transactionId: string, over: Record<string, unknown> = {}) => ({
  order_key: { order_number_type: 2, transaction_id: transactionId },
  logistics_type: 1,
  delivery_mode: 1,
  shipping_list: [
    {
      tracking_no: 'SF1234567890',
      express_company: 'SF',
      item_desc: '二手相机 富士X100V',
      contact: { receiver_contact: '138****0000' },
    },
  ],
  upload_time: '2026-01-01T08:00:00.000+08:00',
  payer: { openid: 'o-buyer-000001' },
  ...over,
})

/** Decodes a PNG with jsQR (a maintained decoder), as a scanner would. */
export const decodeQr = (png: Uint8Array) => {
  const image = PNG.sync.read(Buffer.from(png))
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  return { width: image.width, height: image.height, text: found?.data ?? null }
}
