import { SANDBOX_SP_APPID, SANDBOX_SP_MCHID } from '../keys'
import { type Harness, startHarness } from './harness'

let h: Harness
beforeEach(async () => {
  h = await startHarness({ applymentStepMs: 60_000, refundDelayMs: 5_000 })
  h.sandbox.media.register('media-id-front', 'media-id-back')
})
afterEach(() => h.close())

const SUB = '1900200001'
const books = () => h.sandbox.books.snapshot()

const applymentBody = (
  h: Harness,
  out_request_no: string,
  name = '张三',
  idNumber = '11010119900307001X',
) => ({
  out_request_no,
  organization_type: '2500',
  id_card_info: {
    id_card_copy: 'media-id-front',
    id_card_national: 'media-id-back',
    id_card_name: h.encrypt(name),
    id_card_number: h.encrypt(idNumber),
    id_card_valid_time: '2036-01-01',
  },
  account_info: {
    bank_account_type: '75',
    account_bank: '工商银行',
    account_name: h.encrypt(name),
    bank_address_code: '440300',
    account_number: h.encrypt('6222020000000000'),
  },
  contact_info: {
    contact_type: '65',
    contact_name: h.encrypt(name),
    mobile_phone: h.encrypt('13800000000'),
  },
  sales_scene_info: { store_name: '邻圈小店', store_url: 'https://linquan.example' },
  merchant_shortname: '邻圈卖家',
})

describe('applyments (二级商户进件)', () => {
  const serialHeader = () => ({ headers: { 'Wechatpay-Serial': h.keys.platform.serial } })

  test('CHECKING → ACCOUNT_NEED_VERIFY → NEED_SIGN → FINISH over sandbox time, then the sub_mchid can take payments', async () => {
    const r = await h.call(
      'POST',
      '/v3/ecommerce/applyments/',
      applymentBody(h, 'APPLY0001'),
      serialHeader(),
    )
    expect(r.status).toBe(200)
    expect(r.body.out_request_no).toBe('APPLY0001')
    const again = await h.call(
      'POST',
      '/v3/ecommerce/applyments/',
      applymentBody(h, 'APPLY0001'),
      serialHeader(),
    )
    expect(again.body.applyment_id).toBe(r.body.applyment_id)
    const states: string[] = []
    for (let i = 0; i < 4; i++) {
      const q = await h.call('GET', '/v3/ecommerce/applyments/out-request-no/APPLY0001')
      expect(q.signatureValid).toBe(true)
      states.push(q.body.applyment_state)
      if (q.body.applyment_state === 'ACCOUNT_NEED_VERIFY')
        expect(q.body.account_validation.pay_amount).toBeGreaterThan(0)
      if (q.body.applyment_state === 'NEED_SIGN') expect(q.body.sign_url).toMatch(/^https:/)
      await h.sandbox.clock.advance!(60_000)
    }
    expect(states).toEqual(['CHECKING', 'ACCOUNT_NEED_VERIFY', 'NEED_SIGN', 'FINISH'])
    const done = await h.call('GET', '/v3/ecommerce/applyments/out-request-no/APPLY0001')
    const sub = done.body.sub_mchid as string
    expect(sub).toMatch(/^\d{10}$/)
    const pay = await h.call(
      'POST',
      '/v3/pay/partner/transactions/jsapi',
      h.jsapiBody({ sub_mchid: sub }),
    )
    expect(pay.body).toMatchObject({ prepay_id: expect.any(String) })
  })

  test('the control endpoint advances a state; a name containing 驳回 is REJECTED with a reason', async () => {
    await h.call('POST', '/v3/ecommerce/applyments/', applymentBody(h, 'APPLY0002'), serialHeader())
    expect((await h.control('POST', 'applyments/APPLY0002/advance')).body.applyment_state).toBe(
      'ACCOUNT_NEED_VERIFY',
    )
    await h.call(
      'POST',
      '/v3/ecommerce/applyments/',
      applymentBody(h, 'APPLY0003', '李驳回'),
      serialHeader(),
    )
    expect(
      (await h.call('GET', '/v3/ecommerce/applyments/out-request-no/APPLY0003')).body
        .applyment_state,
    ).toBe('CHECKING')
    const rej = await h.control('POST', 'applyments/APPLY0003/advance')
    expect(rej.body.applyment_state).toBe('REJECTED')
    // Worded as WeChat's own audit: the app shows it to the seller, so no sandbox words in it.
    expect(rej.body.audit_detail[0]).toEqual({
      field: 'id_card_name',
      field_name: '身份证姓名',
      reject_reason: '身份证姓名与号码不一致，请核对后重新提交',
    })
    expect(JSON.stringify(rej.body)).not.toMatch(/沙箱|sandbox/i)
    expect(rej.body.sub_mchid).toBeUndefined()
  })

  test('plaintext sensitive fields or a missing Wechatpay-Serial are PARAM_ERROR, and the plaintext is never echoed', async () => {
    const plain = {
      ...applymentBody(h, 'APPLY0004'),
      id_card_info: { ...applymentBody(h, 'APPLY0004').id_card_info, id_card_name: '王五明文' },
    }
    const r = await h.call('POST', '/v3/ecommerce/applyments/', plain, serialHeader())
    expect(r.status).toBe(400)
    expect(r.body.code).toBe('PARAM_ERROR')
    expect(r.raw).not.toContain('王五明文')
    const noSerial = await h.call(
      'POST',
      '/v3/ecommerce/applyments/',
      applymentBody(h, 'APPLY0005'),
    )
    expect(noSerial.body.code).toBe('PARAM_ERROR')
    expect((await h.call('GET', '/v3/ecommerce/applyments/out-request-no/APPLY0004')).status).toBe(
      404,
    )
  })
})

