import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import type { WechatPaySandbox } from '../../cloudfunctions/local/sandboxes/wechat-pay'
import { Merchants } from '../../cloudfunctions/src/modules/merchant/domain/merchant.records'
import { Identities } from '../../cloudfunctions/src/modules/user/domain/user.record'
import { screenshot } from '../support/browser'
import { type Journey, openJourney } from '../support/journey'
import type { JourneyCloud } from '../support/local-cloud'
import { makePhoto } from '../support/photo'

/**
 * 开通收款: 拱墅宝妈 (o-demo-07, not onboarded in the seed) fills in the real-name form, is
 * rejected (the sandbox rejects names with 驳回), resubmits, and follows the application through
 * 审核中 → 待账户验证 → 待签约 → 已完成 (WeChat's reviewers are the sandbox's control endpoint);
 * then 我的钱包 shows her three figures.
 */
let j: Journey
let cloud: JourneyCloud
let sandbox: WechatPaySandbox
let page: Page

before(async () => {
  // WeChat's reviewers act when the journey says so: the sandbox's timers are manual.
  j = await openJourney({
    wechatPay: { timers: 'manual' },
    seed: { listings: 12, photoVariants: 1 },
  })
  ;({ cloud, page } = j)
  sandbox = cloud.wechatPay!
})

after(() => j?.close())

const visible = (selector: string) => page.locator(selector).locator('visible=true').first()
const shot = async (name: string) => {
  await page.waitForTimeout(400)
  await screenshot(page, name)
}

/** WeChat's review moves the application one stage on. */
const review = async () => {
  const userId = (await cloud.container.store.get(Identities, 'o-demo-07'))!.userId
  sandbox.engine.advanceApplyment(
    (await cloud.container.store.get(Merchants, userId))!.outRequestNo,
  )
  await visible('#onboarding-refresh').click()
}

const stateIs = async (state: string) => {
  await page
    .locator(`#onboarding-status[data-state="${state}"]`)
    .locator('visible=true')
    .first()
    .waitFor()
}

const fillForm = async (name: string, longTerm: 'toggle' | 'keep' = 'toggle') => {
  for (const side of ['front', 'back']) {
    const chooser = page.waitForEvent('filechooser')
    await visible(`#onboarding-photo-${side}`).click()
    await (
      await chooser
    ).setFiles({ name: `id-${side}.png`, mimeType: 'image/png', buffer: makePhoto(200) })
  }
  const fill = (field: string, value: string) => visible(`.onboarding-${field} input`).fill(value)
  await fill('idCardName', name)
  await fill('idCardNumber', '110101199003070011')
  await fill('idCardValidBegin', '2020-01-01')
  if (longTerm === 'toggle') await visible('#onboarding-long-term').click()
  await fill('accountNumber', '6225880000001234')
  await fill('mobile', '13812341234')
  await page.waitForFunction(() => !document.body.innerText.includes('上传中'))
}

test('a new seller sees 未开通 on 我的 and a form that names what is missing', async () => {
  await page.goto('/')
  await page.getByText('我的', { exact: true }).last().click()
  await visible('#me-login').click()
  await visible('#demo-user-o-demo-07').click()
  await page.locator('#demo-user-picker').waitFor({ state: 'hidden' })
  // The publish form says buyers cannot pay her yet, and links to 开通收款.
  await page.getByText('发布', { exact: true }).last().click()
  await visible('#publish-start').click()
  await visible('#publish-onboard').waitFor()
  await shot('onboarding-00-publish-hint')
  await page.goBack()
  await page.getByText('我的', { exact: true }).last().click()
  await page.getByText('未开通 ›').first().waitFor()
  await visible('#me-onboarding').click()
  await visible('#onboarding-form').waitFor()
  await visible('#onboarding-submit').click()
  assert.equal(
    await visible('.field-error-idCardFrontFileId').innerText(),
    '请上传身份证人像面照片',
  )
  assert.equal(await visible('.field-error-idCardNumber').innerText(), '请填写身份证号码')
  await shot('onboarding-01-form-errors')
})

test('a wrong check digit is caught before anything is sent', async () => {
  await visible('.onboarding-idCardNumber input').fill('110101199003070012')
  assert.match(await visible('.field-error-idCardNumber').innerText(), /校验码/)
})

test('驳回 shows the reason; 重新提交 brings the form back without the real-name fields', async () => {
  await fillForm('宝妈驳回')
  await visible('#onboarding-submit').click()
  await stateIs('checking')
  assert.equal(await visible('#onboarding-masked-id').innerText(), '1*************0011')
  await shot('onboarding-02-checking')
  await review()
  await stateIs('rejected')
  // WeChat Pay's own words for the field it refused; no sandbox wording on the seller's page.
  const reasons = await visible('#onboarding-reasons').innerText()
  assert.match(reasons, /身份证姓名：身份证姓名与号码不一致，请核对后重新提交/)
  assert.doesNotMatch(reasons, /沙箱|sandbox/i)
  await shot('onboarding-03-rejected')
  await visible('#onboarding-resubmit').click()
  await visible('#onboarding-form').waitFor()
  assert.equal(await visible('.onboarding-idCardNumber input').inputValue(), '')
  // 长期 and the bank came back from the first submission.
  assert.equal(await visible('.onboarding-idCardValidEnd input').inputValue(), '长期')
})

test('resubmitted, the application goes 待账户验证 → 待签约 → 已完成', async () => {
  await fillForm('拱墅宝妈', 'keep')
  await visible('#onboarding-submit').click()
  await stateIs('checking')
  await review()
  await stateIs('account_need_verify')
  await visible('#onboarding-verify').waitFor()
  await shot('onboarding-04-verify')
  await review()
  await stateIs('need_sign')
  await visible('#onboarding-sign-link').waitFor()
  await review()
  await stateIs('finish')
  await shot('onboarding-05-finish')
})

test('我的钱包 shows the three figures and an empty history', async () => {
  await visible('#onboarding-wallet').click()
  await visible('#wallet').waitFor()
  assert.equal(await visible('#wallet-available .wallet-figure__n').innerText(), '¥0')
  await visible('#wallet-withdraw').waitFor()
  await shot('onboarding-06-wallet')
})
