import { aShippedOrder } from '../local/mothers/order.mother'
import { main as merchantMain } from '../src/functions/merchant'
import { reserveClaimDeduction } from '../src/modules/fund'
import { SellerClaims } from '../src/modules/fund/domain/seller-claim.record'
import { postEntry, compensationEntry } from '../src/modules/ledger'
import { runOrderJobs } from '../src/modules/order/application/order-jobs'
import { compareBooks } from '../src/modules/payments/application/reconcile.use-case'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

/**
 * 先行赔付 claims collected: the platform's advance refund opens a claim on the seller, the seller's
 * next releases pay it back through profit sharing (with the commission, to the platform's
 * merchant id), withdrawals wait until it is settled, and operators see the fund. Through the
 * functions, the WeChat Pay sandbox and pay-notify.
 */
const DAY = 86_400_000

describe('guarantee fund: claims collected from the seller’s next releases', () => {
  let cloud: EscrowCloud
  let sellerId: string
  let subMchid: string

  beforeEach(async () => {
    cloud = await startEscrowCloud()
    sellerId = await cloud.signUp('o-seller')
    await cloud.signUp('o-buyer')
    const operatorId = await cloud.signUp('o-operator')
    await cloud.makeOperator(operatorId)
    subMchid = await cloud.onboard(sellerId)
  })
  afterEach(() => cloud.stop())

  const merchant = async (openid: string, action: string, input: unknown = {}) =>
    (await merchantMain({ action, input }, cloud.contextFor(openid))) as {
      ok: boolean
      data?: any
      error?: { code: string; message: string; details?: any }
    }
  const books = async () => (await cloud.control('GET', 'state')).body.books
  /** ¥100 + ¥12 shipping: commission ¥1.12, the seller's part ¥110.88. */
  const courier = {
    listing: {
      priceFen: 10_000,
      trade: { shipping: { payer: 'buyer', feeFen: 1_200 }, meetup: true, pickup: false },
    },
  }
  let waybills = 0
  /** A sale up to the buyer's confirmation; `beforeRelease` runs just before it (faults). */
  const sale = async (beforeRelease?: () => Promise<unknown>) => {
    const { order } = await aShippedOrder(cloud, {
      ...courier,
      parcel: { company: '顺丰速运', waybillNo: `SF${1_234_567_890 + waybills++}` },
    })
    await beforeRelease?.()
    await cloud.mustOrder('o-buyer', 'confirm', { orderId: order.id })
    // A seller whose buyer needed 先行赔付 drops a credit tier: their payouts wait a week.
    for (const ms of [0, 8 * DAY, 10 * 60_000, 10 * 60_000]) {
      await cloud.advance(ms)
      await runOrderJobs(cloud.container)
    }
    expect((await cloud.mustOrder('o-seller', 'get', { orderId: order.id })).state).toBe(
      'completed',
    )
    return order
  }

  it('a claim is deducted from the next releases (ledger entry each), blocks withdrawals until settled, and the books still agree', async () => {
    const first = await sale()
    await cloud.mustOrder('o-operator', 'compensate', {
      orderId: first.id,
      amountFen: 11_200,
      note: '假货，平台先行赔付',
    })
    await cloud.advance(5_000)

    let wallet = (await merchant('o-seller', 'wallet')).data
    expect(wallet).toMatchObject({
      availableFen: 11_088,
      claim: {
        owedFen: 11_200,
        collectingFen: 0,
        recent: [{ kind: 'claim', orderId: first.id, amountFen: 11_200 }],
      },
    })
    expect(
      await merchant('o-seller', 'withdraw', { amountFen: 5_000, requestKey: 'fund0001' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FUND.CLAIM_UNSETTLED', details: { owedFen: 11_200 } },
    })

    // The next sale: its whole part after commission goes to the fund; WeChat's first answer is
    // lost (processed, connection cut), so the retry must collect it once and only once.
    const second = await sale(() => cloud.control('POST', 'faults', { apiTimeouts: 1 }))
    expect((await cloud.control('GET', 'faults')).body).toMatchObject({ apiTimeouts: 0 })
    let { entries, balances, balanced } = await cloud.ledger()
    expect(balanced).toBe(true)
    const deductions = entries.filter((e) => e.kind === 'claim_deduction')
    expect(deductions.map((e) => [e.orderId, e.lines])).toEqual([
      [
        second.id,
        [
          { account: `seller:${sellerId}`, amountFen: -11_088 },
          { account: 'platform:guarantee', amountFen: 11_088 },
          { account: `claim:${sellerId}`, amountFen: -11_088 },
          { account: 'claims:open', amountFen: 11_088 },
        ],
      ],
    ])
    expect(balances.get(`claim:${sellerId}`)).toBe(112)
    expect(balances.get(`seller:${sellerId}`)).toBe(11_088)
    // At WeChat: the commission and the deduction both went to the platform's merchant id.
    expect((await books()).subMerchants[subMchid]).toMatchObject({ frozen: 0, available: 11_088 })
    expect((await books()).platform).toBe(112 + 112 + 11_088)
    expect(
      await merchant('o-seller', 'withdraw', { amountFen: 5_000, requestKey: 'fund0002' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FUND.CLAIM_UNSETTLED' },
    })

    // The third sale takes only what is still owed.
    const third = await sale()
    ;({ entries, balances, balanced } = await cloud.ledger())
    expect(balanced).toBe(true)
    expect(
      entries.filter((e) => e.kind === 'claim_deduction' && e.orderId === third.id)[0].lines[0],
    ).toEqual({ account: `seller:${sellerId}`, amountFen: -112 })
    expect(balances.get(`claim:${sellerId}`) ?? 0).toBe(0)
    expect(balances.get('platform:guarantee')).toBe(0)
    expect(balances.get(`seller:${sellerId}`)).toBe(11_088 + 11_088 - 112)

    wallet = (await merchant('o-seller', 'wallet')).data
    expect(wallet.claim).toMatchObject({ owedFen: 0, collectingFen: 0 })
    expect(
      wallet.claim.recent.map((m: { kind: string; amountFen: number }) => [m.kind, m.amountFen]),
    ).toEqual([
      ['deduction', 112],
      ['deduction', 11_088],
      ['claim', 11_200],
    ])
    // Settled: withdrawals work again, and our books equal WeChat's.
    expect(
      await merchant('o-seller', 'withdraw', { amountFen: 5_000, requestKey: 'fund0003' }),
    ).toMatchObject({
      ok: true,
      data: { status: 'accepted' },
    })
    expect(await compareBooks(cloud.container)).toEqual({ sellers: 1, mismatches: 0 })

    // Operators see the fund; sellers do not.
    expect(await merchant('o-seller', 'guaranteeFund')).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    })
    const fund = (await merchant('o-operator', 'guaranteeFund')).data
    expect(fund).toMatchObject({
      balanceFen: 0,
      paidOutFen: 11_200,
      collectedFen: 11_200,
      openClaimsFen: 0,
    })
    expect(
      fund.movements.map((m: { kind: string; amountFen: number }) => [m.kind, m.amountFen]),
    ).toEqual([
      ['claim_deduction', 112],
      ['claim_deduction', 11_088],
      ['compensation', -11_200],
    ])
  })

  it('a release with no claim sends the commission alone and the seller never sees a claim', async () => {
    await sale()
    const { entries } = await cloud.ledger()
    expect(entries.some((e) => e.kind === 'claim_deduction')).toBe(false)
    expect((await merchant('o-seller', 'wallet')).data.claim).toBeNull()
    expect((await books()).platform).toBe(112)
  })

  it('releases in flight at once never reserve more than is owed, and a replay reserves nothing new', async () => {
    const deps = cloud.container
    await postEntry(deps, compensationEntry('comp:test', 'o-x', sellerId, 10_000, deps.clock.now()))
    const reserve = (orderId: string, sellerPartFen: number) =>
      deps.store.transaction((tx) =>
        reserveClaimDeduction(deps, tx, { sellerId, orderId, sellerPartFen }),
      )
    const [a, b, c] = await Promise.all([
      reserve('A', 6_000),
      reserve('B', 6_000),
      reserve('C', 6_000),
    ])
    expect(a + b + c).toBe(10_000)
    expect([a, b, c].sort((x, y) => x - y)).toEqual([0, 4_000, 6_000])
    // The same order again answers its first reservation (the same profit-sharing body).
    const again = await reserve('A', 1)
    expect(again).toBe(a)
    const record = await deps.store.get(SellerClaims, sellerId)
    expect(Object.values(record!.reserved).reduce((s, v) => s + v, 0)).toBe(10_000)
  })
})
