import type { WechatApiClient } from '../../../../src/adapters/wechat-api/wechat-api.client'
import {
  WechatApiError,
  LogisticsTypes,
  type UploadShippingInfoInput,
} from '../../../../src/modules/messaging/ports/wechat-api.port'
import { SANDBOX_TEMPLATE_IDS } from '../index'
import { type Harness, startHarness } from './harness'

/**
 * Contract: the production WeChat API adapter, configured only through its config, works against
 * the sandbox over HTTP: token caching and refresh, each endpoint, errcodes mapped for the outbox.
 */
let h: Harness
let api: WechatApiClient
beforeEach(async () => {
  h = await startHarness()
  api = h.client()
})
afterEach(() => h.close())

const BUYER = 'o-buyer-000001'
const paidMessage = (over: Record<string, string> = {}) => ({
  toOpenid: BUYER,
  templateId: api.templates.orderPaid,
  page: 'pages/order/detail?id=LQ1',
  data: {
    character_string1: 'LQ20260101000001',
    thing2: '二手相机',
    amount3: '¥88.00',
    time4: '2026年01月01日 08:00',
    ...over,
  },
})
const courier = (
  transactionId: string,
  over: Partial<UploadShippingInfoInput> = {},
): UploadShippingInfoInput => ({
  order: { transactionId },
  logisticsType: LogisticsTypes.courier,
  items: [
    {
      trackingNo: 'SF1234567890',
      expressCompany: 'SF',
      itemDesc: '二手相机',
      receiverContact: '138****0000',
    },
  ],
  payerOpenid: BUYER,
  uploadedAt: h.sandbox.clock.now(),
  ...over,
})
const rejection = async (p: Promise<unknown>): Promise<WechatApiError> => {
  try {
    await p
  } catch (e) {
    if (e instanceof WechatApiError) return e
    throw e
  }
  throw new Error('expected a WechatApiError')
}

test('config carries the sandbox template ids', () => {
  expect(api.templates).toEqual(SANDBOX_TEMPLATE_IDS)
})

describe('access_token', () => {
  test('fetched once, shared by concurrent calls, reused until shortly before expiry', async () => {
    await Promise.all([1, 2, 3, 4, 5].map((i) => api.uploadShippingInfo(courier(`42000000${i}`))))
    expect(api.tokenFetches).toBe(1)
    await h.sandbox.clock.advance!(7200_000 - 5 * 60_000 - 1)
    await api.uploadShippingInfo(courier('4200000009'))
    expect(api.tokenFetches).toBe(1)
    await h.sandbox.clock.advance!(1)
    await api.uploadShippingInfo(courier('4200000010'))
    expect(api.tokenFetches).toBe(2)
  })

  test('refreshed once on 40001 (token invalidated) and the call goes through', async () => {
    await api.uploadShippingInfo(courier('4200000011'))
    await h.control('POST', 'invalidate-tokens')
    await api.uploadShippingInfo(courier('4200000012'))
    expect(api.tokenFetches).toBe(2)
    expect((await h.control('GET', 'shipping')).body.shipping).toHaveLength(2)
  })

  test('refreshed once on 42001 (our clock lags WeChat’s) and the call goes through', async () => {
    let lagging = h.sandbox.clock.now()
    const slow = h.client({ clock: { now: () => lagging } })
    await slow.uploadShippingInfo(courier('4200000013'))
    await h.sandbox.clock.advance!(7200_000)
    lagging += 1000
    await slow.uploadShippingInfo(courier('4200000014', { uploadedAt: h.sandbox.clock.now() }))
    expect(slow.tokenFetches).toBe(2)
  })

  test('stable_token is shared by instances; the classic /cgi-bin/token works too', async () => {
    const other = h.client()
    await api.uploadShippingInfo(courier('4200000015'))
    await other.uploadShippingInfo(courier('4200000016'))
    await h.sandbox.clock.advance!(1000)
    await api.uploadShippingInfo(courier('4200000017', { uploadedAt: h.sandbox.clock.now() }))
    expect([api.tokenFetches, other.tokenFetches]).toEqual([1, 1])
    const classic = h.client({ config: { tokenEndpoint: 'token' } })
    await classic.uploadShippingInfo(courier('4200000018'))
    await api.uploadShippingInfo(courier('4200000019'))
    expect(api.tokenFetches).toBe(1)
  })

  test('a wrong secret is 40125 and not retryable; nothing leaks the secret', async () => {
    const bad = h.client({ config: { secret: 'wrong-secret-value' } })
    const e = await rejection(bad.sendSubscribeMessage(paidMessage()))
    expect(e).toMatchObject({ errcode: 40125, retryable: false, kind: 'wechat' })
    expect(e.message).not.toContain('wrong-secret-value')
  })
})

