import type { Page } from 'playwright-core'
import { AddressInputSchema } from '../../shared/contracts/address.contract'
import { createAddress } from '../../cloudfunctions/src/modules/address/application/address-book.use-case'
import {
  Listings,
  type ListingRecord,
} from '../../cloudfunctions/src/modules/listing/domain/listing.record'
import { subMchidOf } from '../../cloudfunctions/src/modules/merchant/application/sub-merchant'
import { Identities } from '../../cloudfunctions/src/modules/user/domain/user.record'
import { openPhone, screenshot } from './browser'
import type { Journey } from './journey'

/** What the escrow journeys share: signing in as a demo user, finding a listing, paying at the cashier. */

export const openidOf = async (j: Journey, userId: string) =>
  (await j.cloud.container.store.find(Identities, { userId }, { limit: 1 })).items[0]!._id

export const userIdOf = async (j: Journey, openid: string) =>
  (await j.cloud.container.store.get(Identities, openid))!.userId

/** A seeded active goods listing in 上海 by an onboarded seller other than the buyer, matching `want`. */
export const findListing = async (
  j: Journey,
  buyerOpenid: string,
  want: (l: ListingRecord) => boolean,
) => {
  const buyerId = await userIdOf(j, buyerOpenid)
  const page = await j.cloud.container.store.find(
    Listings,
    { city: '上海', status: 'active' },
    { limit: 200 },
  )
  for (const l of page.items) {
    if (
      l.kind === 'goods' &&
      l.sellerId !== buyerId &&
      want(l) &&
      (await subMchidOf(j.cloud.container, l.sellerId))
    )
      return l
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
  await page
    .locator(`#order-detail[data-id="${orderId}"]`)
    .locator('visible=true')
    .first()
    .waitFor()
}

/** Waits until the order page (reloaded as needed) shows `state` (or one of several). */
export const waitForState = async (page: Page, orderId: string, state: string | string[]) => {
  const wanted = ([] as string[]).concat(state)
  for (let i = 0; i < 20; i++) {
    await openOrder(page, orderId)
    const shown = await page
      .locator('#order-detail')
      .locator('visible=true')
      .first()
      .getAttribute('data-state')
    if (shown && wanted.includes(shown)) return
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
  const button = page
    .locator('.taro__modal .taro-model__confirm')
    .filter({ hasText: label })
    .locator('visible=true')
    .first()
  await button.waitFor()
  await button.click()
}

/** The first visible match on that phone (the H5 router keeps hidden pages in the DOM). */
export const on = (page: Page) => (selector: string) =>
  page.locator(selector).locator('visible=true').first()

export const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400)
  await screenshot(page, name)
}

/** ¥2,999 and ¥2999.00 alike, as a number of yuan. */
export const yuan = (text: string) => Number(text.replace(/[^\d.]/g, ''))

/** 可提现 on the seller's wallet page, in yuan. */
export const walletAvailable = async (page: Page) => {
  await page.goto('/#/package-merchant/wallet/index')
  await on(page)('#wallet-available').waitFor()
  await page.waitForTimeout(500)
  return yuan(await on(page)('#wallet-available').innerText())
}

/** A default address in the demo user's address book (as 我的 → 收货地址 would save it). */
export const saveAddress = async (j: Journey, openid: string, name: string) =>
  createAddress(
    j.cloud.container,
    await userIdOf(j, openid),
    AddressInputSchema.parse({
      name,
      phone: '13900139000',
      region: { province: '上海市', city: '上海市', district: '徐汇区' },
      detail: '漕溪北路 88 号 3 室',
    }),
  )

/**
 * 立即购买 → 确认订单 (邮寄 with an address, or 同城面交) → 提交订单 → the sandbox cashier →
 * 确认支付 → back on the paid order. Screenshots of the confirm page and the cashier when `shots`
 * names a prefix. Answers the order id.
 */
export const buyAndPay = async (
  page: Page,
  listingId: string,
  how: 'shipping' | 'meetup',
  shots?: string,
  fromBook?: string,
) => {
  await page.goto(`/#/package-listing/detail/index?id=${listingId}`)
  await on(page)('#detail-buy').click()
  await on(page)('#order-confirm').waitFor()
  await on(page)(`#fulfilment-${how}`).click()
  if (how === 'shipping') {
    // Courier orders ship to an address from the book: its default shows by itself.
    if (!fromBook)
      throw new Error('a courier purchase needs an address in the buyer’s book (saveAddress first)')
    // The book lists names masked (王*鹿): wait for the default's first character.
    await page.waitForFunction(
      (first) =>
        Array.from(document.querySelectorAll('#checkout-address .address-row__who')).some((e) =>
          (e.textContent ?? '').startsWith(first),
        ),
      fromBook[0]!,
    )
  }
  const total = yuan(await on(page)('#confirm-total').innerText())
  if (shots) await shot(page, `${shots}-confirm`)
  await on(page)('#confirm-submit').click()
  await page.waitForURL(/\/sandbox\/wechat-pay\/cashier/)
  await page.locator('#pay').waitFor()
  if (yuan(await page.locator('#amount').innerText()) !== total)
    throw new Error('the cashier asks for another amount')
  if (shots) await shot(page, `${shots}-cashier`)
  await page.locator('#pay').click()
  await page.waitForURL(/package-order\/detail/)
  const orderId = new URL(page.url().replace('#', '')).searchParams.get('id')
  if (!orderId) throw new Error('not back on the order page')
  await waitForState(page, orderId, 'paid')
  return { orderId, total }
}

/**
 * A parcel dropped off at a courier counter (the kuaidi100 sandbox's control route), as a buyer
 * sending a return does before typing its waybill; waits until the courier's 揽收 is visible.
 */
export const dropOffParcel = async (
  j: Journey,
  waybillNo: string,
  fromCity: string,
  toCity: string,
) => {
  const k = j.cloud.kuaidi100!
  k.ship({ company: 'yuantong', waybillNo, fromCity, toCity })
  // Manual timers: move the sandbox to the 揽收 it plans for the parcel.
  for (let i = 0; i < 20 && !collected(k, waybillNo); i++) await k.clock.advance!(60_000)
  if (!collected(k, waybillNo)) throw new Error(`the sandbox never collected ${waybillNo}`)
}
const collected = (k: NonNullable<Journey['cloud']['kuaidi100']>, waybillNo: string) => {
  try {
    k.engine.query({ com: 'yuantong', num: waybillNo })
    return true
  } catch {
    return false
  }
}

/** Fills the open action sheet's inputs (by field name) and submits it. */
export const fillSheet = async (page: Page, values: Record<string, string>, shotName?: string) => {
  await on(page)('#order-action-sheet').waitFor()
  for (const [field, value] of Object.entries(values)) {
    const chip = page.locator(`#sheet-${field}-${value}`).locator('visible=true')
    if (await chip.count()) await chip.first().click()
    else
      await on(page)(
        `#order-action-sheet .sheet-${field} input, #order-action-sheet .sheet-${field} textarea`,
      ).fill(value)
  }
  if (shotName) await shot(page, shotName)
  await on(page)('#order-action-submit').click()
}
