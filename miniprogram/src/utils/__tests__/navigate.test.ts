/**
 * The navigation guard: one navigation in flight per route. The stand-in Taro behaves like H5,
 * where navigateTo resolves as soon as the URL changes and the new page joins the stack later.
 */
const stack: { path: string }[] = [{ path: '/package-listing/detail/index?id=A' }]
const navigateTo = jest.fn()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    navigateTo: (o: { url: string }) => navigateTo(o),
    getCurrentPages: () => stack,
  },
}))

import { navigateOnce, routeOf } from '../navigate'

const CHECKOUT = '/package-order/confirm/index?listingId=A'

beforeEach(() => {
  jest.useFakeTimers()
  stack.splice(1)
  navigateTo.mockReset()
  // The page shows 300 ms after the URL changed, as a lazily loaded page chunk does.
  navigateTo.mockImplementation(({ url }: { url: string }) => {
    setTimeout(() => stack.push({ path: url }), 300)
    return Promise.resolve({ errMsg: 'navigateTo:ok' })
  })
})
afterEach(() => jest.useRealTimers())

const settle = async (ms: number) => {
  await jest.advanceTimersByTimeAsync(ms)
}

test('three quick taps open one page', async () => {
  const taps = [navigateOnce(CHECKOUT), navigateOnce(CHECKOUT), navigateOnce(CHECKOUT)]
  await settle(1000)
  expect(await Promise.all(taps)).toEqual([true, false, false])
  expect(navigateTo).toHaveBeenCalledTimes(1)
})

test('a tap after the URL changed but before the page showed is still refused', async () => {
  const first = navigateOnce(CHECKOUT)
  await settle(100) // navigateTo has resolved; the page is not on the stack yet
  expect(await navigateOnce(CHECKOUT)).toBe(false)
  await settle(1000)
  expect(await first).toBe(true)
  expect(navigateTo).toHaveBeenCalledTimes(1)
})

test('back on the page later, the same button opens it again', async () => {
  const first = navigateOnce(CHECKOUT)
  await settle(1000)
  await first
  stack.pop() // the user came back
  const again = navigateOnce(CHECKOUT)
  await settle(1000)
  expect(await again).toBe(true)
  expect(navigateTo).toHaveBeenCalledTimes(2)
})

test('other routes are not held up by one in flight', async () => {
  const buy = navigateOnce(CHECKOUT)
  const chat = navigateOnce('/package-chat/conversation/index?listingId=A')
  await settle(1000)
  expect([await buy, await chat]).toEqual([true, true])
})

test('a navigation that fails frees its key at once', async () => {
  navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail page limit' })
  expect(await navigateOnce(CHECKOUT)).toBe(false)
  const retry = navigateOnce(CHECKOUT)
  await settle(1000)
  expect(await retry).toBe(true)
})

test('a page that never shows frees its key after a while', async () => {
  navigateTo.mockResolvedValueOnce({ errMsg: 'navigateTo:ok' }) // and nothing joins the stack
  const lost = navigateOnce(CHECKOUT)
  await settle(6000)
  expect(await lost).toBe(true)
  const retry = navigateOnce(CHECKOUT)
  await settle(1000)
  expect(await retry).toBe(true)
})

test('the key is the route without its query', () => {
  expect(routeOf(CHECKOUT)).toBe('/package-order/confirm/index')
})
