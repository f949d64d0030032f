import { main as disputeMain } from '../src/functions/dispute'
import { orderHousekeeping } from '../src/modules/housekeeping'
import { runOrderJobs } from '../src/modules/order/application/order-jobs'
import { CreditAccounts, CreditEvents } from '../src/modules/credit/domain/credit.records'
import { Disputes, JurorReputations } from '../src/modules/dispute/domain/dispute.records'
import { Communities, Memberships, membershipId } from '../src/modules/social/domain/social.records'
import { Users } from '../src/modules/user/domain/user.record'
import { aShippedOrder } from '../local/mothers/order.mother'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'

const DAY = 86_400_000
const JURORS = Array.from({ length: 12 }, (_, i) => `o-juror-${String(i + 1).padStart(2, '0')}`)

type Envelope = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }

describe('disputes: evidence, settlements and the community jury (function → order → WeChat Pay sandbox)', () => {
  let cloud: EscrowCloud
  let sellerId: string
  let buyerId: string
  const ids = new Map<string, string>()

  const dispute = async (openid: string, action: string, input: unknown = {}) =>
    (await disputeMain({ action, input }, cloud.contextFor(openid))) as Envelope
  const must = async (openid: string, action: string, input: unknown = {}) => {
    const res = await dispute(openid, action, input)
    if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`)
    return res.data
  }
  /** An account 40 days old with a 良好 credit tier: someone who may serve on a jury. */
  const aJurorCandidate = async (openid: string, nickname: string) => {
    const id = await cloud.signUp(openid)
    const now = cloud.container.clock.now()
    await cloud.container.store.update(Users, id, { createdAt: now - 40 * DAY, nickname })
    await cloud.container.store.insert(CreditAccounts, {
      _id: id,
      breakdown: { tier: 'good' },
    } as never)
    ids.set(openid, id)
    return id
  }

  beforeEach(async () => {
    cloud = await startEscrowCloud()
    sellerId = await cloud.signUp('o-seller')
    buyerId = await cloud.signUp('o-buyer')
    await cloud.container.store.update(Users, sellerId, { nickname: '阿杰的数码铺' })
    await cloud.container.store.update(Users, buyerId, { nickname: '杨浦读书人' })
    await cloud.signUp('o-stranger')
    const operatorId = await cloud.signUp('o-operator')
    await cloud.makeOperator(operatorId)
    await cloud.onboard(sellerId)
    for (const [i, openid] of JURORS.entries()) await aJurorCandidate(openid, `评审${i + 1}`)
  })
  afterEach(() => cloud.stop())

  /** A shipped ¥112 order whose buyer asked for 仅退款 and whose seller refused: disputed. */
  let parcels = 0
  const disputedOrder = async (priceFen = 10_000) => {
    const { order } = await aShippedOrder(cloud, {
      parcel: { company: '顺丰速运', waybillNo: `SF123456789${parcels++}` },
      listing: {
        priceFen,
        trade: { shipping: { payer: 'buyer', feeFen: 1_200 }, meetup: true, pickup: false },
      },
    })
    await cloud.mustOrder('o-buyer', 'requestRefund', {
      orderId: order.id,
      type: 'refund_only',
      reason: '耳机左耳没有声音',
    })
    await cloud.mustOrder('o-seller', 'answerRefund', {
      orderId: order.id,
      answer: 'refuse',
      note: '发货前测试过，两边都有声音',
    })
    return order.id as string
  }
  const bothGiveEvidence = async (orderId: string) => {
    await must('o-buyer', 'submitEvidence', {
      orderId,
      text: '阿杰的数码铺 说可以退，电话 138 1234 5678 联系过',
    })
    await must('o-seller', 'submitEvidence', { orderId, text: '发货视频里两边都有声音' })
  }
  const ledgerBalanced = async () => expect((await cloud.ledger()).balanced).toBe(true)
  const refundEntries = async () =>
    (await cloud.ledger()).entries.filter((e) => e.kind === 'refund')
  const disputeLost = async (userId: string) =>
    (await cloud.container.store.find(CreditEvents, { userId }, { limit: 100 })).items.filter(
      (e) => (e.event as { kind: string }).kind === 'dispute_lost',
    )

  it('opens with the dispute; evidence once per side within 3 days; messages must be of this order', async () => {
    const orderId = await disputedOrder()
    const d = await must('o-buyer', 'get', { orderId })
    expect(d).toMatchObject({ stage: 'evidence', side: 'buyer', can: { submitEvidence: true } })
    expect(await dispute('o-stranger', 'get', { orderId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    })
    expect(
      await dispute('o-buyer', 'submitEvidence', {
        orderId,
        text: '看聊天',
        messageIds: [`${'0'.repeat(26)}:${'1'.repeat(26)}:00000001`],
      }),
    ).toMatchObject({ ok: false, error: { code: 'DISPUTE.MESSAGE_NOT_IN_ORDER' } })
    const mine = await must('o-buyer', 'submitEvidence', { orderId, text: '左耳无声' })
    expect(mine.evidence.buyer).toMatchObject({ text: '左耳无声' })
    expect(mine.evidence.buyer.tracking[0]).toMatchObject({
      leg: 'outbound',
      waybillNo: 'SF1234567890',
    })
    expect(await dispute('o-buyer', 'submitEvidence', { orderId, text: '再交一次' })).toMatchObject(
      {
        ok: false,
        error: { code: 'DISPUTE.EVIDENCE_SUBMITTED' },
      },
    )
    // The 3 days run out: the negotiation starts, and the seller's evidence is too late.
    await cloud.advance(3 * DAY + 1)
    await orderHousekeeping(cloud.container)
    expect((await must('o-seller', 'get', { orderId })).stage).toBe('negotiation')
    expect(await dispute('o-seller', 'submitEvidence', { orderId, text: '晚了' })).toMatchObject({
      ok: false,
      error: { code: 'DISPUTE.WRONG_STAGE' },
    })
  })

  it('a settlement: amounts checked, only the latest proposal, accepted once; the money moves once and the books balance', async () => {
    const orderId = await disputedOrder()
    await bothGiveEvidence(orderId)
    for (const refundFen of [0, -5, 11_200, 20_000])
      expect(
        await dispute('o-seller', 'propose', { orderId, kind: 'partial', refundFen }),
      ).toMatchObject({ ok: false, error: { code: 'DISPUTE.BAD_AMOUNT' } })
    expect(await dispute('o-stranger', 'propose', { orderId, kind: 'refund' })).toMatchObject({
      ok: false,
    })
    expect(await dispute('o-operator', 'propose', { orderId, kind: 'release' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    })
    const first = (
      await must('o-seller', 'propose', { orderId, kind: 'partial', refundFen: 3_000 })
    ).proposals[0].id
    expect(
      await dispute('o-seller', 'answer', { orderId, proposalId: first, accept: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DISPUTE.OWN_PROPOSAL' },
    })
    const second = (
      await must('o-seller', 'propose', { orderId, kind: 'partial', refundFen: 4_000 })
    ).proposals[1].id
    expect(
      await dispute('o-buyer', 'answer', { orderId, proposalId: first, accept: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DISPUTE.PROPOSAL_STALE' },
    })
    // Two accepts at once: one settles, the other is stale.
    const answers = await Promise.all([
      dispute('o-buyer', 'answer', { orderId, proposalId: second, accept: true }),
      dispute('o-buyer', 'answer', { orderId, proposalId: second, accept: true }),
    ])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    await cloud.advance(5_000)
    await runOrderJobs(cloud.container)
    const order = await cloud.mustOrder('o-buyer', 'get', { orderId })
    expect(order).toMatchObject({
      state: 'completed',
      money: { refundedFen: 4_000, releasedFen: 7_200, inEscrowFen: 0 },
    })
    expect(await refundEntries()).toHaveLength(1)
    await ledgerBalanced()
    expect((await must('o-buyer', 'get', { orderId })).outcome).toMatchObject({
      by: 'agreement',
      transition: 'settlePartial',
    })
    // An agreement is nobody's loss: no dispute_lost for either side.
    expect(await disputeLost(sellerId)).toHaveLength(0)
    expect(await disputeLost(buyerId)).toHaveLength(0)
  })

  it('the jury: a panel of 9 eligible, unlinked users sees anonymised evidence; a majority refunds the buyer once', async () => {
    // Two candidates who must not serve: one too new, one in the buyer's community.
    const young = await aJurorCandidate('o-juror-young', '新来的')
    await cloud.container.store.update(Users, young, { createdAt: cloud.container.clock.now() })
    const neighbour = ids.get('o-juror-01')!
    const now = cloud.container.clock.now()
    await cloud.container.store.insert(Communities, {
      _id: 'C1',
      name: '杨浦小区',
      city: '上海',
    } as never)
    for (const u of [buyerId, neighbour])
      await cloud.container.store.insert(Memberships, {
        _id: membershipId('C1', u),
        communityId: 'C1',
        userId: u,
        joinedAt: now,
      } as never)
    const orderId = await disputedOrder()
    await bothGiveEvidence(orderId)
    await must('o-seller', 'propose', { orderId, kind: 'release' })
    const rejected = await must('o-buyer', 'answer', {
      orderId,
      proposalId: '1-1',
      accept: false,
    })
    expect(rejected.proposals[0].status).toBe('rejected')
    const seated = await must('o-buyer', 'escalate', { orderId })
    expect(seated).toMatchObject({ stage: 'jury', jury: { panelSize: 9, voted: 0 } })
    const record = (await cloud.container.store.get(Disputes, orderId))!
    expect(record.jurorIds).toHaveLength(9)
    expect(record.jurorIds).not.toContain(young)
    expect(record.jurorIds).not.toContain(neighbour)
    expect(record.jurorIds).not.toContain(buyerId)
    expect(record.jurorIds).not.toContain(sellerId)
    const jurors = JURORS.filter((o) => record.jurorIds!.includes(ids.get(o)!))
    const outsider = JURORS.find((o) => o !== 'o-juror-01' && !jurors.includes(o))!
    const { items } = await must(jurors[0]!, 'jurorCases')
    expect(items).toHaveLength(1)
    const caseId = items[0].caseId
    const view = await must(jurors[0]!, 'juryCase', { caseId })
    const seen = JSON.stringify(view)
    for (const secret of [
      '阿杰的数码铺',
      '杨浦读书人',
      buyerId,
      sellerId,
      orderId,
      '5678',
      'SF1234567890',
    ])
      expect(seen).not.toContain(secret)
    expect(view.evidence.buyer.text).toContain('卖家')
    // Nobody else may see or vote on the case: not the parties, not another user.
    for (const who of ['o-buyer', 'o-seller', outsider])
      expect(
        await dispute(who, 'vote', { caseId, side: 'buyer', reason: '我觉得买家有理' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'COMMON.NOT_FOUND' },
      })
    await must(jurors[0]!, 'vote', { caseId, side: 'seller', reason: '发货视频可信' })
    expect(
      await dispute(jurors[0]!, 'vote', { caseId, side: 'buyer', reason: '我改主意了，支持买家' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'JURY.ALREADY_VOTED' },
    })
    for (const j of jurors.slice(1, 6))
      await must(j, 'vote', { caseId, side: 'buyer', reason: '左耳无声的说法更可信' })
    await cloud.advance(5_000)
    await runOrderJobs(cloud.container)
    expect(await cloud.mustOrder('o-buyer', 'get', { orderId })).toMatchObject({
      state: 'refunded',
      money: { refundedFen: 11_200, inEscrowFen: 0 },
    })
    expect(
      await dispute(jurors[6]!, 'vote', { caseId, side: 'seller', reason: '来晚了一步' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'JURY.CLOSED' },
    })
    expect(await refundEntries()).toHaveLength(1)
    await ledgerBalanced()
    const closed = await must('o-seller', 'get', { orderId })
    expect(closed).toMatchObject({
      stage: 'closed',
      outcome: { by: 'jury', transition: 'juryRefund' },
      jury: { buyerVotes: 5, sellerVotes: 1 },
    })
    expect(await disputeLost(sellerId)).toHaveLength(1)
    expect(await disputeLost(buyerId)).toHaveLength(0)
    // Reputation: the five who agreed with the outcome gained, the dissenter is counted, the silent are not.
    const rep = async (o: string) => cloud.container.store.get(JurorReputations, ids.get(o)!)
    expect(await rep(jurors[0]!)).toMatchObject({ agreed: 0, counted: 1 })
    expect(await rep(jurors[1]!)).toMatchObject({ agreed: 1, counted: 1 })
    expect(await rep(jurors[7]!)).toBeNull()
  })

  it('a jury that misses its quorum, and a high-value order, go to the platform; the operator decides as before', async () => {
    const orderId = await disputedOrder()
    await bothGiveEvidence(orderId)
    await must('o-seller', 'escalate', { orderId })
    const record = (await cloud.container.store.get(Disputes, orderId))!
    const jurors = JURORS.filter((o) => record.jurorIds!.includes(ids.get(o)!))
    const { items } = await must(jurors[0]!, 'jurorCases')
    for (const j of jurors.slice(0, 2))
      await must(j, 'vote', { caseId: items[0].caseId, side: 'buyer', reason: '买家说得有道理' })
    await cloud.advance(DAY + 1)
    await orderHousekeeping(cloud.container)
    expect(await must('o-buyer', 'get', { orderId })).toMatchObject({
      stage: 'platform',
      platformReason: 'quorum_missed',
    })
    await cloud.mustOrder('o-operator', 'resolve', {
      orderId,
      outcome: 'release',
      note: '证据不足',
    })
    expect(await must('o-buyer', 'get', { orderId })).toMatchObject({
      stage: 'closed',
      outcome: { by: 'platform', transition: 'resolveRelease' },
    })
    expect(await disputeLost(buyerId)).toHaveLength(1)
    // The two who voted for the buyer disagreed with the final outcome.
    expect(await cloud.container.store.get(JurorReputations, ids.get(jurors[0]!)!)).toMatchObject({
      agreed: 0,
      counted: 1,
    })

    const big = await disputedOrder(250_000)
    await bothGiveEvidence(big)
    expect(await must('o-buyer', 'escalate', { orderId: big })).toMatchObject({
      stage: 'platform',
      platformReason: 'high_value',
      jury: null,
    })
  })
})
