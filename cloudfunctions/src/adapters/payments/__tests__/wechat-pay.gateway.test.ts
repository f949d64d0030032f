import { constants, createPublicKey, privateDecrypt, verify, X509Certificate } from 'node:crypto'
import Pay from 'wechatpay-node-v3'
import { PaymentGatewayError } from '../../../modules/payments/ports/payment-gateway.port'
import type { WechatPayConfigInput } from '../wechat-pay.config'
import { wechatPayVerdict, WechatPayGateway } from '../wechat-pay.gateway'
import { isPermanentRefusal } from '../../../modules/core/ports/provider-error'
import {
  API_V3_KEY,
  buildNotification,
  FakeWechatPay,
  FIXTURE_NOW_MS,
  gcmEncrypt,
  MERCHANT,
  PLATFORM,
  PLATFORM_ROTATED,
  ROGUE,
  SP_APPID,
  SP_MCHID,
  verifyAuthorization,
  type FakeCall,
} from './fake-wechat-pay'

let now = FIXTURE_NOW_MS
const clock = { now: () => now }
let fake: FakeWechatPay

function gateway(over: Partial<WechatPayConfigInput> = {}) {
  return new WechatPayGateway({
    clock,
    config: {
      ...baseConfig(),
      baseUrl: fake.baseUrl,
      notifyUrls: {
        payment: 'https://example.test/pay-notify',
        refund: 'https://example.test/refund-notify',
      },
      timeoutMs: 2_000,
      ...over,
    },
  })
}

async function rejection(p: Promise<unknown>): Promise<PaymentGatewayError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(PaymentGatewayError)
    return e as PaymentGatewayError
  }
  throw new Error('expected the call to be rejected')
}

const ORDER = { outTradeNo: 'LQ202611240001', subMchid: '1900000109' }
const orderAnswer = {
  sp_mchid: SP_MCHID,
  sub_mchid: ORDER.subMchid,
  out_trade_no: ORDER.outTradeNo,
  transaction_id: '4200000001202611240000000001',
  trade_state: 'SUCCESS',
  amount: { total: 12_345, payer_total: 12_345, currency: 'CNY' },
  success_time: '2026-11-24T20:00:00+08:00',
}

beforeEach(async () => {
  now = FIXTURE_NOW_MS
  fake = new FakeWechatPay(() => now)
  await fake.start()
})
afterEach(() => fake.stop())

describe('requests', () => {
  it('signs with the merchant key, sends exactly the signed body, under the configured base URL', async () => {
    fake.handler = () => ({ status: 200, body: { prepay_id: 'wx24prepay0001' } })
    const gw = gateway()
    const res = await gw.createJsapiOrder({
      outTradeNo: ORDER.outTradeNo,
      subMchid: ORDER.subMchid,
      description: '二手自行车',
      amountFen: 12_345,
      payerOpenid: 'o-buyer-1',
    })
    expect(res).toEqual({ prepayId: 'wx24prepay0001' })
    const call = fake.calls[0]
    expect(call.rawUrl).toBe('/sandbox/wechat-pay/v3/pay/partner/transactions/jsapi')
    expect(call.path).toBe('/v3/pay/partner/transactions/jsapi')
    expect(verifyAuthorization(call)).toBe(true)
    // Flip one byte of the body: the same Authorization must no longer verify.
    expect(verifyAuthorization({ ...call, body: call.body.replace('12345', '12346') })).toBe(false)
    const sent = JSON.parse(call.body)
    expect(sent).toMatchObject({
      sp_appid: SP_APPID,
      sp_mchid: SP_MCHID,
      sub_mchid: ORDER.subMchid,
      out_trade_no: ORDER.outTradeNo,
      settle_info: { profit_sharing: true },
      amount: { total: 12_345, currency: 'CNY' },
      payer: { sp_openid: 'o-buyer-1' },
      notify_url: 'https://example.test/pay-notify',
    })
    // 15 minutes after the fake clock, written in +08:00.
    expect(Date.parse(sent.time_expire)).toBe(Math.floor(now / 1000) * 1000 + 15 * 60_000)
    expect(sent.time_expire).toMatch(/\+08:00$/)
    const authTs = /timestamp="(\d+)"/.exec(call.headers.authorization)![1]
    expect(Number(authTs)).toBe(Math.floor(now / 1000))
  })

  it('signs GET requests over path + query with an empty body line', async () => {
    fake.handler = () => ({ status: 200, body: orderAnswer })
    const res = await gateway().queryOrder(ORDER)
    const call = fake.calls[0]
    expect(call.method).toBe('GET')
    expect(call.path).toBe(
      `/v3/pay/partner/transactions/out-trade-no/${ORDER.outTradeNo}?sp_mchid=${SP_MCHID}&sub_mchid=${ORDER.subMchid}`,
    )
    expect(call.body).toBe('')
    expect(verifyAuthorization(call)).toBe(true)
    expect(res).toEqual({
      outTradeNo: ORDER.outTradeNo,
      subMchid: ORDER.subMchid,
      tradeState: 'SUCCESS',
      transactionId: orderAnswer.transaction_id,
      totalFen: 12_345,
      payerTotalFen: 12_345,
      successTime: orderAnswer.success_time,
    })
  })

  it('rejects non-integer or non-positive fen before anything is sent', async () => {
    const gw = gateway()
    const e = await rejection(
      gw.refund({
        subMchid: 's',
        outTradeNo: 't',
        outRefundNo: 'r',
        refundFen: 10.5,
        totalFen: 100,
      }),
    )
    expect(e.wechatCode).toBe('INVALID_ARGUMENT')
    expect(fake.calls).toHaveLength(0)
  })
})

