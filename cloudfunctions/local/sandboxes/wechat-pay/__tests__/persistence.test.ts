import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWechatPaySandbox } from '../index'
import { SANDBOX_SP_MCHID } from '../keys'
import { SAVE_DEBOUNCE_MS } from '../../state-file'
import { type Harness, startHarness } from './harness'

// A restart is two harnesses on one state file: the first closes (as `npm start` does on Ctrl-C),
// the second starts from what it saved.

const T0 = Date.UTC(2026, 2, 1, 8)
const SUB = '1900300002'

let dir: string
let stateFile: string
const open: Harness[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wechat-pay-state-'))
  stateFile = join(dir, 'nested', 'wechat-pay-sandbox.json')
})
afterEach(async () => {
  for (const h of open.splice(0)) await h.close()
  rmSync(dir, { recursive: true, force: true })
})

const start = async (startAt: number, extra: Parameters<typeof startHarness>[0] = {}) => {
  const h = await startHarness({
    startAt,
    refundDelayMs: 5_000,
    stateFile,
    warn: () => undefined,
    ...extra,
  })
  open.push(h)
  return h
}

const stop = async (h: Harness) => {
  open.splice(open.indexOf(h), 1)
  await h.close()
}

const refundBody = (out_trade_no: string, notifyBase: string, refund = 3_000) => ({
  sub_mchid: SUB,
  out_trade_no,
  out_refund_no: 'RFP0001',
  amount: { refund, total: 10_000, currency: 'CNY' },
  notify_url: `${notifyBase}/refund-notify`,
})

test('after a restart the sandbox still knows the sub-merchant, the transaction, the refund and the books, and finishes the refund on time', async () => {
  const h1 = await start(T0)
  expect((await h1.control('POST', 'sub-merchants', { sub_mchid: SUB })).status).toBe(200)
  h1.sandbox.media.register('media-id-kept')
  const { out_trade_no, transaction_id, prepay_id } = await h1.paidOrder(10_000, SUB)
  const first = await h1.call(
    'POST',
    '/v3/ecommerce/refunds/apply',
    refundBody(out_trade_no, h1.notifyBase),
  )
  expect(first.status).toBe(200)
  const books = h1.sandbox.books.snapshot()
  await stop(h1)
  expect(JSON.parse(readFileSync(stateFile, 'utf8')).engine.refunds[0].status).toBe('PROCESSING')

  // 2 s of downtime: 3 s of the refund's 5 s delay are left. The old receiver is gone, so
  // notifications go to the new harness's receiver (same path).
  let receiver = ''
  const h2 = await start(T0 + 2_000, {
    fetch: (url, init) => fetch(receiver + new URL(String(url)).pathname, init),
  })
  receiver = h2.notifyBase
  expect(h2.sandbox.books.snapshot()).toEqual(books)
  expect(h2.sandbox.books.balanced()).toBe(true)
  expect(h2.sandbox.media.has('media-id-kept')).toBe(true)

  const q = await h2.call(
    'GET',
    `/v3/pay/partner/transactions/out-trade-no/${out_trade_no}?sp_mchid=${SANDBOX_SP_MCHID}&sub_mchid=${SUB}`,
  )
  expect(q.body).toMatchObject({ trade_state: 'REFUND', transaction_id, amount: { total: 10_000 } })
  expect(h2.sandbox.engine.transactionByPrepay(prepay_id)?.out_trade_no).toBe(out_trade_no)
  // The sub-merchant is known (it was registered, not given in the options) and can take payments.
  const balance = await h2.call('GET', `/v3/ecommerce/fund/balance/${SUB}`)
  expect(balance.body).toMatchObject({ available_amount: 0, pending_amount: 7_000 })
  expect(
    (
      await h2.call(
        'POST',
        '/v3/pay/partner/transactions/jsapi',
        h2.jsapiBody({ sub_mchid: SUB, out_trade_no: 'TPERSIST0002' }),
      )
    ).status,
  ).toBe(200)

  // Keys are remembered: the same body answers the first result, a different one is refused.
  const again = await h2.call(
    'POST',
    '/v3/ecommerce/refunds/apply',
    refundBody(out_trade_no, h1.notifyBase),
  )
  expect(again.body.refund_id).toBe(first.body.refund_id)
  const conflict = await h2.call(
    'POST',
    '/v3/ecommerce/refunds/apply',
    refundBody(out_trade_no, h1.notifyBase, 2_999),
  )
  expect(conflict.status).toBe(400)
  expect(conflict.body.code).toBe('INVALID_REQUEST')
  // Profit sharing still finds the transaction (RESOURCE_NOT_EXISTS before this existed).
  const share = await h2.call('POST', '/v3/ecommerce/profitsharing/orders', {
    sub_mchid: SUB,
    transaction_id,
    out_order_no: 'PSP0001',
    receivers: [
      {
        type: 'MERCHANT_ID',
        receiver_account: SANDBOX_SP_MCHID,
        amount: 100,
        description: '平台佣金',
      },
    ],
    finish: true,
  })
  expect(share.status).toBe(200)
  expect(h2.sandbox.books.snapshot()).toMatchObject({
    platform: 100,
    subMerchants: { [SUB]: { frozen: 0, available: 6_900 } },
  })

  const refundStatus = async () =>
    (await h2.call('GET', `/v3/ecommerce/refunds/out-refund-no/RFP0001?sub_mchid=${SUB}`)).body
      .status
  await h2.sandbox.clock.advance!(2_999)
  expect(await refundStatus()).toBe('PROCESSING')
  await h2.sandbox.clock.advance!(1)
  expect(await refundStatus()).toBe('SUCCESS')
  const n = h2.received.find((r) => r.body.event_type === 'REFUND.SUCCESS')!
  expect(h2.open(n)).toMatchObject({
    out_refund_no: 'RFP0001',
    refund_status: 'SUCCESS',
    transaction_id,
    amount: { refund: 3_000 },
  })

  // And the success itself is remembered: the next start schedules nothing for this refund.
  await stop(h2)
  const h3 = await start(T0 + 60_000)
  expect(h3.sandbox.clock.pending()).toBe(0)
  expect(
    (await h3.call('GET', `/v3/ecommerce/refunds/out-refund-no/RFP0001?sub_mchid=${SUB}`)).body
      .status,
  ).toBe('SUCCESS')
})

