import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { signLocalSession } from '../../cloudfunctions/src/platform/caller-identity'
import { CreditAccounts } from '../../cloudfunctions/src/modules/credit/domain/credit.records'
import { Disputes } from '../../cloudfunctions/src/modules/dispute/domain/dispute.records'
import { Identities, Users } from '../../cloudfunctions/src/modules/user/domain/user.record'
import {
  buyAndPay,
  fillSheet,
  findListing,
  on,
  openidOf,
  saveAddress,
  secondPhone,
  shot,
  signIn,
  tapAction,
  waitForState,
} from '../support/escrow'
import { openPhone } from '../support/browser'
import { type Journey, openJourney } from '../support/journey'

/**
 * 小法庭: a buyer says the item is not as described, the seller refuses the refund; both phones
 * give evidence, the seller's offer (放款) is rejected and the buyer asks for 小法庭. Nine jurors
 * are drawn from long-standing, well-rated users with no link to either party (seeded here); one
 * votes on their phone, four more through the function, and the majority refunds the buyer.
 */
let j: Journey
let buyer: Page
let seller: Page
let orderId = ''
const JURORS = Array.from({ length: 14 }, (_, i) => `o-jury-${String(i + 1).padStart(2, '0')}`)
const DAY = 86_400_000

/** Users who may serve: 60 days old, 良好 credit, in no community or trade with anyone. */
const seedJurors = async () => {
  const store = j.cloud.container.store
  const now = Date.now()
  for (const [i, openid] of JURORS.entries()) {
    const id = j.cloud.container.ids.next()
    await store.insert(Users, {
      _id: id,
      nickname: `评审员${i + 1}`,
      avatarFileId: null,
      city: '杭州',
      roles: ['user'],
      bannedUntil: null,
      createdAt: now - 60 * DAY,
      updatedAt: now,
      version: 0,
    })
    await store.insert(Identities, { _id: openid, userId: id, createdAt: now - 60 * DAY })
    await store.insert(CreditAccounts, { _id: id, breakdown: { tier: 'good' } } as never)
  }
}

const tokenFor = (openid: string) =>
  signLocalSession({ openid, exp: Date.now() + DAY }, j.cloud.sessionSecret)