describe('response verification', () => {
  beforeEach(() => {
    fake.handler = () => ({ status: 200, body: orderAnswer })
  })

  it('accepts a correctly signed answer within 5 minutes (skew 4m59s)', async () => {
    fake.handler = () => ({
      status: 200,
      body: orderAnswer,
      sign: { timestampSec: Math.floor(now / 1000) - 299 },
    })
    await expect(gateway().queryOrder(ORDER)).resolves.toMatchObject({ tradeState: 'SUCCESS' })
  })

  it('rejects a signature made with another key under the platform serial', async () => {
    fake.handler = () => ({
      status: 200,
      body: orderAnswer,
      sign: { key: ROGUE, serial: PLATFORM.serial },
    })
    const e = await rejection(gateway().queryOrder(ORDER))
    expect(e.wechatCode).toBe('SIGNATURE_INVALID')
    expect(e.kind).toBe('verification')
  })

  it('rejects a tampered body', async () => {
    fake.handler = () => ({
      status: 200,
      body: orderAnswer,
      tamper: (b) => b.replace('"total":12345', '"total":1'),
    })
    expect((await rejection(gateway().queryOrder(ORDER))).wechatCode).toBe('SIGNATURE_INVALID')
  })

  it.each([
    ['old', -301],
    ['future', +301],
  ])('rejects a %s timestamp (> 5 minutes off the clock)', async (_, offset) => {
    fake.handler = () => ({
      status: 200,
      body: orderAnswer,
      sign: { timestampSec: Math.floor(now / 1000) + offset },
    })
    expect((await rejection(gateway().queryOrder(ORDER))).wechatCode).toBe('TIMESTAMP_STALE')
  })

  it('rejects an unsigned answer', async () => {
    fake.handler = () => ({ status: 200, body: orderAnswer, sign: false })
    expect((await rejection(gateway().queryOrder(ORDER))).wechatCode).toBe('SIGNATURE_MISSING')
  })

  it('rejects an unknown serial after exactly one certificate refresh', async () => {
    fake.handler = () => ({ status: 200, body: orderAnswer, sign: { key: ROGUE } })
    const gw = gateway()
    expect((await rejection(gw.queryOrder(ORDER))).wechatCode).toBe('UNKNOWN_SERIAL')
    expect(fake.certificateRequests()).toBe(1)
    expect(gw.certificateRefreshes).toBe(1)
    // Within the cooldown another unknown serial does not hit /v3/certificates again.
    expect((await rejection(gw.queryOrder(ORDER))).wechatCode).toBe('UNKNOWN_SERIAL')
    expect(fake.certificateRequests()).toBe(1)
  })

  it('learns a rotated platform certificate with exactly one refresh, then reuses it', async () => {
    fake.certificates = [PLATFORM, PLATFORM_ROTATED]
    fake.handler = () => ({ status: 200, body: orderAnswer, sign: { key: PLATFORM_ROTATED } })
    const gw = gateway()
    await expect(gw.queryOrder(ORDER)).resolves.toMatchObject({ tradeState: 'SUCCESS' })
    await expect(gw.queryOrder(ORDER)).resolves.toMatchObject({ tradeState: 'SUCCESS' })
    expect(fake.certificateRequests()).toBe(1)
    expect(gw.knownPlatformSerials()).toContain(PLATFORM_ROTATED.serial)
    // The refresh request itself was signed by us.
    expect(verifyAuthorization(fake.calls.find((c) => c.path === '/v3/certificates')!)).toBe(true)
  })

  it('bootstraps with no cached certificate: the answer signed by a certificate it carries', async () => {
    fake.certificatesSign = { key: PLATFORM }
    const gw = gateway({ platformCertificates: [] })
    await expect(gw.queryOrder(ORDER)).resolves.toMatchObject({ tradeState: 'SUCCESS' })
    expect(fake.certificateRequests()).toBe(1)
  })

  it('refuses certificates whose GCM tag does not verify (no trust gained)', async () => {
    fake.certificates = [PLATFORM_ROTATED]
    fake.certificatesSign = { key: PLATFORM_ROTATED }
    fake.certificatesTamper = (data) => {
      const ct = Buffer.from(data[0].encrypt_certificate.ciphertext, 'base64')
      ct[ct.length - 1] ^= 1
      data[0].encrypt_certificate.ciphertext = ct.toString('base64')
    }
    fake.handler = () => ({ status: 200, body: orderAnswer, sign: { key: PLATFORM_ROTATED } })
    const gw = gateway()
    expect((await rejection(gw.queryOrder(ORDER))).wechatCode).toBe('DECRYPT_FAILED')
    expect(gw.knownPlatformSerials()).toEqual([PLATFORM.serial])
  })

  it.each([
    [429, 'FREQUENCY_LIMITED', true],
    [403, 'NO_AUTH', false],
  ])(
    'reads a failed certificate fetch by the error table: %i %s',
    async (status, code, retryable) => {
      fake.certificatesFailure = { status, body: { code, message: '证书下载失败' }, sign: false }
      fake.handler = () => ({ status: 200, body: orderAnswer, sign: { key: PLATFORM_ROTATED } })
      const err = await rejection(gateway().queryOrder(ORDER))
      expect(err).toMatchObject({ wechatCode: code, retryable })
      // A refund job waiting for a new certificate tries again after a rate limit, never gives up.
      expect(isPermanentRefusal(err)).toBe(!retryable)
    },
  )

  it('refuses a certificates answer signed by a key it does not carry', async () => {
    fake.certificates = [PLATFORM_ROTATED]
    fake.certificatesSign = { key: ROGUE }
    fake.handler = () => ({ status: 200, body: orderAnswer, sign: { key: PLATFORM_ROTATED } })
    const gw = gateway()
    expect((await rejection(gw.queryOrder(ORDER))).wechatCode).toBe('UNKNOWN_SERIAL')
    expect(gw.knownPlatformSerials()).toEqual([PLATFORM.serial])
  })
})

