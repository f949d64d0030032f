import { SANDBOX_APP_SECRET, SANDBOX_APPID, SANDBOX_TEMPLATES, TOKEN_OVERLAP_MS } from '../index'
import { courierShipping, type Harness, startHarness } from './harness'

/** The sandbox on its own, spoken to as WeChat's documentation describes (raw HTTP). */
let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(() => h.close())

const PAID = SANDBOX_TEMPLATES.orderPaid.id
const paidData = (over: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries({
      character_string1: 'LQ20260101000001',
      thing2: '二手相机',
      amount3: '¥88.00',
      time4: '2026年01月01日 08:00',
      ...over,
    }).map(([k, value]) => [k, { value }]),
  )
const send = (over: Record<string, unknown> = {}, token?: string | null) =>
  h.api(
    '/cgi-bin/message/subscribe/send',
    {
      touser: 'o-buyer-000001',
      template_id: PAID,
      page: 'pages/order/detail?id=1',
      data: paidData(),
      ...over,
    },
    token,
  )

describe('access_token', () => {
  const tokenUrl = (q: Record<string, string>) => `${h.url}/cgi-bin/token?${new URLSearchParams(q)}`
  test('checks grant_type, appid and secret', async () => {
    const good = {
      grant_type: 'client_credential',
      appid: SANDBOX_APPID,
      secret: SANDBOX_APP_SECRET,
    }
    expect(await (await fetch(tokenUrl({ ...good, grant_type: 'x' }))).json()).toMatchObject({
      errcode: 40002,
    })
    expect(await (await fetch(tokenUrl({ ...good, appid: 'wxother' }))).json()).toMatchObject({
      errcode: 40013,
    })
    expect(await (await fetch(tokenUrl({ ...good, secret: 'nope' }))).json()).toMatchObject({
      errcode: 40125,
    })
    const ok = (await (await fetch(tokenUrl(good))).json()) as Record<string, unknown>
    expect(ok).toMatchObject({ expires_in: 7200 })
    expect(typeof ok.access_token).toBe('string')
  })

  test('missing 41001, unknown 40001, expired 42001 (sandbox clock)', async () => {
    expect((await send({}, null)).body.errcode).toBe(41001)
    expect((await send({}, 'forged')).body.errcode).toBe(40001)
    const t = await h.token()
    await h.sandbox.clock.advance!(7200_000)
    expect((await send({}, t)).body.errcode).toBe(42001)
  })

  test('a new token leaves the old one usable for 5 minutes only', async () => {
    await h.control('POST', 'subscribe', { openid: 'o-buyer-000001', templateIds: [PAID, PAID] })
    const old = await h.token()
    await h.token()
    expect((await send({}, old)).body.errcode).toBe(0)
    await h.sandbox.clock.advance!(TOKEN_OVERLAP_MS)
    expect((await send({}, old)).body.errcode).toBe(42001)
  })

  test('stable_token: one token for everyone until force_refresh retires it; apart from /cgi-bin/token', async () => {
    const stable = async (over: Record<string, unknown> = {}) =>
      (await (
        await fetch(`${h.url}/cgi-bin/stable_token`, {
          method: 'POST',
          body: JSON.stringify({
            grant_type: 'client_credential',
            appid: SANDBOX_APPID,
            secret: SANDBOX_APP_SECRET,
            ...over,
          }),
        })
      ).json()) as Record<string, any>
    expect((await stable({ secret: 'nope' })).errcode).toBe(40125)
    const a = await stable()
    await h.sandbox.clock.advance!(600_000)
    const b = await stable()
    expect(b.access_token).toBe(a.access_token)
    expect(b.expires_in).toBe(7200 - 600)
    await h.token()
    expect((await send({}, a.access_token)).body.errcode).toBe(43101)
    const c = await stable({ force_refresh: true })
    expect(c.access_token).not.toBe(a.access_token)
    expect((await send({}, a.access_token)).body.errcode).toBe(40001)
    await h.sandbox.clock.advance!(7200_000)
    expect((await send({}, c.access_token)).body.errcode).toBe(42001)
    expect((await stable()).access_token).not.toBe(c.access_token)
  })

  test('invalidate-tokens retires every token (40001)', async () => {
    const t = await h.token()
    await h.control('POST', 'invalidate-tokens')
    expect((await send({}, t)).body.errcode).toBe(40001)
  })
})

