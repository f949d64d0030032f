import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { bookableSlots } from '../../shared/domain/pickup'
import {
  bookPickup,
  cancelPickup,
} from '../../cloudfunctions/src/modules/delivery/application/pickup.use-case'
import { runOrderJobs } from '../../cloudfunctions/src/modules/order/application/order-jobs'
import { Users } from '../../cloudfunctions/src/modules/user/domain/user.record'
import {
  buyAndPay,
  findListing,
  on,
  openidOf,
  saveAddress,
  secondPhone,
  shot,
  signIn,
} from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'

/**
 * 异常任务: a courier call kuaidi100 refuses for good (cancelling a booking it has lost) lands in
 * the outbox's dead letters. An operator (余杭小周, o-demo-08) finds it under 我的 → 异常任务 with
 * the courier's reason, and once the cause is fixed sends it again from the same page.
 */
let j: Journey
let operator: Page
let lost: { taskId: string } | undefined

before(async () => {
  j = await openJourney({
    wechatPay: true,
    wechatApi: true,
    kuaidi100: { timers: 'manual', startAt: Date.now() },
  })
})

after(() => j?.close())

test('a paid order whose booked courier kuaidi100 has lost: cancelling it is refused for good', async () => {
  const listing = await findListing(j, 'o-demo-03', (l) => !!l.trade?.shipping)
  await signIn(j.page, 'o-demo-03')
  await saveAddress(j, 'o-demo-03', '李小四')
  const { orderId } = await buyAndPay(j.page, listing._id, 'shipping', undefined, '李小四')
  // The seller books and then calls off a courier (as the order page would), through the use cases.
  const deps = j.cloud.container
  const seller = (await deps.store.get(Users, listing.sellerId))!
  const address = await saveAddress(j, await openidOf(j, listing.sellerId), '陈卖家')
  const slot = bookableSlots(Date.now())[0]!
  await bookPickup(deps, seller, {
    orderId,
    addressId: address.id,
    company: 'shunfeng',
    slot: { day: slot.day, start: slot.start, end: slot.end },
  })
  await runOrderJobs(deps, orderId)
  const engine = j.cloud.kuaidi100!.engine
  lost = [...engine.orders.values()][0]
  engine.orders.delete(lost!.taskId)
  await cancelPickup(deps, seller, orderId)
  await runOrderJobs(deps, orderId)
})

test('the operator sees it under 我的 → 异常任务 with the courier’s reason', async () => {
  operator = await secondPhone(j, 'o-demo-08')
  await operator.goto('/#/pages/me/index')
  await on(operator)('#me-failed-jobs').click()
  const row = operator.locator('.failed-job[data-status="failed"]').locator('visible=true').first()
  await row.waitFor()
  assert.match(await row.innerText(), /取消上门取件[\s\S]*PICKUP_NOT_FOUND/)
  // Only that one: the order's WeChat calls and the booking itself went through.
  assert.equal(await operator.locator('.failed-job').locator('visible=true').count(), 1)
  await shot(operator, 'failed-jobs-01-list')
})

test('once kuaidi100 finds the booking again, 重试 goes through', async () => {
  j.cloud.kuaidi100!.engine.orders.set(lost!.taskId, lost as never)
  await on(operator)('.failed-job .failed-job__retry').click()
  await operator
    .locator('.failed-job[data-status="done"]')
    .locator('visible=true')
    .first()
    .waitFor()
  await shot(operator, 'failed-jobs-02-retried')
})

test('纠纷处理 beside it opens too (no dispute waiting here)', async () => {
  await operator.goto('/#/pages/me/index')
  await on(operator)('#me-disputes').click()
  await on(operator)('#disputes-empty').waitFor()
})