describe('error answers', () => {
  it('throws 4xx as a typed, non-retryable error keeping WeChat code and message', async () => {
    fake.handler = () => ({
      status: 400,
      body: { code: 'PARAM_ERROR', message: '参数错误', detail: { field: 'amount' } },
    })
    const e = await rejection(gateway().queryOrder(ORDER))
    expect(e).toMatchObject({
      status: 400,
      wechatCode: 'PARAM_ERROR',
      message: '参数错误',
      retryable: false,
      kind: 'wechat',
    })
    expect(e.detail).toEqual({ field: 'amount' })
  })

  it('does not trust an unsigned 4xx (could be forged): verification error, not a business answer', async () => {
    fake.handler = () => ({
      status: 403,
      body: { code: 'NOT_ENOUGH', message: '余额不足' },
      sign: false,
    })
    expect((await rejection(gateway().queryOrder(ORDER))).wechatCode).toBe('SIGNATURE_MISSING')
  })

  it('treats 429 as retryable', async () => {
    fake.handler = () => ({ status: 429, body: { code: 'FREQUENCY_LIMITED', message: '频率超限' } })
    expect(await rejection(gateway().queryOrder(ORDER))).toMatchObject({
      wechatCode: 'FREQUENCY_LIMITED',
      retryable: true,
    })
  })

  it('treats 5xx as retryable, signed or not', async () => {
    fake.handler = () => ({
      status: 500,
      body: { code: 'SYSTEM_ERROR', message: '系统错误' },
      sign: false,
    })
    expect(await rejection(gateway().queryOrder(ORDER))).toMatchObject({
      status: 500,
      wechatCode: 'SYSTEM_ERROR',
      retryable: true,
    })
    fake.handler = () => ({ status: 502, body: '<html>bad gateway</html>', sign: false })
    expect(await rejection(gateway().queryOrder(ORDER))).toMatchObject({
      status: 502,
      wechatCode: 'HTTP_502',
      retryable: true,
    })
  })

  it('treats a timeout as retryable', async () => {
    fake.handler = () => ({ status: 200, hang: true })
    const e = await rejection(gateway({ timeoutMs: 50 }).queryOrder(ORDER))
    expect(e).toMatchObject({
      status: 0,
      wechatCode: 'TIMEOUT',
      retryable: true,
      kind: 'transport',
    })
  })

  it('treats a refused connection as retryable', async () => {
    const base = fake.baseUrl
    await fake.stop()
    const gw = new WechatPayGateway({ clock, config: { ...baseConfig(), baseUrl: base } })
    expect(await rejection(gw.queryOrder(ORDER))).toMatchObject({
      wechatCode: 'NETWORK_ERROR',
      retryable: true,
    })
    await fake.start()
  })

  it('accepts a signed 204 (close order)', async () => {
    fake.handler = () => ({ status: 204 })
    await expect(gateway().closeOrder(ORDER)).resolves.toBeUndefined()
    expect(fake.calls[0].path).toBe(
      `/v3/pay/partner/transactions/out-trade-no/${ORDER.outTradeNo}/close`,
    )
    expect(JSON.parse(fake.calls[0].body)).toEqual({
      sp_mchid: SP_MCHID,
      sub_mchid: ORDER.subMchid,
    })
  })
})