describe('subscribeMessage.send', () => {
  test('43101 until the user accepts; one acceptance is one message', async () => {
    expect((await send()).body).toMatchObject({ errcode: 43101 })
    const sub = await h.control('POST', 'subscribe', {
      openid: 'o-buyer-000001',
      templateIds: [PAID],
    })
    expect(sub.body.subscriptions).toEqual({ [PAID]: 1 })
    const ok = await send()
    expect(ok.body).toMatchObject({ errcode: 0, errmsg: 'ok' })
    expect(typeof ok.body.msgid).toBe('number')
    expect((await send()).body.errcode).toBe(43101)
    const inbox = await h.control('GET', 'inbox?openid=o-buyer-000001')
    expect(inbox.body.messages).toHaveLength(1)
    expect(inbox.body.messages[0]).toMatchObject({
      title: '订单支付成功通知',
      page: 'pages/order/detail?id=1',
      kind: 'subscribe',
    })
    expect(inbox.body.messages[0].rows[1]).toEqual({
      name: 'thing2',
      label: '商品名称',
      value: '二手相机',
    })
  })

  test('validates openid, template and every keyword like WeChat', async () => {
    await h.control('POST', 'subscribe', { openid: 'o-buyer-000001', templateIds: [PAID] })
    expect((await send({ touser: 'x' })).body.errcode).toBe(40003)
    expect((await send({ template_id: 'nope' })).body.errcode).toBe(40037)
    expect(
      (
        await send({
          data: paidData({ thing2: '这是一个超过二十个字符的很长很长很长的商品名称啊' }),
        })
      ).body,
    ).toMatchObject({
      errcode: 47003,
      errmsg: expect.stringContaining('data.thing2.value exceed limit'),
    })
    expect((await send({ data: paidData({ amount3: '八十八元' }) })).body.errcode).toBe(47003)
    // amount: a currency sign, at most 10 digits, optional decimals and 元 — no thousands separators.
    expect((await send({ data: paidData({ amount3: '¥1,288.00' }) })).body.errcode).toBe(47003)
    expect((await send({ data: paidData({ character_string1: '订单一' }) })).body.errcode).toBe(
      47003,
    )
    expect((await send({ data: paidData({ time4: 'tomorrow' }) })).body.errcode).toBe(47003)
    const { thing2: _drop, ...missing } = paidData()
    expect((await send({ data: missing })).body.errmsg).toContain('data.thing2.value is empty')
    expect((await send({ miniprogram_state: 'beta' })).body.errcode).toBe(47003)
    // Refusals do not use up the acceptance.
    expect((await send()).body.errcode).toBe(0)
  })

  test('acceptances add up; unknown templates cannot be accepted', async () => {
    await h.control('POST', 'subscribe', { openid: 'o-buyer-000001', templateIds: [PAID] })
    await h.control('POST', 'subscribe', { openid: 'o-buyer-000001', templateIds: [PAID] })
    expect((await send()).body.errcode).toBe(0)
    expect((await send()).body.errcode).toBe(0)
    expect((await send()).body.errcode).toBe(43101)
    expect(
      (await h.control('POST', 'subscribe', { openid: 'o-buyer-000001', templateIds: ['nope'] }))
        .body.errcode,
    ).toBe(40037)
  })

  test('GET /inbox renders the 服务通知 list as HTML', async () => {
    await h.control('POST', 'subscribe', { openid: 'o-buyer-000001', templateIds: [PAID] })
    await send({ data: paidData({ thing2: '<b>相机</b>' }) })
    const html = await (await fetch(`${h.url}/inbox?openid=o-buyer-000001`)).text()
    expect(html).toContain('服务通知')
    expect(html).toContain('订单支付成功通知')
    expect(html).toContain('&lt;b&gt;相机&lt;/b&gt;')
    expect(await (await fetch(`${h.url}/inbox?openid=o-nobody-0001`)).text()).toContain('暂无通知')
  })
})

