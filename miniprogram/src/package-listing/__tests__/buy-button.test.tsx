/**
 * 立即购买 with Taro, NutUI and the services replaced by stand-ins (Taro's navigateTo behaving as
 * in H5: it resolves when the URL changes, the page joins the stack later): quick taps open one
 * 确认订单, and signed out it goes to sign-in with 确认订单 as the page to open afterwards.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render } from '@testing-library/react'
import type { ListingDetail } from '@shared/contracts/listing.contract'

const navigateTo = jest.fn()
const stack: { path: string }[] = []
const router = { path: '/package-listing/detail/index', params: { id: '01JLISTING' } }
const forListing = jest.fn()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    navigateTo: (o: unknown) => navigateTo(o),
    getCurrentPages: () => stack,
    getCurrentInstance: () => ({ router }),
    showToast: jest.fn(),
  },
  useDidShow: jest.fn(),
}))
type P = { children?: ReactNode; id?: string; onClick?: () => void; disabled?: boolean }
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, id, onClick, disabled }: P) => (
    <button id={id} onClick={onClick} disabled={disabled}>
      {children}
    </button>
  ),
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@/services', () => ({
  api: { order: { forListing: (id: string) => forListing(id) } },
  isAuthError: () => false,
  isServiceError: () => false,
}))

import { BuyButton } from '../components/BuyButton'

const listing = { id: '01JLISTING', status: 'active' } as ListingDetail
const CHECKOUT = '/package-order/confirm/index?listingId=01JLISTING'

beforeEach(() => {
  jest.useFakeTimers()
  jest.clearAllMocks()
  stack.splice(0, stack.length, { path: '/package-listing/detail/index?id=01JLISTING' })
  forListing.mockResolvedValue({ reserved: false, myOrderId: null })
  navigateTo.mockImplementation(({ url }: { url: string }) => {
    setTimeout(() => stack.push({ path: url }), 250)
    return Promise.resolve({})
  })
})
afterEach(() => jest.useRealTimers())

const tapThrice = async (signedIn: boolean) => {
  const view = render(<BuyButton listing={listing} signedIn={signedIn} />)
  await act(() => jest.advanceTimersByTimeAsync(0))
  const buy = view.container.querySelector('#detail-buy')!
  expect(buy.textContent).toBe('立即购买')
  for (let i = 0; i < 3; i++) {
    fireEvent.click(buy)
    await act(() => jest.advanceTimersByTimeAsync(60))
  }
  await act(() => jest.advanceTimersByTimeAsync(1000))
}

test('three quick taps on 立即购买 open one 确认订单', async () => {
  await tapThrice(true)
  expect(navigateTo).toHaveBeenCalledTimes(1)
  expect(navigateTo).toHaveBeenCalledWith({ url: CHECKOUT })
})

test('signed out: one trip to sign-in, which comes back here and opens 确认订单', async () => {
  await tapThrice(false)
  expect(navigateTo).toHaveBeenCalledTimes(1)
  const url = navigateTo.mock.calls[0][0].url as string
  const query = new URLSearchParams(url.split('?')[1])
  expect(url.split('?')[0]).toBe('/package-user/login/index')
  expect(query.get('from')).toBe('/package-listing/detail/index?id=01JLISTING')
  expect(query.get('then')).toBe(CHECKOUT)
})