test('a refund whose delay ran out while the sandbox was down succeeds at once after the restart', async () => {
  const h1 = await start(T0)
  await h1.control('POST', 'sub-merchants', { sub_mchid: SUB })
  const { out_trade_no } = await h1.paidOrder(10_000, SUB)
  await h1.call('POST', '/v3/ecommerce/refunds/apply', refundBody(out_trade_no, h1.notifyBase))
  await stop(h1)
  const h2 = await start(T0 + 3_600_000, { fetch: async () => new Response('') })
  await h2.sandbox.clock.advance!(0)
  expect(
    (await h2.call('GET', `/v3/ecommerce/refunds/out-refund-no/RFP0001?sub_mchid=${SUB}`)).body
      .status,
  ).toBe('SUCCESS')
})

test('changes are saved shortly after they happen, atomically, without waiting for close', async () => {
  const h = await start(T0)
  await h.control('POST', 'sub-merchants', { sub_mchid: SUB })
  await h.paidOrder(2_000, SUB)
  await new Promise((r) => setTimeout(r, SAVE_DEBOUNCE_MS + 200))
  const saved = JSON.parse(readFileSync(stateFile, 'utf8'))
  expect(saved.engine.subMchids).toContain(SUB)
  expect(saved.engine.transactions[0]).toMatchObject({ state: 'SUCCESS', sub_mchid: SUB })
  expect(saved.engine.books.paid).toBe(2_000)
  // Only the file itself: the temporary file was renamed over it.
  expect(readdirSync(join(dir, 'nested'))).toEqual(['wechat-pay-sandbox.json'])
})

describe('a state file that cannot be used: one warning, then an empty sandbox', () => {
  const fresh = (warn: (line: string) => void) =>
    createWechatPaySandbox({ timers: 'manual', startAt: T0, stateFile, warn })

  const expectEmpty = (s: ReturnType<typeof fresh>) => {
    expect(s.books.snapshot()).toEqual({
      paid: 0,
      refunded: 0,
      platform: 0,
      advanceFund: 10_000_000,
      subMerchants: {},
    })
    expect(() => s.engine.queryTransaction('T00001x0001', SUB)).toThrow('订单不存在')
    expect(s.media.has('media-id-kept')).toBe(false)
  }

  test.each([
    ['not JSON', () => writeFileSync(stateFile, '{"engine": {"version": 1, "seq"')],
    [
      'an unknown version',
      () => writeFileSync(stateFile, JSON.stringify({ engine: { version: 99 }, media: {} })),
    ],
    [
      'books that do not balance',
      () =>
        writeFileSync(
          stateFile,
          JSON.stringify({
            media: { 'media-id-kept': { filename: 'a.png', sha256: '', bytes: 0 } },
            engine: {
              version: 1,
              seq: 3,
              subMchids: [SUB],
              applyments: [],
              transactions: [],
              sharing: [],
              returns: [],
              refunds: [],
              withdrawals: [],
              books: {
                paid: 100,
                refunded: 0,
                platform: 0,
                advanceFund: 10_000_000,
                advanceDeposit: 10_000_000,
                subMerchants: { [SUB]: { frozen: 99, available: 0, withdrawn: 0 } },
              },
            },
          }),
        ),
    ],
    ['a directory where the file should be', () => mkdirSync(stateFile)],
  ])('%s', (_name, write) => {
    mkdirSync(join(dir, 'nested'), { recursive: true })
    write()
    const warnings: string[] = []
    const s = fresh((line) => warnings.push(line))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/wechat-pay sandbox: .*starting empty/)
    expectEmpty(s)
    s.close?.()
  })

  test('no file yet: empty, no warning; the file is written on close', () => {
    const warnings: string[] = []
    const s = fresh((line) => warnings.push(line))
    expect(warnings).toEqual([])
    expectEmpty(s)
    expect(existsSync(stateFile)).toBe(false)
    s.close?.()
    expect(existsSync(stateFile)).toBe(true)
  })
})
