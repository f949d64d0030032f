import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_USERS } from '../../cloudfunctions/local/seed/demo-users'
import type { ListingRecord } from '../../cloudfunctions/src/modules/listing/domain/listing.record'
import { findListing, on, openidOf, secondPhone, shot, signIn, userIdOf } from '../support/escrow'
import { type Journey, openJourney } from '../support/journey'
import { makePhoto } from '../support/photo'

/**
 * 举报 → 审核 → 处罚 → 申诉: a buyer reports a seeded listing as counterfeit with a photo (and a
 * second try counts once); the moderator finds it in 审核后台, opens the case with its evidence
 * and restricts the seller's publishing; the seller sees it under 我的处罚 and appeals; the
 * moderator who decided may not answer that appeal, a second moderator does, and both the seller
 * and the reporter see the outcome.
 */
let j: Journey
let buyer: Page
let moderator: Page
let seller: Page
let listing: ListingRecord
const BUYER = 'o-demo-03'
const MODERATOR = 'o-demo-08'
const REPORT_TEXT = '图片是官网宣传图，标价只有专柜的一成，疑似仿品'
const DECISION_REASON = '多方证据显示为仿冒商品，图片盗用官方宣传图'
const APPEAL_TEXT = '这是朋友送的正品，我有购买小票，可以补充照片'
const ANSWER_TEXT = '申诉未提供有效购买凭证，维持原处理'

const moderators = DEMO_USERS.filter((u) => u.moderator).map((u) => u.openid)
const secondModerator = () => {
  const other = moderators.find((m) => m !== MODERATOR)
  if (!other) throw new Error('the seed has no second demo moderator (demo-users.ts)')
  return other
}

/** Waits for `selector` on the page as it is, then on `url` loaded afresh, a few times. */
const showsAfterReload = async (page: Page, url: string, selector: string) => {
  for (let i = 0; i < 8; i++) {
    const ok = await on(page)(selector)
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      )
    if (ok) return on(page)(selector)
    await page.goto(url)
  }
  throw new Error(`${url} never showed ${selector}`)
}

/** The queue's card for the reported listing (the H5 router keeps hidden pages in the DOM). */
const cardOf = (page: Page, list: string) =>
  page
    .locator(`${list} .queue-card`)
    .filter({ hasText: listing.title.slice(0, 12) })
    .locator('visible=true')
    .first()

/** 我的 → a menu row (menu rows are cells with ids). */
const openFromMe = async (page: Page, rowId: string) => {
  await page.goto('/#/pages/me/index')
  await on(page)(`#${rowId}`).click()
}

before(async () => {
  j = await openJourney({})
  buyer = j.page
})

after(() => j?.close())

test('a buyer reports a listing as counterfeit with a photo; a second report counts once', async () => {
  const staff = await Promise.all(moderators.map((m) => userIdOf(j, m)))
  listing = await findListing(j, BUYER, (l) => !staff.includes(l.sellerId))
  await signIn(buyer, BUYER)
  await buyer.goto(`/#/package-listing/detail/index?id=${listing._id}`)
  await on(buyer)('#detail-report').click()
  await on(buyer)('#report-form[data-kind="listing"]').waitFor()
  assert.equal(await on(buyer)('#report-label').innerText(), listing.title.slice(0, 30))
  // Nothing goes out without a reason.
  await on(buyer)('#report-submit').click()
  assert.equal(await on(buyer)('#report-problem').innerText(), '请选择举报理由')
  await on(buyer)('#report-reason-counterfeit').click()
  await on(buyer)('#report-text textarea').fill(REPORT_TEXT)
  const chooser = buyer.waitForEvent('filechooser')
  await on(buyer)('#report-photos #photo-add').click()
  await (await chooser).setFiles({ name: 'proof.png', mimeType: 'image/png', buffer: makePhoto() })
  await on(buyer)('#report-photos .photo-tile.is-done').waitFor()
  await shot(buyer, 'report-moderation-01-buyer-form')
  await on(buyer)('#report-submit').click()
  await on(buyer)('#report-done[data-duplicate="0"]').waitFor()
  assert.equal(await on(buyer)('#report-done-title').innerText(), '已提交，我们会尽快处理')
  await shot(buyer, 'report-moderation-02-buyer-submitted')

  await buyer.goto(`/#/package-listing/detail/index?id=${listing._id}`)
  await on(buyer)('#detail-report').click()
  await on(buyer)('#report-reason-fraud').click()
  await on(buyer)('#report-submit').click()
  await on(buyer)('#report-done[data-duplicate="1"]').waitFor()
  assert.equal(await on(buyer)('#report-done-title').innerText(), '你已举报过')

  await openFromMe(buyer, 'me-reports')
  const mine = on(buyer)(`#my-reports .my-report[data-status="pending"]`)
  await mine.waitFor()
  assert.match(await mine.innerText(), /处理中/)
})