describe('subscribe messages', () => {
  test('43101 for a user who has not accepted; one acceptance is one message', async () => {
    expect(await rejection(api.sendSubscribeMessage(paidMessage()))).toMatchObject({
      errcode: 43101,
      retryable: false,
      kind: 'wechat',
    })
    await h.control('POST', 'subscribe', { openid: BUYER, templateIds: [api.templates.orderPaid] })
    const sent = await api.sendSubscribeMessage(paidMessage())
    expect(sent.msgId).toMatch(/^\d+$/)
    expect((await rejection(api.sendSubscribeMessage(paidMessage()))).errcode).toBe(43101)
    const inbox = (await h.control('GET', `inbox?openid=${BUYER}`)).body.messages
    expect(inbox).toHaveLength(1)
    expect(inbox[0]).toMatchObject({
      template_id: api.templates.orderPaid,
      miniprogram_state: 'developer',
      page: 'pages/order/detail?id=LQ1',
    })
  })

  test('every template (order events, 新消息, 评价提醒) is known to the sandbox', async () => {
    const ids = Object.values(api.templates)
    await h.control('POST', 'subscribe', { openid: BUYER, templateIds: ids })
    const data: Record<string, Record<string, string>> = {
      [api.templates.orderShipped]: {
        character_string1: 'LQ1',
        thing2: '二手相机',
        thing3: '顺丰速运',
        character_string4: 'SF1234567890',
        time5: '2026-01-01 08:00',
      },
      [api.templates.orderDelivered]: {
        character_string1: 'LQ1',
        thing2: '二手相机',
        time3: '2026-01-02 08:00',
        thing4: '请及时确认收货',
      },
      [api.templates.refund]: {
        character_string1: 'LQ1',
        amount2: '88.00元',
        thing3: '买家申请退款',
        phrase4: '退款成功',
        time5: '2026-01-03 08:00',
      },
      [api.templates.autoReceiveReminder]: {
        character_string1: 'LQ1',
        thing2: '二手相机',
        time3: '2026-01-11 08:00',
        thing4: '到期将自动确认收货',
      },
      [api.templates.orderPaid]: paidMessage().data,
      [api.templates.chatMessage]: {
        thing1: '小林',
        thing2: '还在吗？能便宜点吗',
        time3: '2026-01-12 08:00',
        thing4: '二手相机',
      },
      [api.templates.reviewReminder]: {
        thing1: '二手相机',
        thing2: '小林',
        time3: '2026-01-19 08:00',
        thing4: '你的评价能帮邻居放心交易',
      },
    }
    for (const id of ids)
      await api.sendSubscribeMessage({ toOpenid: BUYER, templateId: id, data: data[id] })
    expect((await h.control('GET', `inbox?openid=${BUYER}`)).body.messages).toHaveLength(7)
  })

  test('a bad keyword is 47003 and not retryable', async () => {
    await h.control('POST', 'subscribe', { openid: BUYER, templateIds: [api.templates.orderPaid] })
    const e = await rejection(
      api.sendSubscribeMessage(
        paidMessage({ thing2: '一二三四五六七八九十一二三四五六七八九十一' }),
      ),
    )
    expect(e).toMatchObject({ errcode: 47003, retryable: false })
    expect(e.message).toContain('data.thing2.value exceed limit')
    expect(
      await rejection(api.sendSubscribeMessage({ ...paidMessage(), templateId: 'nope' })),
    ).toMatchObject({ errcode: 40037 })
  })
})

