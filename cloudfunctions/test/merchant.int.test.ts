import { main as merchantMain } from '../src/functions/merchant'
import {
  subMchidOf,
  refreshPendingApplyments,
} from '../src/modules/merchant/application/sub-merchant'
import { Merchants } from '../src/modules/merchant/domain/merchant.records'
import { Orders, type OrderRecord } from '../src/modules/order/domain/order.record'
import { accountBalance, postEntry } from '../src/modules/ledger/application/post-entry'
import { paymentEntry, releaseEntry } from '../src/modules/ledger/domain/ledger'
import { SANDBOX_SP_MCHID } from '../local/sandboxes/wechat-pay'
import { AesGcmSecretBox } from '../src/adapters/crypto/aes-gcm-secret-box'
import { invoke, signUp } from './harness'
import { startPayCloud, TEST_SECRET_KEY, type PayCloud } from './wechat-pay-harness'

let cloud: PayCloud
beforeEach(async () => {
  cloud = await startPayCloud()
})
afterEach(() => cloud.stop())

const call = (openid: string | null, action: string, input: unknown = {}) =>
  invoke(merchantMain, cloud as never, openid, action, input)
const STEP = 60_000

const form = async (openid: string, over: Record<string, unknown> = {}) => ({
  idCardName: '张小三',
  idCardNumber: '110101199003070011',
  idCardValidBegin: '2020-01-01',
  idCardValidEnd: '2040-01-01',
  idCardFrontFileId: await cloud.uploadPhoto(openid),
  idCardBackFileId: await cloud.uploadPhoto(openid),
  mobile: '13812341234',
  accountBank: '招商银行',
  bankAddressCode: '310000',
  accountNumber: '6225 8800 0000 1234',
  ...over,
})

/** Moves sandbox time one applyment stage and asks WeChat through the function. */
const nextStage = async (openid: string) => {
  await cloud.advance(STEP)
  const r = await call(openid, 'refresh')
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.data
}