test('the moderator finds the case in 审核后台, reads the evidence and restricts publishing', async () => {
  moderator = await secondPhone(j, MODERATOR)
  await openFromMe(moderator, 'me-moderation')
  await on(moderator)('#moderation-queue[data-view="cases"]').waitFor()
  const card = cardOf(moderator, '#queue-cases')
  await card.waitFor()
  const seen = await card.innerText()
  assert.match(seen, /假冒商品/)
  assert.match(seen, /1 人举报/)
  assert.match(seen, /剩 \d/)
  await shot(moderator, 'report-moderation-03-moderator-queue')

  await card.click()
  await on(moderator)('#moderation-case[data-status="open"]').waitFor()
  const reports = await on(moderator)('#case-reports').innerText()
  assert.ok(reports.includes(REPORT_TEXT))
  assert.match(reports, /举报人可信度 \d+/)
  assert.equal(
    await moderator.locator('#case-reports .mod-report').locator('visible=true').count(),
    1,
  )
  await on(moderator)('#case-target').waitFor()
  assert.match(await on(moderator)('#decision-suggested').innerText(), /按处罚阶梯建议/)
  await shot(moderator, 'report-moderation-04-moderator-case')

  await on(moderator)('#decision-action-restrict').click()
  await on(moderator)('#decision-restriction-publish.is-on').waitFor()
  await on(moderator)('#decision-days input').fill('7')
  await on(moderator)('#decision-rule-R3-counterfeit').click()
  await on(moderator)('#decision-reason textarea').fill(DECISION_REASON)
  await on(moderator)('#decision-form').scrollIntoViewIfNeeded()
  await shot(moderator, 'report-moderation-05-moderator-decision-form')
  await on(moderator)('#decision-submit').click()
  await on(moderator)('#moderation-case[data-status="decided"]').waitFor()
  assert.match(await on(moderator)('#case-decision-what').innerText(), /限制功能（禁止发布）/)
  await shot(moderator, 'report-moderation-06-moderator-decided')
})

test('the seller sees 我的处罚 with the rule and reason, and appeals', async () => {
  seller = await secondPhone(j, await openidOf(j, listing.sellerId))
  await openFromMe(seller, 'me-penalties')
  const card = on(seller)('#my-penalties .penalty[data-action="restrict"]')
  await card.waitFor()
  const text = await card.innerText()
  assert.match(text, /禁止发布/)
  assert.match(text, /禁止售卖假冒商品/)
  assert.ok(text.includes(DECISION_REASON))
  assert.match(text, /生效中/)
  await shot(seller, 'report-moderation-07-seller-penalty')

  await on(seller)('.penalty__appeal-open').click()
  await on(seller)('#appeal-form textarea').fill(APPEAL_TEXT)
  await on(seller)('#appeal-submit').click()
  const appeal = on(seller)('.penalty__appeal[data-status="pending"]')
  await appeal.waitFor()
  assert.match(await appeal.innerText(), /申诉处理中/)
  await shot(seller, 'report-moderation-08-seller-appealed')
})

test('the moderator who decided may not answer the appeal; a second moderator upholds it', async () => {
  // The deciding moderator opens the case again: the 复核 form is there, the server says no.
  await moderator.reload()
  await on(moderator)('#appeal-review').waitFor()
  await on(moderator)('#appeal-outcome-upheld').click()
  await on(moderator)('#appeal-answer-text textarea').fill('维持原处理')
  await on(moderator)('#appeal-answer-submit').click()
  await on(moderator)('#appeal-answer-problem').waitFor()
  assert.match(await on(moderator)('#appeal-answer-problem').innerText(), /另一位审核员/)
  await shot(moderator, 'report-moderation-09-same-moderator-refused')

  const second = await secondPhone(j, secondModerator())
  await openFromMe(second, 'me-moderation')
  await on(second)('#queue-tab-appeals').click()
  await on(second)('#moderation-queue[data-view="appeals"]').waitFor()
  const card = cardOf(second, '#queue-appeals')
  await card.waitFor()
  await shot(second, 'report-moderation-10-second-moderator-appeals')
  await card.click()
  await on(second)('#appeal-review').waitFor()
  assert.ok((await on(second)('#case-appeal-text').innerText()).includes(APPEAL_TEXT))
  await on(second)('#appeal-outcome-upheld').click()
  await on(second)('#appeal-answer-text textarea').fill(ANSWER_TEXT)
  await on(second)('#appeal-answer-submit').click()
  await on(second)('#case-appeal[data-status="upheld"]').waitFor()
  await shot(second, 'report-moderation-11-appeal-upheld')

  const answered = await showsAfterReload(
    seller,
    '/#/package-user/penalties/index',
    '.penalty__appeal[data-status="upheld"]',
  )
  assert.ok((await answered.innerText()).includes(ANSWER_TEXT))
  await shot(seller, 'report-moderation-12-seller-appeal-answered')

  const outcome = await showsAfterReload(
    buyer,
    '/#/package-user/reports/index',
    '.my-report[data-status="upheld"]',
  )
  assert.match(await outcome.innerText(), /已处理（违规属实）/)
  await shot(buyer, 'report-moderation-13-buyer-report-upheld')
})
