import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { Addresses } from '../../cloudfunctions/src/modules/address/domain/address.records'
import { screenshot } from '../support/browser'
import { type Journey, openJourney } from '../support/journey'

/**
 * 收货地址: a demo user adds two addresses (the form names what is wrong first), edits one, makes
 * the second the default, and deletes the first; the list shows names, phones and details masked.
 * ADDRESS_SHOTS=/some/dir also copies the screenshots there.
 */
let j: Journey
let page: Page

before(async () => {
  j = await openJourney({ seed: { listings: 4, photoVariants: 1 } })
  page = j.page
})
after(() => j?.close())

const visible = (selector: string) => page.locator(selector).locator('visible=true').first()
const shot = async (name: string) => {
  await page.waitForTimeout(400)
  const path = await screenshot(page, name)
  if (process.env.ADDRESS_SHOTS) {
    mkdirSync(process.env.ADDRESS_SHOTS, { recursive: true })
    copyFileSync(path, join(process.env.ADDRESS_SHOTS, `${name}.png`))
  }
}
const fill = (field: string, value: string) =>
  visible(`.address-${field} ${field === 'detail' ? 'textarea' : 'input'}`).fill(value)

/** Picks 省 → 市 (→ 区) in the NutUI cascader. */
const pickRegion = async (names: string[], shotName?: string) => {
  await visible('#address-region').click()
  for (const [i, name] of names.entries()) {
    if (shotName && i === names.length - 1) await shot(shotName)
    await page
      .locator('.nut-cascader-item')
      .locator('visible=true')
      .getByText(name, { exact: true })
      .last()
      .click()
  }
  await page.locator('.nut-cascader').locator('visible=true').first().waitFor({ state: 'hidden' })
}

const cards = () => page.locator('.address-card').locator('visible=true')

test('signs in and opens 收货地址 from 我的: an empty book says what to do', async () => {
  await page.goto('/')
  await page.getByText('我的', { exact: true }).last().click()
  await visible('#me-login').click()
  await visible('#demo-user-o-demo-03').click()
  await page.locator('#demo-user-picker').waitFor({ state: 'hidden' })
  await page.getByText('我的', { exact: true }).last().click()
  await visible('#me-addresses').click()
  await visible('#address-book').waitFor()
  await page.getByText('还没有收货地址').first().waitFor()
  await shot('address-01-empty')
})

test('adds an address: bad input is named on its field, then it saves and lists masked', async () => {
  await visible('#address-add').click()
  await visible('#address-form').waitFor()
  await fill('name', '李明华')
  await fill('phone', '1381234')
  await visible('#address-save').click()
  await visible('.field-error-phone').waitFor()
  await visible('.field-error-region').waitFor()
  await visible('.field-error-detail').waitFor()
  await shot('address-02-form-errors')

  await fill('phone', '13812348000')
  await pickRegion(['浙江省', '杭州市', '西湖区'], 'address-03-region-cascader')
  await fill('detail', '文三路 478 号华星时代广场 A 座 1203')
  await visible('#address-tag-家').click()
  await shot('address-04-form-filled')
  await visible('#address-save').click()
  await visible('#address-book').waitFor()
  await cards().first().waitFor()
  const text = await cards().first().innerText()
  assert.match(text, /李\*华/)
  assert.match(text, /138\*\*\*\*8000/)
  assert.match(text, /默认/)
  assert.doesNotMatch(text, /华星时代广场|1203/)
})

test('adds a second one in 上海, makes it the default, edits the first, deletes it', async () => {
  await visible('#address-add').click()
  await visible('#address-form').waitFor()
  await fill('name', '王芳')
  await fill('phone', '13900001111')
  await pickRegion(['上海市', '上海市', '浦东新区'])
  await fill('detail', '世纪大道 100 号 52 楼')
  await visible('#address-tag-公司').click()
  await visible('#address-save').click()
  await visible('#address-book').waitFor()
  await page.waitForFunction(() => document.querySelectorAll('.address-card').length >= 2)
  await shot('address-05-list-two')

  await visible('.address-set-default').click()
  await page.waitForFunction(() => {
    const first = Array.from(document.querySelectorAll('.address-card')).find(
      (c) => (c as HTMLElement).offsetParent !== null,
    )
    return first?.textContent?.includes('王*') && first.getAttribute('data-default') === '1'
  })
  await shot('address-06-new-default')

  // Edit the 杭州 one (now second): the form opens with the full, unmasked values.
  await cards().nth(1).locator('.address-edit').click()
  await visible('#address-form').waitFor()
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.address-name input')).some(
      (i) => (i as HTMLInputElement).value === '李明华',
    ),
  )
  await fill('detail', '文三路 500 号')
  await shot('address-07-edit')
  await visible('#address-save').click()
  await visible('#address-book').waitFor()
  // The list masks the new detail too: 文三路 500 号 → 文三路****.
  await page.getByText('文三路****').first().waitFor()

  await cards().nth(1).locator('.address-remove').click()
  await shot('address-08-confirm-delete')
  // Taro H5's modal spells its buttons `taro-model__…` (sic).
  await page.locator('.taro__modal .taro-model__confirm').locator('visible=true').first().click()
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('.address-card')).filter(
        (c) => (c as HTMLElement).offsetParent !== null,
      ).length === 1,
  )
  await shot('address-09-after-delete')

  const stored = await j.cloud.container.store.find(Addresses, {}, { limit: 10 })
  assert.equal(stored.items.length, 1)
  assert.ok(!JSON.stringify(stored.items).includes('13900001111'))
})

test('in choose mode (checkout) a tap hands the address id back to the opener and returns', async () => {
  const [only] = (await j.cloud.container.store.find(Addresses, {}, { limit: 1 })).items
  await page.evaluate((id) => {
    location.hash = `#/package-user/addresses/index?choose=1&selected=${id}`
  }, only._id)
  await page.getByText('选择收货地址').first().waitFor()
  await visible('.address-card--selected').waitFor()
  await shot('address-10-choose')
  await visible(`#address-${only._id} .address-card__main`).click()
  await page.waitForFunction(
    (id) => (localStorage.getItem('linquan.chosen-address') ?? '').includes(id),
    only._id,
  )
  await page.getByText('选择收货地址').first().waitFor({ state: 'hidden' })
})