describe('shipping', () => {
  test('upload_shipping_info: courier, split delivery and self-pickup reach WeChat as documented', async () => {
    await api.uploadShippingInfo(courier('4200000020'))
    await api.uploadShippingInfo(
      courier('4200000021', {
        items: [
          { trackingNo: 'ZT1', expressCompany: 'ZTO', itemDesc: '镜头' },
          { trackingNo: 'ZT2', expressCompany: 'ZTO', itemDesc: '机身' },
        ],
        isAllDelivered: true,
      }),
    )
    await api.uploadShippingInfo({
      order: { mchid: '1900000109', outTradeNo: 'LQ22' },
      logisticsType: LogisticsTypes.selfPickup,
      items: [{ itemDesc: '面交 二手书' }],
      payerOpenid: BUYER,
      uploadedAt: Date.UTC(2026, 0, 1),
    })
    const records = (await h.control('GET', 'shipping')).body.shipping
    expect(records[0]).toMatchObject({
      order_key: { order_number_type: 2, transaction_id: '4200000020' },
      logistics_type: 1,
      delivery_mode: 1,
      shipping_list: [
        {
          tracking_no: 'SF1234567890',
          express_company: 'SF',
          item_desc: '二手相机',
          contact: { receiver_contact: '138****0000' },
        },
      ],
      upload_time: '2026-01-01T08:00:00.000+08:00',
      payer: { openid: BUYER },
    })
    expect(records[1]).toMatchObject({ delivery_mode: 2, is_all_delivered: true })
    expect(records[2]).toMatchObject({ key: 'mch:1900000109:LQ22', logistics_type: 4 })
  })

  test('a courier upload without tracking number is refused; a repeated upload is 10060023 (landed before)', async () => {
    const e = await rejection(
      api.uploadShippingInfo(courier('4200000030', { items: [{ itemDesc: '相机' }] })),
    )
    expect(e).toMatchObject({ errcode: 268485226, retryable: false, kind: 'wechat' })
    await api.uploadShippingInfo(courier('4200000031'))
    expect((await rejection(api.uploadShippingInfo(courier('4200000031')))).errcode).toBe(10060023)
    expect(
      await rejection(api.uploadShippingInfo(courier('4200000032', { logisticsType: 7 as never }))),
    ).toMatchObject({ kind: 'invalid-argument' })
  })

  test('notify_confirm_receive sends seconds and is refused for an order never shipped', async () => {
    expect(
      (
        await rejection(
          api.notifyConfirmReceive({
            order: { transactionId: '4200000040' },
            receivedAt: h.sandbox.clock.now(),
          }),
        )
      ).errcode,
    ).toBe(10060001)
    await api.uploadShippingInfo(courier('4200000040'))
    await h.sandbox.clock.advance!(3600_000)
    await api.notifyConfirmReceive({
      order: { transactionId: '4200000040' },
      receivedAt: h.sandbox.clock.now(),
    })
    const inbox = (await h.control('GET', `inbox?openid=${BUYER}`)).body.messages
    expect(inbox[0]).toMatchObject({ kind: 'confirm-receive' })
  })
})

describe('failures the outbox retries', () => {
  test('-1, 45009, HTTP 502 and a cut connection are retryable', async () => {
    h.sandbox.faults.set({ systemBusy: 1, rateLimited: 1, httpErrors: 1, timeouts: 1 })
    const results = []
    for (let i = 0; i < 4; i++)
      results.push(await rejection(api.uploadShippingInfo(courier('4200000050'))))
    expect(results.map((e) => [e.errcode, e.retryable, e.kind])).toEqual([
      ['HTTP_STATUS', true, 'transport'],
      [-1, true, 'wechat'],
      [45009, true, 'wechat'],
      ['NETWORK', true, 'transport'],
    ])
    // The cut call landed: the retry learns so from 10060023.
    expect((await rejection(api.uploadShippingInfo(courier('4200000050')))).errcode).toBe(10060023)
  })
})