/** A juror's call through the gateway, with a session signed for them. */
const asJuror = async (openid: string, action: string, input: unknown) => {
  const res = await fetch(`${j.cloud.url}/fn/dispute`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(openid)}` },
    body: JSON.stringify({ action, input }),
  })
  const body = (await res.json()) as { ok: boolean; data?: any; error?: { code: string } }
  if (!body.ok) throw new Error(`${action}: ${body.error?.code}`)
  return body.data
}

before(async () => {
  j = await openJourney({ wechatPay: true, kuaidi100: { timers: 'manual', startAt: Date.now() } })
  buyer = j.page
  await seedJurors()
})

after(() => j?.close())

test('the seller refuses a 仅退款: the order is disputed and both sides are asked for evidence', async () => {
  const listing = await findListing(
    j,
    'o-demo-03',
    (l) => !!l.trade?.shipping && l.priceFen < 200_000,
  )
  await signIn(buyer, 'o-demo-03')
  await saveAddress(j, 'o-demo-03', '王阿姨')
  ;({ orderId } = await buyAndPay(buyer, listing._id, 'shipping', undefined, '王阿姨'))
  seller = await secondPhone(j, await openidOf(j, listing.sellerId))
  await waitForState(seller, orderId, 'paid')
  await tapAction(seller, 'ship')
  await fillSheet(seller, { company: '中通快递', waybillNo: '78901234567899' })
  await waitForState(buyer, orderId, 'shipped')
  await tapAction(buyer, 'requestRefund')
  await fillSheet(buyer, { type: 'refund_only', reason: '收到的和描述不符，有明显划痕' })
  await waitForState(seller, orderId, 'refund_requested')
  await tapAction(seller, 'refuseRefund')
  await fillSheet(seller, { note: '发货前检查过，没有划痕' })
  await waitForState(buyer, orderId, 'disputed')
  await on(buyer)('#order-dispute[data-stage="evidence"]').waitFor()
  await shot(buyer, 'dispute-jury-01-buyer-evidence-stage')
})

test('both phones give evidence; each sees the other side’s', async () => {
  await on(buyer)('#dispute-evidence-form textarea').fill(
    '收到时屏幕右下角有一道明显划痕，详情页写的是无划痕',
  )
  await on(buyer)('#dispute-evidence-submit').click()
  await on(buyer)('#dispute-evidence-buyer').waitFor()
  await waitForState(seller, orderId, 'disputed')
  await on(seller)('#dispute-evidence-buyer').waitFor()
  await on(seller)('#dispute-evidence-form textarea').fill(
    '发货前拍了视频，屏幕完好，可能是运输中造成的',
  )
  await on(seller)('#dispute-evidence-submit').click()
  await on(seller)('#order-dispute[data-stage="negotiation"]').waitFor()
  await shot(seller, 'dispute-jury-02-seller-negotiation')
})

test('the seller proposes 放款; the buyer rejects it and asks for 小法庭', async () => {
  await on(seller)('#dispute-kind-release').click()
  await on(seller)('#dispute-propose-submit').click()
  await on(seller)('#dispute-proposals').waitFor()
  await waitForState(buyer, orderId, 'disputed')
  await on(buyer)('#dispute-evidence-seller').waitFor()
  await on(buyer)('#dispute-reject').waitFor()
  await shot(buyer, 'dispute-jury-03-buyer-proposal')
  await on(buyer)('#dispute-reject').click()
  await buyer.locator('#dispute-proposals [data-status="rejected"]').first().waitFor()
  await on(buyer)('#dispute-escalate').click()
  await on(buyer)('#order-dispute[data-stage="jury"]').waitFor()
  assert.match(await on(buyer)('#dispute-jury').innerText(), /9 位评审员/)
  await shot(buyer, 'dispute-jury-04-buyer-jury')
})

test('a juror votes on 小法庭 with a reason; four more vote through the function; the buyer is refunded', async () => {
  const record = (await j.cloud.container.store.get(Disputes, orderId))!
  const drawn = await Promise.all(record.jurorIds!.map((id) => openidOf(j, id)))
  assert.equal(drawn.length, 9)
  const [first, ...rest] = drawn
  const phone = await openPhone(j.browser, j.cloud.url)
  await phone.goto('/#/pages/me/index')
  await phone.evaluate(
    ([key, token]) =>
      localStorage.setItem(
        key!,
        JSON.stringify({ data: { token, expiresAt: Date.now() + 86_400_000 } }),
      ),
    ['linquan.session', tokenFor(first!)],
  )
  await phone.goto('/#/package-order/jury/index')
  await on(phone)('.jury-case-card').click()
  await on(phone)('#jury-case').waitFor()
  const seen = await on(phone)('#jury-case').innerText()
  assert.doesNotMatch(seen, /王阿姨|78901234567899/)
  assert.match(seen, /买家的证据[\s\S]*划痕/)
  await shot(phone, 'dispute-jury-05-juror-case')
  await on(phone)('#jury-side-buyer').click()
  await on(phone)('#jury-reason textarea').fill('买家描述具体，详情页写无划痕，支持退款')
  await on(phone)('#jury-vote-submit').click()
  await on(phone)('#jury-my-vote').waitFor()
  await shot(phone, 'dispute-jury-06-juror-voted')
  const { items } = await asJuror(rest[0]!, 'jurorCases', {})
  for (const openid of rest.slice(0, 4))
    await asJuror(openid, 'vote', {
      caseId: items[0].caseId,
      side: 'buyer',
      reason: '证据显示与描述不符，支持买家',
    })
  await waitForState(buyer, orderId, 'refunded')
  await on(buyer)('#dispute-outcome').waitFor()
  assert.match(await on(buyer)('#dispute-outcome').innerText(), /小法庭判定支持买家/)
  await shot(buyer, 'dispute-jury-07-buyer-refunded')
})
