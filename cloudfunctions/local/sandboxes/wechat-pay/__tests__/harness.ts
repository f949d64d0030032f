import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WechatPayGateway } from '../../../../src/adapters/payments/wechat-pay.gateway'
import { serveSandbox } from '../../../sandboxes'
import { buildAuthorization, gcmDecrypt, oaepEncrypt, responseMessage, rsaVerify } from '../crypto'
import { SANDBOX_APIV3_KEY, SANDBOX_SP_APPID, SANDBOX_SP_MCHID, sandboxKeys } from '../keys'
import { sandboxClientConfig } from '../client-config'
import {
  createWechatPaySandbox,
  type WechatPaySandbox,
  type WechatPaySandboxOptions,
} from '../index'

/** Test harness: the sandbox on a real HTTP port, a signing client, and a notification receiver. */

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export interface Received {
  headers: IncomingMessage['headers']
  raw: string
  body: {
    id: string
    event_type: string
    resource: { ciphertext: string; nonce: string; associated_data: string }
  }
}

export interface WxResponse {
  status: number
  body: Record<string, any>
  raw: string
  headers: Headers
  /** The platform signature over timestamp\nnonce\nbody\n checked out. */
  signatureValid: boolean
}

export const startHarness = async (options: WechatPaySandboxOptions = {}) => {
  const keys = sandboxKeys()
  const sandbox: WechatPaySandbox = createWechatPaySandbox({
    timers: 'manual',
    subMchids: ['1900200001'],
    ...options,
  })
  const served = await serveSandbox(sandbox)
  const sandboxUrl = served.url

  // Notification receiver: answers from a queue of statuses (default 200 SUCCESS).
  const received: Received[] = []
  const answers: number[] = []
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) })
      const status = answers.shift() ?? 200
      if (status === 200) {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ code: 'SUCCESS', message: '成功' }))
      } else {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ code: 'FAIL', message: '失败' }))
      }
    })
  })
  const notifyBase = await listen(receiver)

  /** A signed API v3 call, timestamped with the sandbox's clock. */
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    opts: {
      sign?: 'vendor' | 'mounted' | 'none'
      timestamp?: number
      privateKey?: string
      serial?: string
      headers?: Record<string, string>
      tamper?: boolean
    } = {},
  ): Promise<WxResponse> => {
    const text = body === undefined ? '' : JSON.stringify(body)
    const signedPath =
      opts.sign === 'mounted'
        ? new URL(sandboxUrl + path).pathname + new URL(sandboxUrl + path).search
        : path
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(text ? { 'Content-Type': 'application/json' } : {}),
      ...opts.headers,
    }
    if (opts.sign !== 'none') {
      headers.Authorization = buildAuthorization({
        mchid: SANDBOX_SP_MCHID,
        serialNo: opts.serial ?? keys.merchant.serial,
        privateKey: opts.privateKey ?? keys.merchant.privateKey,
        method,
        url: signedPath,
        body: text,
        timestamp: String(Math.floor((opts.timestamp ?? sandbox.clock.now()) / 1000)),
      })
    }
    const res = await fetch(sandboxUrl + path, {
      method,
      headers,
      body: method === 'POST' ? (opts.tamper ? text.replace(/\d/, '9') : text) : undefined,
      signal: AbortSignal.timeout(10_000),
    })
    const raw = await res.text()
    const ts = res.headers.get('wechatpay-timestamp') ?? ''
    const nonce = res.headers.get('wechatpay-nonce') ?? ''
    const sig = res.headers.get('wechatpay-signature') ?? ''
    return {
      status: res.status,
      raw,
      body: raw ? JSON.parse(raw) : {},
      headers: res.headers,
      signatureValid:
        res.headers.get('wechatpay-serial') === keys.platform.serial &&
        rsaVerify(responseMessage(ts, nonce, raw), sig, keys.platform.certificate),
    }
  }

  const control = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${sandboxUrl}/control/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  /** Verifies (platform signature) then decrypts (GCM tag checked) a received notification. */
  const open = (n: Received): Record<string, any> => {
    const ok = rsaVerify(
      responseMessage(
        String(n.headers['wechatpay-timestamp']),
        String(n.headers['wechatpay-nonce']),
        n.raw,
      ),
      String(n.headers['wechatpay-signature']),
      keys.platform.certificate,
    )
    if (!ok) throw new Error('bad notification signature')
    const r = n.body.resource
    return JSON.parse(gcmDecrypt(r.ciphertext, SANDBOX_APIV3_KEY, r.nonce, r.associated_data))
  }

  let seq = 0
  const jsapiBody = (over: Record<string, unknown> = {}, total = 10_000) => ({
    sp_appid: SANDBOX_SP_APPID,
    sp_mchid: SANDBOX_SP_MCHID,
    sub_mchid: '1900200001',
    description: '邻圈-二手相机',
    out_trade_no: `T${String(Date.now() % 100000).padStart(5, '0')}x${String(++seq).padStart(4, '0')}`,
    time_expire: new Date(sandbox.clock.now() + 15 * 60_000).toISOString().replace('Z', '+00:00'),
    notify_url: `${notifyBase}/pay-notify`,
    settle_info: { profit_sharing: true },
    amount: { total, currency: 'CNY' },
    payer: { sp_openid: 'o-buyer-1' },
    ...over,
  })

  /** Creates and pays an order; returns its out_trade_no and transaction_id. */
  const paidOrder = async (total = 10_000, sub_mchid = '1900200001') => {
    const body = jsapiBody({ sub_mchid }, total)
    const r = await call('POST', '/v3/pay/partner/transactions/jsapi', body)
    if (r.status !== 200) throw new Error(JSON.stringify(r.body))
    const paid = sandbox.pay(body.out_trade_no)
    return {
      out_trade_no: body.out_trade_no,
      transaction_id: paid.transaction_id as string,
      prepay_id: r.body.prepay_id as string,
    }
  }

  const encrypt = (s: string) => oaepEncrypt(s, keys.platform.certificate)

  const close = async () => {
    await served.close()
    await new Promise<void>((r) => {
      receiver.close(() => r())
      receiver.closeAllConnections()
    })
  }

  /**
   * The production adapter pointed at this sandbox with no platform certificate preloaded: it has
   * to download and verify it, as on a first start against api.mch.weixin.qq.com.
   */
  const gateway = () =>
    new WechatPayGateway({
      config: {
        ...sandboxClientConfig(sandboxUrl, notifyBase),
        platformCertificates: undefined,
        notifyUrls: { payment: `${notifyBase}/pay`, refund: `${notifyBase}/refund` },
      },
      clock: { now: () => sandbox.clock.now() },
    })

  return {
    sandbox,
    sandboxUrl,
    notifyBase,
    received,
    answers,
    call,
    control,
    open,
    jsapiBody,
    paidOrder,
    encrypt,
    keys,
    gateway,
    close,
  }
}

export type Harness = Awaited<ReturnType<typeof startHarness>>
