import type { Page } from 'playwright-core'
import { Listings, type ListingRecord } from '../../cloudfunctions/src/modules/listing/domain/listing.record'
import { subMchidOf } from '../../cloudfunctions/src/modules/merchant/application/sub-merchant'
import { Identities } from '../../cloudfunctions/src/modules/user/domain/user.record'
import { openPhone } from './browser'
import type { Journey } from './journey'

/** What the escrow journeys share: signing in as a demo user, finding a listing, paying at the cashier. */

export const openidOf = async (j: Journey, userId: string) =>
  (await j.cloud.container.store.find(Identities, { userId }, { limit: 1 })).items[0]!._id

export const userIdOf = async (j: Journey, openid: string) => (await j.cloud.container.store.get(Identities, openid))!.userId

/** A seeded active goods listing in 上海 by an onboarded seller other than the buyer, matching `want`. */
export const findListing = async (j: Journey, buyerOpenid: string, want: (l: ListingRecord) => boolean) => {
  const buyerId = await userIdOf(j, buyerOpenid)
  const page = await j.cloud.container.store.find(Listings, { city: '上海', status: 'active' }, { limit: 200 })
  for (const l of page.items) {
    if (l.kind === 'goods' && l.sellerId !== buyerId && want(l) && (await subMchidOf(j.cloud.container, l.sellerId))) return l
  }
  throw new Error('no matching listing in the seed')
}

/** Signs a page in as a demo user through 我的 → 登录. */
export const signIn = async (page: Page, openid: string) => {
  await page.goto('/#/pages/me/index')
  const visible = (s: string) => page.locator(s).locator('visible=true').first()
  await visible('#me-login').click()
  await visible(`#demo-user-${openid}`).click()
  await page.locator('#demo-user-picker').waitFor({ state: 'hidden' })
}

/** A second phone (its own storage, so its own session): the other party of the trade. */
export const secondPhone = async (j: Journey, openid: string) => {
  const page = await openPhone(j.browser, j.cloud.url)
  await signIn(page, openid)
  return page
}

export const openOrder = async (page: Page, orderId: string) => {
  await page.goto(`/#/package-order/detail/index?id=${orderId}`)
  await page.locator(`#order-detail[data-id="${orderId}"]`).locator('visible=true').first().waitFor()
}

/** Waits until the order page (reloaded as needed) shows `state`. */
export const waitForState = async (page: Page, orderId: string, state: string) => {
  for (let i = 0; i < 20; i++) {
    await openOrder(page, orderId)
    const shown = await page.locator('#order-detail').locator('visible=true').first().getAttribute('data-state')
    if (shown === state) return
    await page.waitForTimeout(300)
  }
  throw new Error(`order ${orderId} never reached ${state}`)
}

/** Taps an action of the order action bar. */
export const tapAction = async (page: Page, action: string) => {
  await page.locator(`#order-action-${action}`).locator('visible=true').first().click()
}

/** Taps the confirm button (by its label) of the Taro.showModal dialog on screen. */
export const confirmModal = async (page: Page, label: string) => {
  // Taro H5's modal spells its buttons `taro-model__…` (sic).
  const button = page.locator('.taro__modal .taro-model__confirm').filter({ hasText: label }).locator('visible=true').first()
  await button.waitFor()
  await button.click()
}
