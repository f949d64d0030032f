/**
 * The demo-user picker (H5 sign-in) with Taro, NutUI and the services replaced by stand-ins:
 * picking a user returns to the page that sent them, or opens what their tap meant, instead of
 * dropping them on 首页.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render } from '@testing-library/react'

const taro = {
  navigateBack: jest.fn(),
  redirectTo: jest.fn(),
  switchTab: jest.fn(),
}
let stack: { route: string }[] = []
const router = { params: {} as Record<string, string> }
const startDemoSession = jest.fn()
const signIn = jest.fn()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    navigateBack: (o?: unknown) => taro.navigateBack(o),
    redirectTo: (o: unknown) => taro.redirectTo(o),
    switchTab: (o: unknown) => taro.switchTab(o),
    getCurrentPages: () => stack,
  },
  useRouter: () => router,
}))
type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/components', () => ({
  View: ({ children, id, className }: P) => (
    <div id={id} className={className}>
      {children}
    </div>
  ),
  Text: ({ children }: P) => <span>{children}</span>,
}))
jest.mock('@nutui/nutui-react-taro', () => {
  const Cell = ({ id, onClick, title }: P & { title?: ReactNode }) => (
    <div id={id} onClick={onClick}>
      {title}
    </div>
  )
  Cell.Group = ({ children }: P) => <div>{children}</div>
  return {
    Avatar: () => <i />,
    Button: ({ children, id, onClick }: P) => (
      <button id={id} onClick={onClick}>
        {children}
      </button>
    ),
    Cell,
    Skeleton: () => <i />,
  }
})
jest.mock('@nutui/nutui-react-taro/dist/esm/Avatar/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Cell/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/CellGroup/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Skeleton/style/css', () => ({}))
jest.mock('@/services', () => ({
  DEMO_LOGIN: true,
  listDemoUsers: () =>
    Promise.resolve([{ openid: 'o-demo-01', nickname: '小鹿爱搬家', avatarUrl: null }]),
  startDemoSession: (id: string) => startDemoSession(id),
}))
jest.mock('@/hooks/use-session', () => ({
  signIn: () => signIn(),
  useSession: () => ({ status: 'signed-out', user: null }),
}))
jest.mock('@/utils/feedback', () => ({ reportError: jest.fn(), toast: jest.fn() }))

import Login from '../login/index'

const DETAIL = '/package-listing/detail/index?id=01JLISTING'
const CHECKOUT = '/package-order/confirm/index?listingId=01JLISTING'
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)))

beforeEach(() => {
  jest.clearAllMocks()
  startDemoSession.mockResolvedValue(undefined)
  signIn.mockResolvedValue({ nickname: '小鹿爱搬家' })
  for (const f of Object.values(taro)) f.mockResolvedValue({})
})

const pick = async () => {
  const view = render(<Login />)
  await flush()
  fireEvent.click(view.container.querySelector('#demo-user-o-demo-01')!)
  await flush()
}

test('signed in from a listing: back on the listing, not on 首页', async () => {
  stack = [{ route: 'pages/index/index' }, { route: 'package-listing/detail/index' }, { route: '' }]
  router.params = { from: encodeURIComponent(DETAIL) }
  await pick()
  expect(startDemoSession).toHaveBeenCalledWith('o-demo-01')
  expect(taro.navigateBack).toHaveBeenCalledTimes(1)
  expect(taro.switchTab).not.toHaveBeenCalled()
})

test('signed in from 立即购买: straight on to 确认订单 for that listing', async () => {
  stack = [{ route: 'pages/index/index' }, { route: 'package-listing/detail/index' }, { route: '' }]
  router.params = { from: encodeURIComponent(DETAIL), then: encodeURIComponent(CHECKOUT) }
  await pick()
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: CHECKOUT })
  expect(taro.switchTab).not.toHaveBeenCalled()
})

test('signed in from the 发布 form: back on the form', async () => {
  stack = [
    { route: 'pages/publish/index' },
    { route: 'package-listing/publish/index' },
    { route: '' },
  ]
  router.params = { from: '/package-listing/publish/index' }
  await pick()
  expect(taro.navigateBack).toHaveBeenCalledTimes(1)
  expect(taro.switchTab).not.toHaveBeenCalled()
})

test('login opened in place of the page (redirectTo): that page is opened again', async () => {
  stack = [{ route: 'pages/index/index' }, { route: '' }]
  router.params = { from: encodeURIComponent(DETAIL) }
  await pick()
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: DETAIL })
  expect(taro.navigateBack).not.toHaveBeenCalled()
})