/** A complete configuration with the test keys; the gateway under test points it at the fake. */
function baseConfig(): WechatPayConfigInput {
  return {
    baseUrl: 'http://127.0.0.1:1',
    spMchid: SP_MCHID,
    spAppid: SP_APPID,
    merchantSerialNo: MERCHANT.serial,
    merchantPrivateKeyPem: MERCHANT.keyPem,
    apiV3Key: API_V3_KEY,
    platformCertificates: [{ serialNo: PLATFORM.serial, pem: PLATFORM.certPem }],
    notifyUrls: { payment: 'https://example.test/p', refund: 'https://example.test/r' },
  }
}

describe('notifications', () => {
  const paid = {
    sp_appid: SP_APPID,
    sp_mchid: SP_MCHID,
    sub_mchid: ORDER.subMchid,
    out_trade_no: ORDER.outTradeNo,
    transaction_id: orderAnswer.transaction_id,
    trade_state: 'SUCCESS',
    amount: { total: 12_345, payer_total: 12_345, currency: 'CNY' },
    success_time: '2026-11-24T20:00:00+08:00',
  }

  it('accepts a good payment notification and returns the typed resource', async () => {
    const n = buildNotification(now, 'TRANSACTION.SUCCESS', paid)
    const v = await gateway().verifyNotification(n.headers, Buffer.from(n.body))
    expect(v.kind).toBe('payment')
    expect(v.id).toBe(JSON.parse(n.body).id)
    if (v.kind !== 'payment') throw new Error('narrowing')
    expect(v.resource).toEqual({
      outTradeNo: ORDER.outTradeNo,
      transactionId: paid.transaction_id,
      subMchid: ORDER.subMchid,
      tradeState: 'SUCCESS',
      totalFen: 12_345,
      payerTotalFen: 12_345,
      successTime: paid.success_time,
      attach: undefined,
    })
  })

  it('accepts a refund notification as kind refund', async () => {
    const n = buildNotification(now, 'REFUND.SUCCESS', {
      sp_mchid: SP_MCHID,
      sub_mchid: ORDER.subMchid,
      out_trade_no: ORDER.outTradeNo,
      transaction_id: paid.transaction_id,
      out_refund_no: 'RF1',
      refund_id: '5030000001',
      refund_status: 'SUCCESS',
      amount: { total: 12_345, refund: 345, payer_total: 12_345, payer_refund: 345 },
    })
    const v = await gateway().verifyNotification(n.headers, n.body)
    expect(v).toMatchObject({
      kind: 'refund',
      resource: { outRefundNo: 'RF1', refundStatus: 'SUCCESS', refundFen: 345, totalFen: 12_345 },
    })
  })

  it('rejects tampered ciphertext even when the signature is valid (GCM tag checked)', async () => {
    const body = JSON.parse(buildNotification(now, 'TRANSACTION.SUCCESS', paid).body)
    const ct = Buffer.from(body.resource.ciphertext, 'base64')
    ct[3] ^= 0x01 // flip a bit inside the encrypted JSON
    body.resource.ciphertext = ct.toString('base64')
    const raw = JSON.stringify(body)
    const { signedHeaders } = await import('./fake-wechat-pay')
    // Re-signed by the genuine platform key: only the GCM tag can catch this.
    const e = await rejection(gateway().verifyNotification(signedHeaders(raw, now), raw))
    expect(e.wechatCode).toBe('DECRYPT_FAILED')
  })

  it('rejects a changed associated_data (AAD is authenticated)', async () => {
    const body = JSON.parse(buildNotification(now, 'TRANSACTION.SUCCESS', paid).body)
    body.resource.associated_data = 'refund'
    const raw = JSON.stringify(body)
    const { signedHeaders } = await import('./fake-wechat-pay')
    expect(
      (await rejection(gateway().verifyNotification(signedHeaders(raw, now), raw))).wechatCode,
    ).toBe('DECRYPT_FAILED')
  })

  it('rejects ciphertext made with another APIv3 key', async () => {
    const n = buildNotification(now, 'TRANSACTION.SUCCESS', paid, { apiV3Key: 'x'.repeat(32) })
    expect((await rejection(gateway().verifyNotification(n.headers, n.body))).wechatCode).toBe(
      'DECRYPT_FAILED',
    )
  })

  it('rejects a notification signed with the wrong key', async () => {
    const n = buildNotification(now, 'TRANSACTION.SUCCESS', paid, {
      key: ROGUE,
      serial: PLATFORM.serial,
    })
    expect((await rejection(gateway().verifyNotification(n.headers, n.body))).wechatCode).toBe(
      'SIGNATURE_INVALID',
    )
  })

  it('rejects a notification from an unknown serial after one refresh', async () => {
    const n = buildNotification(now, 'TRANSACTION.SUCCESS', paid, { key: ROGUE })
    const gw = gateway()
    expect((await rejection(gw.verifyNotification(n.headers, n.body))).wechatCode).toBe(
      'UNKNOWN_SERIAL',
    )
    expect(fake.certificateRequests()).toBe(1)
  })

  it('rejects any change to the raw body, even a re-serialisation that keeps the same JSON', async () => {
    const n = buildNotification(now, 'TRANSACTION.SUCCESS', paid)
    const pretty = JSON.stringify(JSON.parse(n.body), null, 1)
    expect((await rejection(gateway().verifyNotification(n.headers, pretty))).wechatCode).toBe(
      'SIGNATURE_INVALID',
    )
    const swapped = n.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESs')
    expect((await rejection(gateway().verifyNotification(n.headers, swapped))).wechatCode).toBe(
      'SIGNATURE_INVALID',
    )
  })

  it('rejects a stale notification (> 5 minutes old) and accepts one 4 minutes old', async () => {
    const n = buildNotification(now - 6 * 60_000, 'TRANSACTION.SUCCESS', paid)
    expect((await rejection(gateway().verifyNotification(n.headers, n.body))).wechatCode).toBe(
      'TIMESTAMP_STALE',
    )
    const ok = buildNotification(now - 4 * 60_000, 'TRANSACTION.SUCCESS', paid)
    await expect(gateway().verifyNotification(ok.headers, ok.body)).resolves.toMatchObject({
      kind: 'payment',
    })
  })

  it('rejects missing headers', async () => {
    const n = buildNotification(now, 'TRANSACTION.SUCCESS', paid)
    const { ['wechatpay-signature']: _drop, ...rest } = n.headers
    expect((await rejection(gateway().verifyNotification(rest, n.body))).wechatCode).toBe(
      'SIGNATURE_MISSING',
    )
  })

  it("accepts the same notification twice: de-duplication by id is the caller's job", async () => {
    const n = buildNotification(now, 'TRANSACTION.SUCCESS', paid)
    const gw = gateway()
    const a = await gw.verifyNotification(n.headers, n.body)
    const b = await gw.verifyNotification(n.headers, n.body)
    expect(a.id).toBe(b.id)
  })

  it('documents the library gap this adapter closes: decipher_gcm accepts a forged ciphertext', () => {
    const enc = gcmEncrypt(JSON.stringify(paid))
    const ct = Buffer.from(enc.ciphertext, 'base64')
    ct[ct.length - 1] ^= 1 // corrupt only the tag
    const lib = new Pay({
      appid: SP_APPID,
      mchid: SP_MCHID,
      serial_no: MERCHANT.serial,
      publicKey: Buffer.from(MERCHANT.certPem),
      privateKey: Buffer.from(MERCHANT.keyPem),
      key: API_V3_KEY,
    })
    expect(() =>
      lib.decipher_gcm(ct.toString('base64'), enc.associated_data, enc.nonce, API_V3_KEY),
    ).not.toThrow()
  })
})

