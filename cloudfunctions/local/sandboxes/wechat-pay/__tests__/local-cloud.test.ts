import type { LocalCloud } from '../../../server'
import { startBareCloud } from '../../../__tests__/local-cloud.fixture'
import { buildAuthorization, responseMessage, rsaVerify } from '../crypto'
import {
  createWechatPaySandbox,
  SANDBOX_SP_MCHID,
  sandboxKeys,
  type WechatPaySandbox,
} from '../index'

/** The sandbox mounted in the real local cloud server, as the dev setup mounts it. */
describe('wechat-pay sandbox inside the local cloud', () => {
  let cloud: LocalCloud & { stop: () => Promise<void> }
  let sandbox: WechatPaySandbox

  beforeAll(async () => {
    sandbox = createWechatPaySandbox({ timers: 'manual', subMchids: ['1900200001'] })
    cloud = await startBareCloud('wechat-pay-sandbox', [sandbox])
  })
  afterAll(() => cloud.stop())

  test('listed under /sandbox and answering signed API v3 calls at urlOf("wechat-pay")', async () => {
    const list = await (await fetch(`${cloud.url}/sandbox`)).json()
    expect(list.sandboxes.map((s: { vendor: string }) => s.vendor)).toContain('wechat-pay')
    const base = cloud.sandboxes.urlOf('wechat-pay')
    const keys = sandboxKeys()
    const path = '/v3/ecommerce/fund/balance/1900200001'
    const res = await fetch(base + path, {
      headers: {
        Authorization: buildAuthorization({
          mchid: SANDBOX_SP_MCHID,
          serialNo: keys.merchant.serial,
          privateKey: keys.merchant.privateKey,
          method: 'GET',
          url: path,
          body: '',
          timestamp: String(Math.floor(sandbox.clock.now() / 1000)),
        }),
      },
    })
    const raw = await res.text()
    expect(res.status).toBe(200)
    expect(JSON.parse(raw)).toMatchObject({ sub_mchid: '1900200001', available_amount: 0 })
    const h = (n: string) => res.headers.get(n) ?? ''
    expect(
      rsaVerify(
        responseMessage(h('wechatpay-timestamp'), h('wechatpay-nonce'), raw),
        h('wechatpay-signature'),
        keys.platform.certificate,
      ),
    ).toBe(true)
    const state = await (await fetch(`${base}/control/state`)).json()
    expect(state.balanced).toBe(true)
  })
})
