import Pay from 'wechatpay-node-v3'
import { gcmDecrypt, nonceStr } from '../crypto'
import { SANDBOX_APIV3_KEY, SANDBOX_SP_APPID, SANDBOX_SP_MCHID } from '../keys'
import { type Harness, startHarness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

describe('wechat-pay sandbox: signatures and certificates', () => {
  test('GET /v3/certificates returns the platform cert, GCM-encrypted with the APIv3 key, in a signed response', async () => {
    const r = await h.call('GET', '/v3/certificates')
    expect(r.status).toBe(200)
    expect(r.signatureValid).toBe(true)
    const [cert] = r.body.data
    expect(cert.serial_no).toBe(h.keys.platform.serial)
    const e = cert.encrypt_certificate
    expect(e.algorithm).toBe('AEAD_AES_256_GCM')
    expect(gcmDecrypt(e.ciphertext, SANDBOX_APIV3_KEY, e.nonce, e.associated_data)).toBe(
      h.keys.platform.certificate,
    )
    // A flipped ciphertext byte fails the GCM tag check.
    const bytes = Buffer.from(e.ciphertext, 'base64')
    bytes[3] ^= 1
    expect(() =>
      gcmDecrypt(bytes.toString('base64'), SANDBOX_APIV3_KEY, e.nonce, e.associated_data),
    ).toThrow()
  })

  test('missing, wrong-key, wrong-serial, tampered and stale signatures are 401 SIGN_ERROR (signed answers)', async () => {
    const body = h.jsapiBody()
    const cases = [
      await h.call('POST', '/v3/pay/partner/transactions/jsapi', body, { sign: 'none' }),
      await h.call('POST', '/v3/pay/partner/transactions/jsapi', body, {
        privateKey: h.keys.wrong.privateKey,
      }),
      await h.call('POST', '/v3/pay/partner/transactions/jsapi', body, {
        serial: h.keys.platform.serial,
      }),
      await h.call('POST', '/v3/pay/partner/transactions/jsapi', body, { tamper: true }),
      await h.call('POST', '/v3/pay/partner/transactions/jsapi', body, {
        timestamp: h.sandbox.clock.now() - 5 * 60_000 - 1000,
      }),
      await h.call('POST', '/v3/pay/partner/transactions/jsapi', body, {
        timestamp: h.sandbox.clock.now() + 6 * 60_000,
      }),
    ]
    for (const r of cases) {
      expect(r.status).toBe(401)
      expect(r.body.code).toBe('SIGN_ERROR')
      expect(r.signatureValid).toBe(true)
    }
    // Nothing was created by any of them.
    const q = await h.call(
      'GET',
      `/v3/pay/partner/transactions/out-trade-no/${body.out_trade_no}?sp_mchid=${SANDBOX_SP_MCHID}&sub_mchid=1900200001`,
    )
    expect(q.status).toBe(404)
    // A timestamp 4 minutes old is still fine.
    const ok = await h.call('POST', '/v3/pay/partner/transactions/jsapi', body, {
      timestamp: h.sandbox.clock.now() - 4 * 60_000,
    })
    expect(ok.status).toBe(200)
  })

  test('the signed URL may be the vendor path or the mounted path, query string included', async () => {
    const { out_trade_no } = await h.paidOrder(500)
    const path = `/v3/pay/partner/transactions/out-trade-no/${out_trade_no}?sp_mchid=${SANDBOX_SP_MCHID}&sub_mchid=1900200001`
    expect((await h.call('GET', path, undefined, { sign: 'vendor' })).status).toBe(200)
    expect((await h.call('GET', path, undefined, { sign: 'mounted' })).status).toBe(200)
  })

  test('a request signed by wechatpay-node-v3 (serial computed from the merchant cert) is accepted', async () => {
    const pay = new Pay({
      appid: SANDBOX_SP_APPID,
      mchid: SANDBOX_SP_MCHID,
      publicKey: Buffer.from(h.keys.merchant.certificate),
      privateKey: Buffer.from(h.keys.merchant.privateKey),
      key: SANDBOX_APIV3_KEY,
    } as never) as any
    expect(String(pay.serial_no).toUpperCase()).toBe(h.keys.merchant.serial)
    const body = JSON.stringify(h.jsapiBody())
    const nonce = nonceStr()
    const ts = String(Math.floor(h.sandbox.clock.now() / 1000))
    const url = '/v3/pay/partner/transactions/jsapi'
    const authorization = pay.getAuthorization(
      nonce,
      ts,
      pay.getSignature('POST', nonce, ts, url, body),
    )
    const res = await fetch(h.sandboxUrl + url, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body,
    })
    expect(res.status).toBe(200)
    expect((await res.json()).prepay_id).toMatch(/^wx/)
  })

  test('unknown paths are 404 and malformed JSON is 400 PARAM_ERROR', async () => {
    expect((await h.call('GET', '/v3/nothing/here')).status).toBe(404)
    const r = await fetch(h.sandboxUrl + '/v3/pay/partner/transactions/jsapi', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: (await import('../crypto')).buildAuthorization({
          mchid: SANDBOX_SP_MCHID,
          serialNo: h.keys.merchant.serial,
          privateKey: h.keys.merchant.privateKey,
          method: 'POST',
          url: '/v3/pay/partner/transactions/jsapi',
          body: '{nope',
          timestamp: String(Math.floor(h.sandbox.clock.now() / 1000)),
        }),
      },
      body: '{nope',
    })
    expect(r.status).toBe(400)
    expect((await r.json()).code).toBe('PARAM_ERROR')
  })
})