describe('sensitive fields and paySign', () => {
  it('encrypts applyment id card, bank account and mobile with RSA-OAEP to the platform key and sends its serial', async () => {
    fake.handler = () => ({
      status: 200,
      body: { applyment_id: 2000002124775691, out_request_no: 'AP1' },
    })
    const res = await gateway().submitApplyment({
      outRequestNo: 'AP1',
      idCardCopyMediaId: 'media-front',
      idCardNationalMediaId: 'media-back',
      idCardName: '张三',
      idCardNumber: '110101199003070000',
      idCardValidTimeBegin: '2020-01-01',
      idCardValidTime: '2040-01-01',
      mobilePhone: '13800000000',
      bankAccount: {
        accountBank: '工商银行',
        bankAddressCode: '110000',
        accountName: '张三',
        accountNumber: '6222000000000000000',
      },
      merchantShortname: '邻居的闲置',
      storeName: '邻圈小店',
      miniProgramSubAppid: SP_APPID,
    })
    expect(res).toEqual({ applymentId: '2000002124775691', outRequestNo: 'AP1' })
    const call = fake.calls[0]
    expect(call.path).toBe('/v3/ecommerce/applyments/')
    expect(call.headers['wechatpay-serial']).toBe(PLATFORM.serial)
    expect(verifyAuthorization(call)).toBe(true)
    for (const plain of ['张三', '110101199003070000', '13800000000', '6222000000000000000'])
      expect(call.body).not.toContain(plain)
    const b = JSON.parse(call.body)
    const dec = (s: string) =>
      privateDecrypt(
        { key: PLATFORM.keyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        Buffer.from(s, 'base64'),
      ).toString('utf8')
    expect(b.organization_type).toBe('2500')
    expect(dec(b.id_card_info.id_card_name)).toBe('张三')
    expect(dec(b.id_card_info.id_card_number)).toBe('110101199003070000')
    expect(dec(b.account_info.account_number)).toBe('6222000000000000000')
    expect(dec(b.account_info.account_name)).toBe('张三')
    expect(dec(b.contact_info.mobile_phone)).toBe('13800000000')
    // SHA-256 OAEP would not decrypt: the hash really is SHA-1.
    expect(() =>
      privateDecrypt(
        { key: PLATFORM.keyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        Buffer.from(b.contact_info.mobile_phone, 'base64'),
      ),
    ).toThrow()
  })

  it('produces a requestPayment package whose paySign verifies with the merchant certificate', () => {
    const p = gateway().jsapiPayParams('wx24prepay0001')
    expect(p).toMatchObject({
      appId: SP_APPID,
      package: 'prepay_id=wx24prepay0001',
      signType: 'RSA',
      timeStamp: String(Math.floor(now / 1000)),
    })
    expect(p.nonceStr).toMatch(/^[0-9A-F]{32}$/)
    const msg = `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`
    const pub = createPublicKey(MERCHANT.certPem)
    expect(verify('RSA-SHA256', Buffer.from(msg), pub, Buffer.from(p.paySign, 'base64'))).toBe(true)
    expect(
      verify(
        'RSA-SHA256',
        Buffer.from(msg.replace('0001', '0002')),
        pub,
        Buffer.from(p.paySign, 'base64'),
      ),
    ).toBe(false)
  })
})

describe('endpoint mapping', () => {
  const sub = ORDER.subMchid
  type Case = [string, (gw: WechatPayGateway) => Promise<unknown>, string, string, unknown, unknown]
  const cases: Case[] = [
    [
      'queryApplyment',
      (gw) => gw.queryApplyment('AP1'),
      'GET',
      '/v3/ecommerce/applyments/out-request-no/AP1',
      {
        applyment_id: 1,
        out_request_no: 'AP1',
        applyment_state: 'REJECTED',
        applyment_state_desc: '已驳回',
        audit_detail: [{ param_name: 'id_card_copy', reject_reason: '模糊' }],
      },
      {
        applymentId: '1',
        outRequestNo: 'AP1',
        state: 'REJECTED',
        stateDesc: '已驳回',
        rejectReasons: [{ param: 'id_card_copy', reason: '模糊' }],
      },
    ],
    [
      'createProfitSharing',
      (gw) =>
        gw.createProfitSharing({
          subMchid: sub,
          transactionId: 'T1',
          outOrderNo: 'PS1',
          receivers: [{ account: SP_MCHID, amountFen: 123, description: '平台佣金' }],
          finish: true,
        }),
      'POST',
      '/v3/ecommerce/profitsharing/orders',
      {
        sub_mchid: sub,
        transaction_id: 'T1',
        out_order_no: 'PS1',
        order_id: 'O1',
        status: 'PROCESSING',
        receivers: [{ receiver_account: SP_MCHID, amount: 123, result: 'PENDING' }],
      },
      {
        subMchid: sub,
        transactionId: 'T1',
        outOrderNo: 'PS1',
        orderId: 'O1',
        status: 'PROCESSING',
        receivers: [{ account: SP_MCHID, amountFen: 123, result: 'PENDING' }],
      },
    ],
    [
      'queryProfitSharing',
      (gw) => gw.queryProfitSharing({ subMchid: sub, transactionId: 'T1', outOrderNo: 'PS1' }),
      'GET',
      `/v3/ecommerce/profitsharing/orders?sub_mchid=${sub}&transaction_id=T1&out_order_no=PS1`,
      {
        sub_mchid: sub,
        transaction_id: 'T1',
        out_order_no: 'PS1',
        order_id: 'O1',
        status: 'FINISHED',
        receivers: [],
      },
      { orderId: 'O1', status: 'FINISHED', receivers: [] },
    ],
    [
      'finishProfitSharing',
      (gw) =>
        gw.finishProfitSharing({
          subMchid: sub,
          transactionId: 'T1',
          outOrderNo: 'PS2',
          description: '完结',
        }),
      'POST',
      '/v3/ecommerce/profitsharing/finish-order',
      { sub_mchid: sub, transaction_id: 'T1', out_order_no: 'PS2', order_id: 'O2' },
      { orderId: 'O2', outOrderNo: 'PS2' },
    ],
    [
      'createReturnOrder',
      (gw) =>
        gw.createReturnOrder({
          subMchid: sub,
          outOrderNo: 'PS1',
          outReturnNo: 'RT1',
          returnMchid: SP_MCHID,
          amountFen: 123,
          description: '退款回退',
        }),
      'POST',
      '/v3/ecommerce/profitsharing/returnorders',
      {
        sub_mchid: sub,
        out_order_no: 'PS1',
        out_return_no: 'RT1',
        return_no: 'R1',
        return_mchid: SP_MCHID,
        amount: 123,
        result: 'SUCCESS',
      },
      { outReturnNo: 'RT1', returnNo: 'R1', amountFen: 123, result: 'SUCCESS' },
    ],
    [
      'refund',
      (gw) =>
        gw.refund({
          subMchid: sub,
          outTradeNo: ORDER.outTradeNo,
          outRefundNo: 'RF1',
          refundFen: 345,
          totalFen: 12_345,
          reason: '买家取消',
        }),
      'POST',
      '/v3/ecommerce/refunds/apply',
      {
        refund_id: '5030000001',
        out_refund_no: 'RF1',
        create_time: '2026-11-24T20:00:00+08:00',
        amount: { refund: 345, payer_refund: 345, currency: 'CNY' },
      },
      { refundId: '5030000001', outRefundNo: 'RF1', refundFen: 345 },
    ],
    [
      'queryRefund',
      (gw) => gw.queryRefund({ subMchid: sub, outRefundNo: 'RF1' }),
      'GET',
      `/v3/ecommerce/refunds/out-refund-no/RF1?sub_mchid=${sub}`,
      {
        refund_id: '5030000001',
        out_refund_no: 'RF1',
        out_trade_no: ORDER.outTradeNo,
        status: 'SUCCESS',
        amount: { refund: 345 },
      },
      { refundId: '5030000001', status: 'SUCCESS', refundFen: 345 },
    ],
    [
      'balance',
      (gw) => gw.balance(sub),
      'GET',
      `/v3/ecommerce/fund/balance/${sub}?account_type=BASIC`,
      { sub_mchid: sub, available_amount: 1000, pending_amount: 200 },
      { subMchid: sub, availableFen: 1000, pendingFen: 200 },
    ],
    [
      'withdraw',
      (gw) => gw.withdraw({ subMchid: sub, outRequestNo: 'WD1', amountFen: 1000, remark: '提现' }),
      'POST',
      '/v3/ecommerce/fund/withdraw',
      { sub_mchid: sub, withdraw_id: 'W1', out_request_no: 'WD1' },
      { subMchid: sub, withdrawId: 'W1', outRequestNo: 'WD1' },
    ],
    [
      'queryWithdraw',
      (gw) => gw.queryWithdraw({ subMchid: sub, outRequestNo: 'WD1' }),
      'GET',
      `/v3/ecommerce/fund/withdraw/out-request-no/WD1?sub_mchid=${sub}`,
      { sub_mchid: sub, withdraw_id: 'W1', out_request_no: 'WD1', status: 'SUCCESS', amount: 1000 },
      { withdrawId: 'W1', status: 'SUCCESS', amountFen: 1000 },
    ],
  ]

  it.each(cases)('%s', async (_name, run, method, path, answer, expected) => {
    fake.handler = (c: FakeCall) =>
      c.method === method && c.path === path
        ? { status: 200, body: answer }
        : { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: c.path } }
    await expect(run(gateway())).resolves.toMatchObject(expected as object)
    expect(verifyAuthorization(fake.calls[0])).toBe(true)
    if (method === 'POST') expect(JSON.parse(fake.calls[0].body)).toBeTruthy()
  })

  it('sends the deterministic keys and integer fen in money bodies', async () => {
    fake.handler = (c) =>
      c.path === '/v3/ecommerce/refunds/apply'
        ? { status: 200, body: { refund_id: 'R', out_refund_no: 'RF9', amount: { refund: 1 } } }
        : {
            status: 200,
            body: {
              sub_mchid: sub,
              transaction_id: 'T',
              out_order_no: 'PS9',
              order_id: 'O',
              status: 'FINISHED',
              receivers: [],
            },
          }
    const gw = gateway()
    await gw.refund({
      subMchid: sub,
      outTradeNo: 'OT9',
      outRefundNo: 'RF9',
      refundFen: 1,
      totalFen: 2,
    })
    await gw.createProfitSharing({
      subMchid: sub,
      transactionId: 'T',
      outOrderNo: 'PS9',
      receivers: [{ account: SP_MCHID, amountFen: 7, description: 'c' }],
      finish: false,
    })
    expect(JSON.parse(fake.calls[0].body)).toMatchObject({
      out_trade_no: 'OT9',
      out_refund_no: 'RF9',
      amount: { refund: 1, total: 2, currency: 'CNY' },
      notify_url: 'https://example.test/refund-notify',
    })
    expect(JSON.parse(fake.calls[1].body)).toMatchObject({
      out_order_no: 'PS9',
      finish: false,
      receivers: [{ type: 'MERCHANT_ID', receiver_account: SP_MCHID, amount: 7 }],
    })
  })
})

describe('certificate refresh under load and over time', () => {
  it('concurrent answers from a new serial share one refresh', async () => {
    fake.certificates = [PLATFORM, PLATFORM_ROTATED]
    fake.handler = () => ({ status: 200, body: orderAnswer, sign: { key: PLATFORM_ROTATED } })
    const gw = gateway()
    await Promise.all([gw.queryOrder(ORDER), gw.queryOrder(ORDER), gw.queryOrder(ORDER)])
    expect(fake.certificateRequests()).toBe(1)
  })

  it('allows another refresh once the cooldown has passed on the clock', async () => {
    fake.handler = () => ({ status: 200, body: orderAnswer, sign: { key: ROGUE } })
    const gw = gateway({ certRefreshCooldownMs: 60_000 })
    await rejection(gw.queryOrder(ORDER))
    now += 59_000
    await rejection(gw.queryOrder(ORDER))
    expect(fake.certificateRequests()).toBe(1)
    now += 2_000
    await rejection(gw.queryOrder(ORDER))
    expect(fake.certificateRequests()).toBe(2)
  })

  it('rejects an answer signed by a cached certificate outside its validity', async () => {
    now = Date.parse(new X509Certificate(PLATFORM.certPem).validTo) + 1_000
    fake.handler = () => ({ status: 200, body: orderAnswer })
    expect((await rejection(gateway().queryOrder(ORDER))).wechatCode).toBe('CERTIFICATE_EXPIRED')
  })
})

describe('permanent refusals (WeChat Pay v3 error table)', () => {
  it('reads the HTTP status: 429 and 5xx may pass later, any other non-2xx is final', () => {
    for (const status of [400, 401, 403, 404, 409])
      expect(wechatPayVerdict(status)).toEqual({ retryable: false, permanent: true })
    for (const status of [429, 500, 502, 503])
      expect(wechatPayVerdict(status)).toEqual({ retryable: true, permanent: false })
  })

  it('marks what the gateway throws: a signed 403 NOT_ENOUGH is refused, 429 and timeouts are not', async () => {
    fake.handler = () => ({ status: 403, body: { code: 'NOT_ENOUGH', message: '余额不足' } })
    expect(isPermanentRefusal(await rejection(gateway().queryOrder(ORDER)))).toBe(true)
    fake.handler = () => ({ status: 429, body: { code: 'FREQUENCY_LIMITED', message: '频率超限' } })
    expect(isPermanentRefusal(await rejection(gateway().queryOrder(ORDER)))).toBe(false)
    fake.handler = () => ({
      status: 403,
      body: { code: 'NOT_ENOUGH', message: '余额不足' },
      sign: false,
    })
    expect(isPermanentRefusal(await rejection(gateway().queryOrder(ORDER)))).toBe(false)
    fake.handler = () => ({ status: 200, hang: true })
    expect(isPermanentRefusal(await rejection(gateway({ timeoutMs: 50 }).queryOrder(ORDER)))).toBe(
      false,
    )
  })
})
