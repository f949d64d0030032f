import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openPhone, screenshot } from './browser'
import { type JourneyCloudOptions, startJourneyCloud } from './local-cloud'

/**
 * A feed card that holds a listing: while a page loads, the feed shows skeleton cards of the same
 * class, and waiting for (or tapping) one of those is waiting for nothing.
 */
export const FEED_CARD = '#feed .listing-card:not(.listing-card--skeleton)'

export interface Journey {
  cloud: Awaited<ReturnType<typeof startJourneyCloud>>
  browser: Browser
  page: Page
  /** The first visible match: the H5 router keeps hidden pages in the DOM. */
  visible: (selector: string) => ReturnType<Page['locator']>
  /** A screenshot once the page slide-in of the H5 router has settled. */
  shot: (name: string) => Promise<void>
  /** Taps a tab-bar item by its label. */
  tab: (label: string) => Promise<void>
  close: () => Promise<void>
}

/** A fresh local cloud and a phone-sized Chromium page on it, with the helpers every journey uses. */
export const openJourney = async (
  options: { geolocation?: { latitude: number; longitude: number } } & JourneyCloudOptions = {},
): Promise<Journey> => {
  const cloud = await startJourneyCloud(options)
  const browser = await launchBrowser()
  const page = await openPhone(browser, cloud.url, options)
  return {
    cloud,
    browser,
    page,
    visible: (selector) => page.locator(selector).locator('visible=true').first(),
    shot: async (name) => {
      await page.waitForTimeout(400)
      await screenshot(page, name)
    },
    tab: (label) => page.getByText(label, { exact: true }).last().click(),
    close: async () => {
      await browser.close()
      await cloud.stop()
    },
  }
}
