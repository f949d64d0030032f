import type { WechatPayGateway } from '../../../../src/adapters/payments/wechat-pay.gateway'
import { SANDBOX_SP_MCHID } from '../keys'
import { type Harness, startHarness } from './harness'

/**
 * Contract: the production WeChat Pay adapter, configured only through its config, works against
 * the sandbox (it downloads the platform certificate, verifies every response and notification).
 */
let h: Harness
let gw: WechatPayGateway
const SUB = '1900200001'

beforeAll(async () => {
  h = await startHarness()
  gw = h.gateway()
})
afterAll(() => h.close())

test('pay → notification → query → profit sharing with finish → balance → refund, through the adapter', async () => {
  const { prepayId } = await gw.createJsapiOrder({
    outTradeNo: 'CONTRACT0001',
    subMchid: SUB,
    description: '邻圈-测试',
    amountFen: 8_800,
    payerOpenid: 'o-buyer',
  })
  expect(prepayId).toMatch(/^wx/)
  h.sandbox.pay('CONTRACT0001')
  await h.sandbox.clock.advance!(0)
  const n = h.received[0]
  const verified = await gw.verifyNotification(n.headers as Record<string, string>, n.raw)
  expect(verified.kind).toBe('payment')
  const order = await gw.queryOrder({ outTradeNo: 'CONTRACT0001', subMchid: SUB })
  expect(order).toMatchObject({ tradeState: 'SUCCESS', totalFen: 8_800 })
  await gw.createProfitSharing({
    subMchid: SUB,
    transactionId: order.transactionId!,
    outOrderNo: 'CPS0001',
    receivers: [{ account: SANDBOX_SP_MCHID, amountFen: 88, description: '平台佣金' }],
    finish: true,
  })
  expect(await gw.balance(SUB)).toMatchObject({ availableFen: 8_712, pendingFen: 0 })
  const refund = await gw.refund({
    subMchid: SUB,
    outTradeNo: 'CONTRACT0001',
    outRefundNo: 'CRF0001',
    refundFen: 100,
    totalFen: 8_800,
  })
  expect(refund.refundFen).toBe(100)
  await expect(
    gw.refund({
      subMchid: SUB,
      outTradeNo: 'CONTRACT0001',
      outRefundNo: 'CRF0002',
      refundFen: 8_701,
      totalFen: 8_800,
    }),
  ).rejects.toThrow()
  expect(h.sandbox.books.snapshot()).toMatchObject({ paid: 8_800, platform: 88, refunded: 100 })
})

test('a notification signed with the wrong key is rejected by the adapter', async () => {
  h.sandbox.faults.set({ wrongKeyNotifications: 1 })
  await gw.createJsapiOrder({
    outTradeNo: 'CONTRACT0002',
    subMchid: SUB,
    description: '邻圈-测试',
    amountFen: 100,
    payerOpenid: 'o-buyer',
  })
  const before = h.received.length
  h.sandbox.pay('CONTRACT0002')
  await h.sandbox.clock.advance!(0)
  const forged = h.received[before]
  await expect(
    gw.verifyNotification(forged.headers as Record<string, string>, forged.raw),
  ).rejects.toThrow()
})