describe('开通收款 (individual-seller 进件) against the WeChat Pay sandbox', () => {
  test('submit → 审核中 → 待账户验证 → 待签约 → 已完成 with a sub_mchid; the form is masked on the way back', async () => {
    const [sellerId] = await signUp(cloud as never, 'o-seller')
    expect(
      (await call('o-seller', 'status')).ok &&
        ((await call('o-seller', 'status')) as any).data.state,
    ).toBe('none')
    const submitted = await call('o-seller', 'submit', await form('o-seller'))
    expect(submitted.ok).toBe(true)
    if (!submitted.ok) return
    expect(submitted.data).toMatchObject({
      state: 'checking',
      stateLabel: '审核中',
      canSell: false,
    })
    expect(submitted.data.submitted).toMatchObject({
      idCardName: '张*三',
      idCardNumber: '1*************0011',
      mobile: '138****1234',
      accountNumber: '**** 1234',
      accountBank: '招商银行',
    })
    expect(submitted.data.submitted.storeName).toMatch(/的小店$/)

    const again = await call('o-seller', 'submit', await form('o-seller'))
    expect(!again.ok && again.error.code).toBe('MERCHANT.APPLYMENT_IN_PROGRESS')

    const verify = await nextStage('o-seller')
    expect(verify).toMatchObject({ state: 'account_need_verify', stateLabel: '待账户验证' })
    expect(verify.accountValidation.payAmountFen).toBeGreaterThan(0)
    const sign = await nextStage('o-seller')
    expect(sign).toMatchObject({ state: 'need_sign', stateLabel: '待签约' })
    expect(sign.signUrl).toMatch(/^https:/)
    expect(await subMchidOf(cloud.container, sellerId)).toBeNull()
    const done = await nextStage('o-seller')
    expect(done).toMatchObject({
      state: 'finish',
      stateLabel: '已完成',
      canSell: true,
      signUrl: null,
    })
    const sub = await subMchidOf(cloud.container, sellerId)
    expect(sub).toMatch(/^\d{10}$/)
    // The sub-merchant is real at the sandbox: it has a balance.
    await expect(cloud.container.payments.balance(sub!)).resolves.toMatchObject({ availableFen: 0 })
    const late = await call('o-seller', 'submit', await form('o-seller'))
    expect(!late.ok && late.error.code).toBe('MERCHANT.ALREADY_ONBOARDED')
  })

  test('a name with 驳回 is 已驳回 with the reason; resubmitting opens a new attempt that can finish', async () => {
    const [sellerId] = await signUp(cloud as never, 'o-rej')
    const first = await call('o-rej', 'submit', await form('o-rej', { idCardName: '李驳回' }))
    expect(first.ok).toBe(true)
    const rejected = await nextStage('o-rej')
    expect(rejected).toMatchObject({ state: 'rejected', stateLabel: '已驳回' })
    expect(rejected.rejectReasons[0].reason).toBe('身份证姓名与号码不一致，请核对后重新提交')
    const m1 = await cloud.container.store.get(Merchants, sellerId)
    expect(m1?.outRequestNo).toBe(`LQAP${sellerId}1`)

    const second = await call(
      'o-rej',
      'submit',
      await form('o-rej', { idCardName: '李四', storeName: '李四的闲置' }),
    )
    expect(second.ok && second.data).toMatchObject({ state: 'checking', rejectReasons: [] })
    const m2 = await cloud.container.store.get(Merchants, sellerId)
    expect(m2).toMatchObject({ attempt: 2, outRequestNo: `LQAP${sellerId}2` })
    // The cron sweep moves it along as well as the seller's own refresh.
    for (let i = 0; i < 3; i++) {
      await cloud.advance(STEP)
      await refreshPendingApplyments(cloud.container)
    }
    expect(await subMchidOf(cloud.container, sellerId)).toMatch(/^\d{10}$/)
    expect(await refreshPendingApplyments(cloud.container)).toBe(0)
  })

  test('a submit that never reached WeChat shows as 审核中 briefly, then asks to resubmit, which works', async () => {
    await signUp(cloud as never, 'o-flaky')
    cloud.sandbox.faults.set({ apiErrors: 1 })
    const failed = await call('o-flaky', 'submit', await form('o-flaky'))
    expect(!failed.ok && failed.error.code).toBe('MERCHANT.GATEWAY_FAILED')
    expect(((await call('o-flaky', 'refresh')) as any).data.state).toBe('checking')
    await cloud.advance(3 * 60_000)
    const asked = await call('o-flaky', 'refresh')
    expect(asked.ok && asked.data).toMatchObject({
      state: 'rejected',
      rejectReasons: [{ reason: expect.stringContaining('重新提交') }],
    })
    const again = await call('o-flaky', 'submit', await form('o-flaky'))
    expect(again.ok && again.data.state).toBe('checking')
  })

  test('the stored row holds no plaintext name, ID number, phone or card number; the sealed blob opens only with the key', async () => {
    const [sellerId] = await signUp(cloud as never, 'o-private')
    await call('o-private', 'submit', await form('o-private'))
    const row = cloud.container.store.connection
      .prepare('SELECT * FROM c_merchants WHERE _id = ?')
      .get(sellerId)
    const raw = JSON.stringify(row)
    for (const plain of [
      '110101199003070011',
      '张小三',
      '13812341234',
      '6225880000001234',
      '1990030700',
    ])
      expect(raw).not.toContain(plain)
    const sealed = (await cloud.container.store.get(Merchants, sellerId))!.sealedIdentity
    expect(
      JSON.parse(new AesGcmSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex')).open(sealed)),
    ).toMatchObject({ idCardNumber: '110101199003070011' })
    expect(() => new AesGcmSecretBox(Buffer.alloc(32, 1)).open(sealed)).toThrow()
  })

  test('identity comes from the context only; bad input is refused field by field', async () => {
    await signUp(cloud as never, 'o-a', 'o-b')
    expect((await call(null, 'status')) as any).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
    const smuggled = await call('o-a', 'status', { userId: 'someone-else' })
    expect(!smuggled.ok && smuggled.error.code).toBe('COMMON.VALIDATION')
    await call('o-a', 'submit', await form('o-a'))
    const other = await call('o-b', 'status')
    expect(other.ok && other.data.state).toBe('none')
    const bad = await call(
      'o-b',
      'submit',
      await form('o-b', { idCardNumber: '110101199003070012' }),
    )
    expect(!bad.ok && bad.error).toMatchObject({
      code: 'COMMON.VALIDATION',
      details: { path: 'idCardNumber' },
    })
    const expired = await call(
      'o-b',
      'submit',
      await form('o-b', { idCardValidBegin: '2006-01-01', idCardValidEnd: '2026-01-01' }),
    )
    expect(!expired.ok && expired.error).toMatchObject({
      code: 'COMMON.VALIDATION',
      details: { path: 'idCardValidEnd' },
    })
    const gif = await call(
      'o-b',
      'submit',
      await form('o-b', { idCardFrontFileId: 'local://id-cards/test/a.gif' }),
    )
    expect(!gif.ok && gif.error).toMatchObject({
      code: 'COMMON.VALIDATION',
      details: { path: 'idCardFrontFileId' },
    })
  })

  test("someone else's ID photos, or the user's own photos of another kind, never reach WeChat Pay", async () => {
    await signUp(cloud as never, 'o-victim', 'o-fraud')
    const victims = await cloud.uploadPhoto('o-victim')
    const stolen = await call(
      'o-fraud',
      'submit',
      await form('o-fraud', { idCardBackFileId: victims }),
    )
    expect(!stolen.ok && stolen.error).toMatchObject({
      code: 'FILE.NOT_OWNED',
      details: { path: 'idCardBackFileId' },
    })
    const listingPhoto = await cloud.uploadPhoto('o-fraud', 'listing-photos')
    const wrongKind = await call(
      'o-fraud',
      'submit',
      await form('o-fraud', { idCardFrontFileId: listingPhoto }),
    )
    expect(!wrongKind.ok && wrongKind.error).toMatchObject({
      code: 'FILE.NOT_OWNED',
      details: { path: 'idCardFrontFileId' },
    })
    // Nothing was saved or sent: the fraudster has no application, and a proper one still goes through.
    expect(((await call('o-fraud', 'status')) as any).data.state).toBe('none')
    expect((await call('o-fraud', 'submit', await form('o-fraud'))).ok).toBe(true)
  })
})

describe('seller wallet', () => {
  /** Onboards a seller, then pays them `releasedFen` through the sandbox and the ledger, as a completed order would. */
  const onboardedSellerWith = async (openid: string, releasedFen: number) => {
    const [sellerId] = await signUp(cloud as never, openid)
    await call(openid, 'submit', await form(openid))
    for (let i = 0; i < 3; i++) await nextStage(openid)
    const sub = (await subMchidOf(cloud.container, sellerId))!
    const pay = cloud.container.payments
    await pay.createJsapiOrder({
      outTradeNo: 'WALLETORDER1',
      subMchid: sub,
      description: '邻圈-测试',
      amountFen: releasedFen,
      payerOpenid: 'o-buyer',
    })
    cloud.sandbox.pay('WALLETORDER1')
    const order = await pay.queryOrder({ outTradeNo: 'WALLETORDER1', subMchid: sub })
    await pay
      .createProfitSharing({
        subMchid: sub,
        transactionId: order.transactionId!,
        outOrderNo: 'WALLETPS1',
        receivers: [],
        finish: true,
      })
      .catch(() =>
        pay.finishProfitSharing({
          subMchid: sub,
          transactionId: order.transactionId!,
          outOrderNo: 'WALLETPS1',
          description: '解冻',
        }),
      )
    const at = cloud.clock.now()
    await postEntry(cloud.container, paymentEntry('WALLETORDER1', 'order-1', releasedFen, at))
    await postEntry(
      cloud.container,
      releaseEntry('WALLETPS1', 'order-1', sellerId, releasedFen, 0, at),
    )
    return { sellerId, sub }
  }

  test('three figures; more than available is refused; a withdrawal posts once to the ledger and the sandbox, even when retried', async () => {
    const { sellerId, sub } = await onboardedSellerWith('o-wallet', 10_000)
    await cloud.container.store.insert(Orders, {
      _id: '01KAAAAAAAAAAAAAAAAAAAAAAA',
      sellerId,
      buyerId: 'b',
      state: 'paid',
      totalFen: 3_300,
    } as OrderRecord)
    const w0 = await call('o-wallet', 'wallet')
    expect(w0.ok && w0.data).toMatchObject({
      onboarded: true,
      inEscrowFen: 3_300,
      availableFen: 10_000,
      withdrawnFen: 0,
      withdrawals: [],
    })

    const tooMuch = await call('o-wallet', 'withdraw', {
      amountFen: 10_001,
      requestKey: 'TAP00000001',
    })
    expect(!tooMuch.ok && tooMuch.error.code).toBe('MERCHANT.INSUFFICIENT_BALANCE')

    const ok = await call('o-wallet', 'withdraw', { amountFen: 6_000, requestKey: 'TAP00000002' })
    expect(ok.ok && ok.data).toMatchObject({
      amountFen: 6_000,
      status: 'accepted',
      id: 'TAP00000002',
    })
    const retry = await call('o-wallet', 'withdraw', {
      amountFen: 6_000,
      requestKey: 'TAP00000002',
    })
    expect(retry.ok && retry.data).toMatchObject({ amountFen: 6_000, id: 'TAP00000002' })
    expect(cloud.sandbox.books.snapshot().subMerchants[sub]).toMatchObject({
      available: 4_000,
      withdrawn: 6_000,
    })
    expect(await accountBalance(cloud.container, `withdrawn:${sellerId}`)).toBe(6_000)
    expect(await accountBalance(cloud.container, `seller:${sellerId}`)).toBe(4_000)

    const w1 = await call('o-wallet', 'wallet')
    expect(w1.ok && w1.data).toMatchObject({ availableFen: 4_000, withdrawnFen: 6_000 })
    expect(w1.ok && w1.data.withdrawals).toEqual([
      expect.objectContaining({ id: 'TAP00000002', status: 'succeeded', statusLabel: '已到账' }),
    ])
    const over = await call('o-wallet', 'withdraw', { amountFen: 4_001, requestKey: 'TAP00000003' })
    expect(!over.ok && over.error.code).toBe('MERCHANT.INSUFFICIENT_BALANCE')
    expect(SANDBOX_SP_MCHID).toBeTruthy()
  })

  test('WeChat refusing the withdrawal (NOT_ENOUGH at the sub-merchant) records it as failed and frees the amount', async () => {
    const [sellerId] = await signUp(cloud as never, 'o-short')
    await call('o-short', 'submit', await form('o-short'))
    for (let i = 0; i < 3; i++) await nextStage('o-short')
    // The ledger says 50.00 is available but WeChat holds nothing: the books disagree, WeChat wins.
    await postEntry(cloud.container, paymentEntry('SHORTPAY', 'order-s', 5_000, cloud.clock.now()))
    await postEntry(
      cloud.container,
      releaseEntry('SHORTREL', 'order-s', sellerId, 5_000, 0, cloud.clock.now()),
    )
    const r = await call('o-short', 'withdraw', { amountFen: 5_000, requestKey: 'TAP00000010' })
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    expect(r.data).toMatchObject({ status: 'failed', reason: expect.stringContaining('余额不足') })
    const w = await call('o-short', 'wallet')
    expect(w.ok && w.data).toMatchObject({ availableFen: 5_000, withdrawnFen: 0 })
  })

  test('a seller who is not onboarded cannot withdraw', async () => {
    await signUp(cloud as never, 'o-new')
    const r = await call('o-new', 'withdraw', { amountFen: 100, requestKey: 'TAP00000009' })
    expect(!r.ok && r.error.code).toBe('MERCHANT.NOT_ONBOARDED')
    const w = await call('o-new', 'wallet')
    if (!w.ok) throw new Error(JSON.stringify(w.error))
    expect(w.data).toMatchObject({
      onboarded: false,
      availableFen: 0,
      inEscrowFen: 0,
      withdrawnFen: 0,
    })
  })
})