describe('upload_shipping_info', () => {
  const upload = (body: unknown) => h.api('/wxa/sec/order/upload_shipping_info', body)

  test('records a courier shipment and WeChat tells the payer', async () => {
    expect((await upload(courierShipping('4200000001'))).body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
    })
    const { body } = await h.control('GET', 'shipping')
    expect(body.shipping).toHaveLength(1)
    expect(body.shipping[0]).toMatchObject({
      key: 'tx:4200000001',
      logistics_type: 1,
      payer: { openid: 'o-buyer-000001' },
      reshipments: 0,
    })
    const inbox = await h.control('GET', 'inbox?openid=o-buyer-000001')
    expect(inbox.body.messages[0]).toMatchObject({ kind: 'shipping', title: '订单发货提醒' })
  })

  test('self-pickup, same-city and services need no tracking number', async () => {
    for (const [i, lt] of [2, 3, 4].entries()) {
      const body = courierShipping(`42000001${i}`, {
        logistics_type: lt,
        shipping_list: [{ item_desc: '上门维修 1 次' }],
      })
      expect((await upload(body)).body.errcode).toBe(0)
    }
  })

  test('refuses what WeChat refuses', async () => {
    const item = courierShipping('x').shipping_list[0]
    const cases: [Record<string, unknown>, number][] = [
      [{ order_key: { order_number_type: 3, transaction_id: '1' } }, 10060014],
      [{ order_key: { order_number_type: 1, mchid: '1900000109' } }, 10060014],
      [{ logistics_type: 5 }, 10060005],
      [{ delivery_mode: 3 }, 268485224],
      [{ shipping_list: item }, 47001],
      [{ shipping_list: [item, item] }, 268485228],
      [{ delivery_mode: 2, shipping_list: [item, item] }, 10060007],
      [
        {
          logistics_type: 2,
          delivery_mode: 2,
          is_all_delivered: true,
          shipping_list: [item, item],
        },
        10060006,
      ],
      [{ shipping_list: [{ ...item, tracking_no: undefined }] }, 268485226],
      [{ shipping_list: [{ ...item, express_company: undefined }] }, 268485227],
      [{ shipping_list: [{ ...item, contact: undefined }] }, 10060014],
      [{ shipping_list: [{ ...item, item_desc: '' }] }, 10060008],
      [{ shipping_list: [{ ...item, item_desc: '好'.repeat(121) }] }, 10060009],
      [{ upload_time: '2026-01-01 08:00:00' }, 268485216],
      [{ payer: {} }, 10060014],
    ]
    for (const [over, errcode] of cases) {
      expect({
        over,
        answer: (await upload(courierShipping('4200000002', over))).body.errcode,
      }).toEqual({ over, answer: errcode })
    }
    expect((await h.control('GET', 'shipping')).body.shipping).toHaveLength(0)
    expect((await h.api('/wxa/sec/order/upload_shipping_info', '{not json')).body.errcode).toBe(
      47001,
    )
  })

  test('split delivery: courier, up to 15 parcels', async () => {
    const item = courierShipping('x').shipping_list[0]
    const ok = await upload(
      courierShipping('4200000003', {
        delivery_mode: 2,
        is_all_delivered: true,
        shipping_list: [item, { ...item, tracking_no: 'SF2' }],
      }),
    )
    expect(ok.body.errcode).toBe(0)
    expect(
      (
        await upload(
          courierShipping('4200000004', {
            delivery_mode: 2,
            is_all_delivered: false,
            shipping_list: Array(16).fill(item),
          }),
        )
      ).body.errcode,
    ).toBe(10060024)
  })

  test('one re-shipment per order; an upload that is not newer is refused (10060023)', async () => {
    expect((await upload(courierShipping('4200000005'))).body.errcode).toBe(0)
    expect((await upload(courierShipping('4200000005'))).body.errcode).toBe(10060023)
    expect(
      (await upload(courierShipping('4200000005', { upload_time: '2026-01-01T09:00:00+08:00' })))
        .body.errcode,
    ).toBe(0)
    expect(
      (await upload(courierShipping('4200000005', { upload_time: '2026-01-01T10:00:00+08:00' })))
        .body.errcode,
    ).toBe(10060003)
    expect((await h.control('GET', 'shipping')).body.shipping[0]).toMatchObject({
      reshipments: 1,
      upload_time: '2026-01-01T09:00:00+08:00',
    })
  })

  test('an order the payment side does not know is 10060001', async () => {
    await h.close()
    h = await startHarness({ orderExists: (k) => k.transaction_id === '4200000006' })
    expect((await upload(courierShipping('4200000006'))).body.errcode).toBe(0)
    expect((await upload(courierShipping('4200000007'))).body.errcode).toBe(10060001)
  })
})

