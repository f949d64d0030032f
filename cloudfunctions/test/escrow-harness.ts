import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { main as addressMain } from '../src/functions/address'
import { main as listingMain } from '../src/functions/listing'
import { main as orderMain } from '../src/functions/order'
import { main as courierNotify } from '../src/functions/courier-notify'
import { main as payNotify } from '../src/functions/pay-notify'
import { BUYER_ADDRESS } from '../local/mothers/address.mother'
import { aFinishedMerchant } from '../local/mothers/merchant.mother'
import { aPaidCourierOrder } from '../local/mothers/order.mother'
import { aUser } from '../local/mothers/user.mother'
import { serveSandbox } from '../local/sandboxes'
import { createKuaidi100Sandbox } from '../local/sandboxes/kuaidi100'
import { kuaidi100SandboxClientConfig } from '../local/sandboxes/kuaidi100/client-config'
import { createWechatApiSandbox } from '../local/sandboxes/wechat-api'
import { wechatApiSandboxClientConfig } from '../local/sandboxes/wechat-api/client-config'
import { balances, type LedgerEntry } from '../src/modules/ledger/domain/ledger'
import { LedgerEntries } from '../src/modules/ledger/domain/ledger.record'
import { Users } from '../src/modules/user/domain/user.record'
import type { HttpTriggerEvent } from '../src/platform/http-trigger'
import { goodsInput } from './fixtures'
import { PAY_CLOUD_START, startPayCloud, type PayCloudOptions } from './wechat-pay-harness'

type Envelope =
  { ok: true; data: any } | { ok: false; error: { code: string; message: string; details?: any } }

/** What WeChat's notifications reached: every request and our answer, in order. */
export interface NotifyLog {
  /** The request as pay-notify got it, for replaying or tampering with in tests. */
  event: HttpTriggerEvent
  status: number
  body: string
}

/**
 * The escrow test cloud: the local container wired to the WeChat Pay sandbox over HTTP, and a
 * receiver that turns the sandbox's notification POSTs into CloudBase HTTP-trigger events for the
 * real pay-notify function, so the whole loop (sign → verify → decrypt → apply) runs.
 */
