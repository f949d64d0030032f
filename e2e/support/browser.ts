import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type Page, chromium } from 'playwright-core'

/** Screenshots land here; CI keeps the folder as the journeys' artifacts. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'e2e')

/**
 * Debian's Chromium, headless, with the flags this sandboxed machine needs (no background
 * networking: the network is closed and Chromium would otherwise keep retrying Google's hosts).
 */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

/** A phone-sized page, as the H5 build is meant to be seen. */
export const openPhone = async (
  browser: Browser,
  baseUrl: string,
  options: { geolocation?: { latitude: number; longitude: number } } = {},
): Promise<Page> => {
  const context = await browser.newContext({
    ...(options.geolocation
      ? { geolocation: options.geolocation, permissions: ['geolocation'] }
      : {}),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: baseUrl,
  })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('[page error]', e.message))
  return page
}

export const screenshot = async (page: Page, name: string) => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path })
  return path
}