describe('notify_confirm_receive', () => {
  const notify = (body: unknown) => h.api('/wxa/sec/order/notify_confirm_receive', body)
  const nowSec = () => Math.floor(h.sandbox.clock.now() / 1000)

  test('reminds the payer once, after a courier shipment, with a plausible time in seconds', async () => {
    expect(
      (await notify({ transaction_id: '4200000010', received_time: nowSec() })).body.errcode,
    ).toBe(10060001)
    await h.api('/wxa/sec/order/upload_shipping_info', courierShipping('4200000010'))
    await h.sandbox.clock.advance!(3600_000)
    expect((await notify({ transaction_id: '4200000010' })).body.errcode).toBe(47001)
    expect(
      (await notify({ transaction_id: '4200000010', received_time: h.sandbox.clock.now() })).body
        .errcode,
    ).toBe(10060029)
    expect(
      (await notify({ transaction_id: '4200000010', received_time: nowSec() - 7200 })).body.errcode,
    ).toBe(10060029)
    expect(
      (await notify({ transaction_id: '4200000010', received_time: nowSec() })).body.errcode,
    ).toBe(0)
    expect(
      (await notify({ transaction_id: '4200000010', received_time: nowSec() })).body.errcode,
    ).toBe(10060023)
    const inbox = await h.control('GET', 'inbox?openid=o-buyer-000001')
    expect(inbox.body.messages[0]).toMatchObject({ kind: 'confirm-receive', title: '确认收货提醒' })
    expect((await h.control('GET', 'shipping')).body.shipping[0].confirmReceive.received_time).toBe(
      nowSec(),
    )
    expect((await notify({})).body.errcode).toBe(47001)
  })

  test('by merchant_id + merchant_trade_no; not for self-pickup', async () => {
    await h.api(
      '/wxa/sec/order/upload_shipping_info',
      courierShipping('', {
        order_key: { order_number_type: 1, mchid: '1900000109', out_trade_no: 'LQ1' },
      }),
    )
    expect(
      (
        await notify({
          merchant_id: '1900000109',
          merchant_trade_no: 'LQ1',
          received_time: nowSec(),
        })
      ).body.errcode,
    ).toBe(0)
    await h.api(
      '/wxa/sec/order/upload_shipping_info',
      courierShipping('4200000011', { logistics_type: 4, shipping_list: [{ item_desc: '自提' }] }),
    )
    expect(
      (await notify({ transaction_id: '4200000011', received_time: nowSec() })).body.errcode,
    ).toBe(10060014)
  })
})

describe('faults', () => {
  test('system busy, rate limit and 502 change nothing; a timeout changes and does not answer', async () => {
    const t = await h.token()
    h.sandbox.faults.set({ systemBusy: 1, rateLimited: 1, httpErrors: 1, timeouts: 1 })
    const upload = () =>
      h.api('/wxa/sec/order/upload_shipping_info', courierShipping('4200000020'), t)
    expect((await upload()).status).toBe(502)
    expect((await upload()).body.errcode).toBe(-1)
    expect((await upload()).body.errcode).toBe(45009)
    await expect(upload()).rejects.toThrow()
    expect((await h.control('GET', 'shipping')).body.shipping).toHaveLength(1)
    expect((await upload()).body.errcode).toBe(10060023)
    expect((await h.control('POST', 'faults', { nope: 1 })).status).toBe(400)
  })

  test('reset forgets everything', async () => {
    await h.api('/wxa/sec/order/upload_shipping_info', courierShipping('4200000021'))
    await h.control('POST', 'reset')
    expect((await h.control('GET', 'shipping')).body.shipping).toHaveLength(0)
    expect((await h.control('GET', 'inbox')).body.messages).toHaveLength(0)
  })
})