describe('partner JSAPI, cashier and payment notification', () => {
  test('idempotent on out_trade_no: same body → same prepay_id; different body → INVALID_REQUEST', async () => {
    const body = h.jsapiBody()
    const a = await h.call('POST', '/v3/pay/partner/transactions/jsapi', body)
    const b = await h.call('POST', '/v3/pay/partner/transactions/jsapi', { ...body })
    expect(a.status).toBe(200)
    expect(b.body.prepay_id).toBe(a.body.prepay_id)
    const c = await h.call('POST', '/v3/pay/partner/transactions/jsapi', {
      ...body,
      amount: { total: 1, currency: 'CNY' },
    })
    expect(c.status).toBe(400)
    expect(c.body.code).toBe('INVALID_REQUEST')
  })

  test('validation: unknown sub_mchid, bad amount, wrong sp_mchid', async () => {
    for (const over of [
      { sub_mchid: '1999999999' },
      { amount: { total: 0 } },
      { sp_mchid: '1234567890' },
      { payer: {} },
    ]) {
      const r = await h.call('POST', '/v3/pay/partner/transactions/jsapi', h.jsapiBody(over))
      expect(r.status).toBe(400)
      expect(r.body.code).toBe('PARAM_ERROR')
    }
  })

  test('cashier page → 确认支付 → SUCCESS, money frozen, signed + encrypted TRANSACTION.SUCCESS delivered', async () => {
    const body = h.jsapiBody({}, 12_345)
    const { prepay_id } = (await h.call('POST', '/v3/pay/partner/transactions/jsapi', body)).body
    const page = await fetch(
      `${h.sandboxUrl}/cashier?prepay_id=${prepay_id}&redirect_url=${encodeURIComponent('http://evil.example/x')}`,
    )
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('沙箱 · 模拟微信支付')
    expect(html).toContain('¥123.45')
    expect(html).toContain('确认支付')
    expect(html).not.toContain('evil.example')
    const q0 = await h.call(
      'GET',
      `/v3/pay/partner/transactions/out-trade-no/${body.out_trade_no}?sp_mchid=${SANDBOX_SP_MCHID}&sub_mchid=${SUB}`,
    )
    expect(q0.body.trade_state).toBe('NOTPAY')

    const paid = await fetch(`${h.sandboxUrl}/cashier/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prepay_id }),
    })
    expect(paid.status).toBe(200)
    const twice = await fetch(`${h.sandboxUrl}/cashier/pay`, {
      method: 'POST',
      body: JSON.stringify({ prepay_id }),
    })
    expect((await twice.json()).code).toBe('ORDERPAID')
    expect(books().subMerchants[SUB]).toEqual({ frozen: 12_345, available: 0, withdrawn: 0 })

    await h.sandbox.clock.advance!(0)
    expect(h.received).toHaveLength(1)
    const n = h.received[0]
    expect(n.body.event_type).toBe('TRANSACTION.SUCCESS')
    expect(n.body.resource.associated_data).toBe('transaction')
    const tx = h.open(n)
    expect(tx).toMatchObject({
      out_trade_no: body.out_trade_no,
      sub_mchid: SUB,
      sp_appid: SANDBOX_SP_APPID,
      trade_state: 'SUCCESS',
      amount: { total: 12_345, payer_total: 12_345 },
    })
    expect(tx.transaction_id).toMatch(/^42000\d+/)
    const q1 = await h.call(
      'GET',
      `/v3/pay/partner/transactions/out-trade-no/${body.out_trade_no}?sp_mchid=${SANDBOX_SP_MCHID}&sub_mchid=${SUB}`,
    )
    expect(q1.body.trade_state).toBe('SUCCESS')
    expect(q1.body.transaction_id).toBe(tx.transaction_id)
  })

  test('close: unpaid closes (204, repeatable) and can no longer be paid; a paid order cannot close (ORDERPAID)', async () => {
    const body = h.jsapiBody()
    await h.call('POST', '/v3/pay/partner/transactions/jsapi', body)
    const closeBody = { sp_mchid: SANDBOX_SP_MCHID, sub_mchid: SUB }
    const c1 = await h.call(
      'POST',
      `/v3/pay/partner/transactions/out-trade-no/${body.out_trade_no}/close`,
      closeBody,
    )
    expect(c1.status).toBe(204)
    expect(c1.raw).toBe('')
    expect(c1.signatureValid).toBe(true)
    expect(
      (
        await h.call(
          'POST',
          `/v3/pay/partner/transactions/out-trade-no/${body.out_trade_no}/close`,
          closeBody,
        )
      ).status,
    ).toBe(204)
    expect(() => h.sandbox.pay(body.out_trade_no)).toThrow(/关闭/)
    expect((await h.call('POST', '/v3/pay/partner/transactions/jsapi', body)).body.code).toBe(
      'ORDER_CLOSED',
    )
    const { out_trade_no } = await h.paidOrder()
    const c3 = await h.call(
      'POST',
      `/v3/pay/partner/transactions/out-trade-no/${out_trade_no}/close`,
      closeBody,
    )
    expect(c3.body.code).toBe('ORDERPAID')
  })

  test('an order past time_expire cannot be paid', async () => {
    const body = h.jsapiBody()
    await h.call('POST', '/v3/pay/partner/transactions/jsapi', body)
    await h.sandbox.clock.advance!(16 * 60_000)
    expect(() => h.sandbox.pay(body.out_trade_no)).toThrow(/期限/)
  })
})

describe('profit sharing, finish, returns, refunds, balance, withdrawal', () => {
  const share = (transaction_id: string, out_order_no: string, amount: number, finish = true) => ({
    appid: SANDBOX_SP_APPID,
    sub_mchid: SUB,
    transaction_id,
    out_order_no,
    receivers: [
      { type: 'MERCHANT_ID', receiver_account: SANDBOX_SP_MCHID, amount, description: '平台佣金' },
    ],
    finish,
  })

  test('commission to the platform, rest unfrozen, repeat moves nothing; withdraw; balance', async () => {
    const { transaction_id } = await h.paidOrder(10_000)
    const r = await h.call(
      'POST',
      '/v3/ecommerce/profitsharing/orders',
      share(transaction_id, 'PS0001', 100),
    )
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('FINISHED')
    const again = await h.call(
      'POST',
      '/v3/ecommerce/profitsharing/orders',
      share(transaction_id, 'PS0001', 100),
    )
    expect(again.body.order_id).toBe(r.body.order_id)
    expect(books()).toMatchObject({
      paid: 10_000,
      platform: 100,
      subMerchants: { [SUB]: { frozen: 0, available: 9_900, withdrawn: 0 } },
    })
    const q = await h.call(
      'GET',
      `/v3/ecommerce/profitsharing/orders?sub_mchid=${SUB}&transaction_id=${transaction_id}&out_order_no=PS0001`,
    )
    expect(q.body.order_id).toBe(r.body.order_id)
    const more = await h.call(
      'POST',
      '/v3/ecommerce/profitsharing/orders',
      share(transaction_id, 'PS0002', 1),
    )
    expect(more.body.code).toBe('INVALID_REQUEST')

    const bal = await h.call('GET', `/v3/ecommerce/fund/balance/${SUB}`)
    expect(bal.body).toMatchObject({ sub_mchid: SUB, available_amount: 9_900, pending_amount: 0 })
    const w = {
      sub_mchid: SUB,
      out_request_no: 'WD0001',
      amount: 9_000,
      remark: '提现',
      bank_memo: '邻圈',
    }
    const w1 = await h.call('POST', '/v3/ecommerce/fund/withdraw', w)
    const w2 = await h.call('POST', '/v3/ecommerce/fund/withdraw', w)
    expect(w1.status).toBe(200)
    expect(w2.body.withdraw_id).toBe(w1.body.withdraw_id)
    expect(books().subMerchants[SUB]).toEqual({ frozen: 0, available: 900, withdrawn: 9_000 })
    const wq = await h.call(
      'GET',
      `/v3/ecommerce/fund/withdraw/out-request-no/WD0001?sub_mchid=${SUB}`,
    )
    expect(wq.body).toMatchObject({ status: 'SUCCESS', amount: 9_000 })
    const tooMuch = await h.call('POST', '/v3/ecommerce/fund/withdraw', {
      ...w,
      out_request_no: 'WD0002',
      amount: 901,
    })
    expect(tooMuch.status).toBe(403)
    expect(tooMuch.body.code).toBe('NOT_ENOUGH')
  })

  test('sharing more than frozen is NOT_ENOUGH; finish-order unfreezes the rest once', async () => {
    const { transaction_id } = await h.paidOrder(5_000)
    const over = await h.call(
      'POST',
      '/v3/ecommerce/profitsharing/orders',
      share(transaction_id, 'PS0010', 5_001, false),
    )
    expect(over.body.code).toBe('NOT_ENOUGH')
    expect(
      (
        await h.call(
          'POST',
          '/v3/ecommerce/profitsharing/orders',
          share(transaction_id, 'PS0011', 50, false),
        )
      ).status,
    ).toBe(200)
    expect(books().subMerchants[SUB].frozen).toBe(4_950)
    const fin = { sub_mchid: SUB, transaction_id, out_order_no: 'PSF0011', description: '分账完结' }
    const f1 = await h.call('POST', '/v3/ecommerce/profitsharing/finish-order', fin)
    const f2 = await h.call('POST', '/v3/ecommerce/profitsharing/finish-order', fin)
    expect(f1.status).toBe(200)
    expect(f2.body.order_id).toBe(f1.body.order_id)
    expect(books().subMerchants[SUB]).toEqual({ frozen: 0, available: 4_950, withdrawn: 0 })
    expect(
      (
        await h.call('POST', '/v3/ecommerce/profitsharing/finish-order', {
          ...fin,
          out_order_no: 'PSF0012',
        })
      ).body.code,
    ).toBe('INVALID_REQUEST')

    // Return the commission to the seller, once.
    const ret = {
      sub_mchid: SUB,
      out_order_no: 'PS0011',
      out_return_no: 'RET0001',
      return_mchid: SANDBOX_SP_MCHID,
      amount: 50,
      description: '退还佣金',
    }
    const r1 = await h.call('POST', '/v3/ecommerce/profitsharing/returnorders', ret)
    const r2 = await h.call('POST', '/v3/ecommerce/profitsharing/returnorders', ret)
    expect(r1.body.result).toBe('SUCCESS')
    expect(r2.body.return_no).toBe(r1.body.return_no)
    expect(books()).toMatchObject({ platform: 0, subMerchants: { [SUB]: { available: 5_000 } } })
    expect(
      (
        await h.call('POST', '/v3/ecommerce/profitsharing/returnorders', {
          ...ret,
          out_return_no: 'RET0002',
          amount: 1,
        })
      ).body.code,
    ).toBe('NOT_ENOUGH')
    const rq = await h.call(
      'GET',
      `/v3/ecommerce/profitsharing/returnorders?sub_mchid=${SUB}&out_order_no=PS0011&out_return_no=RET0001`,
    )
    expect(rq.body.amount).toBe(50)
  })

  test('refunds: partial then rest, never more than paid; repeat with same key moves nothing; REFUND.SUCCESS notification', async () => {
    const { out_trade_no, transaction_id } = await h.paidOrder(3_000)
    await h.sandbox.clock.advance!(0)
    const refund = (out_refund_no: string, amount: number) => ({
      sub_mchid: SUB,
      sp_appid: SANDBOX_SP_APPID,
      out_trade_no,
      out_refund_no,
      reason: '买家取消',
      amount: { refund: amount, total: 3_000, currency: 'CNY' },
      notify_url: `${h.notifyBase}/refund-notify`,
    })
    const a = await h.call('POST', '/v3/ecommerce/refunds/apply', refund('RF0001', 1_000))
    const a2 = await h.call('POST', '/v3/ecommerce/refunds/apply', refund('RF0001', 1_000))
    expect(a.status).toBe(200)
    expect(a2.body.refund_id).toBe(a.body.refund_id)
    expect(
      (await h.call('POST', '/v3/ecommerce/refunds/apply', refund('RF0001', 999))).body.code,
    ).toBe('INVALID_REQUEST')
    expect(books()).toMatchObject({ refunded: 1_000, subMerchants: { [SUB]: { frozen: 2_000 } } })
    const over = await h.call('POST', '/v3/ecommerce/refunds/apply', refund('RF0002', 2_001))
    expect(over.status).toBe(403)
    expect(over.body.code).toBe('NOT_ENOUGH')
    const q = await h.call('GET', `/v3/ecommerce/refunds/out-refund-no/RF0001?sub_mchid=${SUB}`)
    expect(q.body.status).toBe('PROCESSING')
    await h.sandbox.clock.advance!(5_000)
    expect(
      (await h.call('GET', `/v3/ecommerce/refunds/out-refund-no/RF0001?sub_mchid=${SUB}`)).body
        .status,
    ).toBe('SUCCESS')
    const n = h.received.find((r) => r.body.event_type === 'REFUND.SUCCESS')!
    expect(h.open(n)).toMatchObject({
      out_refund_no: 'RF0001',
      refund_status: 'SUCCESS',
      transaction_id,
      amount: { refund: 1_000, total: 3_000 },
    })
    expect(
      (await h.call('POST', '/v3/ecommerce/refunds/apply', refund('RF0003', 2_000))).status,
    ).toBe(200)
    expect(books()).toMatchObject({
      paid: 3_000,
      refunded: 3_000,
      subMerchants: { [SUB]: { frozen: 0, available: 0 } },
    })
    expect(
      (
        await h.call(
          'GET',
          `/v3/pay/partner/transactions/out-trade-no/${out_trade_no}?sp_mchid=${SANDBOX_SP_MCHID}&sub_mchid=${SUB}`,
        )
      ).body.trade_state,
    ).toBe('REFUND')
  })

  test('a refund after release comes out of the available balance, NOT_ENOUGH once it is withdrawn', async () => {
    const { out_trade_no, transaction_id } = await h.paidOrder(2_000)
    await h.call('POST', '/v3/ecommerce/profitsharing/orders', share(transaction_id, 'PS0020', 20))
    await h.call('POST', '/v3/ecommerce/fund/withdraw', {
      sub_mchid: SUB,
      out_request_no: 'WD0020',
      amount: 1_500,
    })
    const body = {
      sub_mchid: SUB,
      out_trade_no,
      out_refund_no: 'RF0020',
      amount: { refund: 1_000, total: 2_000, currency: 'CNY' },
    }
    expect((await h.call('POST', '/v3/ecommerce/refunds/apply', body)).body.code).toBe('NOT_ENOUGH')
    expect(
      (
        await h.call('POST', '/v3/ecommerce/refunds/apply', {
          ...body,
          out_refund_no: 'RF0021',
          amount: { ...body.amount, refund: 480 },
        })
      ).status,
    ).toBe(200)
    expect(books()).toMatchObject({
      subMerchants: { [SUB]: { frozen: 0, available: 0, withdrawn: 1_500 } },
      refunded: 480,
      platform: 20,
    })
    expect(h.sandbox.books.balanced()).toBe(true)
  })

  test('a call that times out after taking effect, retried with the same key, moves money once', async () => {
    const { out_trade_no } = await h.paidOrder(1_000)
    h.sandbox.faults.set({ apiTimeouts: 1 })
    const body = {
      sub_mchid: SUB,
      out_trade_no,
      out_refund_no: 'RF0030',
      amount: { refund: 400, total: 1_000, currency: 'CNY' },
    }
    await expect(h.call('POST', '/v3/ecommerce/refunds/apply', body)).rejects.toThrow()
    const retry = await h.call('POST', '/v3/ecommerce/refunds/apply', body)
    expect(retry.status).toBe(200)
    expect(books().refunded).toBe(400)
    h.sandbox.faults.set({ apiErrors: 1 })
    const failed = await h.call('POST', '/v3/ecommerce/refunds/apply', {
      ...body,
      out_refund_no: 'RF0031',
    })
    expect(failed.status).toBe(500)
    expect(failed.body.code).toBe('SYSTEM_ERROR')
    h.sandbox.faults.set({ apiRateLimited: 1 })
    const limited = await h.call('POST', '/v3/ecommerce/refunds/apply', {
      ...body,
      out_refund_no: 'RF0031',
    })
    expect([limited.status, limited.body.code, limited.signatureValid]).toEqual([
      429,
      'FREQUENCY_LIMITED',
      true,
    ])
    expect(books().refunded).toBe(400)
  })
})