export const startEscrowCloud = async (
  options: Pick<PayCloudOptions, 'sandbox'> & { delivery?: boolean } = {},
) => {
  const notifications: NotifyLog[] = []
  const pushes: NotifyLog[] = []
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://local')
      const event: HttpTriggerEvent = {
        path: url.pathname.replace(/^\/http\/[a-z-]+/, '') || '/',
        httpMethod: req.method ?? 'POST',
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
        ),
        queryStringParameters: {},
        body: Buffer.concat(chunks).toString('base64'),
        isBase64Encoded: true,
      }
      const courier = url.pathname.startsWith('/http/courier-notify')
      const answer = courier ? await courierNotify(event) : await payNotify(event)
      ;(courier ? pushes : notifications).push({
        event,
        status: answer.statusCode,
        body: answer.body,
      })
      res.writeHead(answer.statusCode, answer.headers)
      res.end(answer.body)
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()))
  const notifyBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
  // With delivery: the kuaidi100 and WeChat API sandboxes too, on the same manual time.
  const kuaidi100 = options.delivery
    ? createKuaidi100Sandbox({ timers: 'manual', startAt: PAY_CLOUD_START })
    : null
  const wechatApi = options.delivery
    ? createWechatApiSandbox({ timers: 'manual', startAt: PAY_CLOUD_START })
    : null
  const servedCourier = kuaidi100 ? await serveSandbox(kuaidi100) : null
  const servedWechat = wechatApi ? await serveSandbox(wechatApi) : null
  const cloud = await startPayCloud({
    ...options,
    notifyBase,
    container: {
      kuaidi100: servedCourier
        ? kuaidi100SandboxClientConfig(servedCourier.url, notifyBase)
        : undefined,
      wechatApi: servedWechat ? wechatApiSandboxClientConfig(servedWechat.url) : undefined,
    },
    // WeChat's clock first: the parcel's pushes (during kuaidi100's advance) lead to calls that
    // WeChat checks against its own time, which must not lag behind.
    onAdvance: async (ms) => {
      await wechatApi?.clock.advance!(ms)
      await kuaidi100?.clock.advance!(ms)
    },
  })
  let nextSubMchid = 1_900_300_001

  const call = async (
    fn: (e: unknown, c?: unknown) => Promise<unknown>,
    openid: string | null,
    action: string,
    input: unknown = {},
  ) => (await fn({ action, input }, cloud.contextFor(openid))) as Envelope
  const must = async (
    fn: (e: unknown, c?: unknown) => Promise<unknown>,
    openid: string,
    action: string,
    input: unknown = {},
  ) => {
    const res = await call(fn, openid, action, input)
    if (!res.ok) throw new Error(`${action} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }

  const signUp = async (openid: string) => (await aUser(cloud.container, openid))._id

  /** A seller whose 进件 is done: a sub-merchant at WeChat and a FINISH record here. */
  const onboard = async (userId: string) => {
    const subMchid = String(nextSubMchid++)
    await cloud.control('POST', 'sub-merchants', { sub_mchid: subMchid })
    await aFinishedMerchant(cloud.container, userId, { subMchid })
    return subMchid
  }

  const makeOperator = async (userId: string) => {
    const u = (await cloud.container.store.get(Users, userId))!
    await cloud.container.store.update(Users, userId, { roles: [...u.roles, 'admin'] })
  }

  const publish = async (openid: string, over: Record<string, unknown> = {}) =>
    must(listingMain, openid, 'create', await goodsInput(cloud as never, over, openid))

  /** All ledger entries, and whether the books balance (every account summed is zero). */
  const ledger = async () => {
    const page = await cloud.container.store.find(LedgerEntries, {}, { limit: 500 })
    const entries: LedgerEntry[] = page.items.map(({ _id, ...rest }) => ({ key: _id, ...rest }))
    const sum = [...balances(entries).values()].reduce((s, v) => s + v, 0)
    return { entries, balances: balances(entries), balanced: sum === 0 }
  }

  /** The buyer confirms at the cashier, and WeChat's notification runs through pay-notify. */
  const buyerPays = async (orderId: string) => {
    const res = await cloud.control('POST', 'pay', { out_trade_no: orderId })
    if (res.status !== 200) throw new Error(`sandbox pay failed: ${JSON.stringify(res.body)}`)
    await cloud.advance(0)
  }

  const booked = new Map<string, string>()
  /** An address in the user's book to check out with (saved once per user and address); answers its id. */
  const addressIdOf = async (openid: string, address: Record<string, unknown> = BUYER_ADDRESS) => {
    const key = `${openid}|${JSON.stringify(address)}`
    if (!booked.has(key))
      booked.set(key, (await must(addressMain, openid, 'create', address)).id as string)
    return booked.get(key)!
  }

  return {
    ...cloud,
    addressIdOf,
    notifications,
    order: (openid: string | null, action: string, input: unknown = {}) =>
      call(orderMain, openid, action, input),
    mustOrder: (openid: string, action: string, input: unknown = {}) =>
      must(orderMain, openid, action, input),
    listing: (openid: string, action: string, input: unknown = {}) =>
      call(listingMain, openid, action, input),
    /** Saves an address in the user's book (the first becomes the default); answers its id. */
    saveAddress: async (openid: string, input: Record<string, unknown>) =>
      (await must(addressMain, openid, 'create', input)).id as string,
    address: (openid: string, action: string, input: unknown = {}) =>
      must(addressMain, openid, action, input),
    signUp,
    onboard,
    makeOperator,
    publish,
    /** A valid listing input (for calls expected to fail); `over` replaces fields. */
    listingInput: (over: Record<string, unknown> = {}) => goodsInput(cloud as never, over),
    ledger,
    buyerPays,
    /** Sends an HTTP-trigger event straight to pay-notify (replays, tampered copies). */
    notify: (event: HttpTriggerEvent) => payNotify(event),
    /** The same for courier-notify. */
    notifyCourier: (event: HttpTriggerEvent) => courierNotify(event),
    kuaidi100,
    wechatApi,
    pushes,
    stop: async () => {
      await cloud.stop()
      await servedCourier?.close()
      await servedWechat?.close()
      await new Promise<void>((r) => {
        receiver.close(() => r())
        receiver.closeAllConnections()
      })
    },
  }
}

export type EscrowCloud = Awaited<ReturnType<typeof startEscrowCloud>>

/**
 * Where the delivery and pickup tests start: a cloud with the courier and WeChat API sandboxes,
 * seller o-seller-1 onboarded, and a ¥200 courier order that buyer o-buyer-1 paid at the cashier.
 */
export const startWithPaidCourierOrder = async () => {
  const cloud = await startEscrowCloud({ delivery: true })
  await cloud.onboard(await cloud.signUp('o-seller-1'))
  await cloud.signUp('o-buyer-1')
  const { order } = await aPaidCourierOrder(cloud, {
    seller: 'o-seller-1',
    buyer: 'o-buyer-1',
    listing: { priceFen: 20_000 },
    viaCashier: true,
  })
  return { cloud, orderId: order.id }
}
