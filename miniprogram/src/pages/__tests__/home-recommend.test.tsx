/**
 * 首页's 推荐 ranks on the server for whoever asks, and each first page is a fresh ranking that
 * counts against the caller's limit (cloudfunctions/src/modules/recommend). A visit starts before
 * the silent sign-in has answered; the page must ask once, for the signed-in user, not once
 * while the session is still unknown and again when it is known.
 */
import type { ReactNode } from 'react'
import { act, render } from '@testing-library/react'

const feed = jest.fn()
const login = jest.fn()
let identity = true

jest.mock('@/services', () => ({
  api: {
    recommend: { feed: (input: unknown) => feed(input) },
    search: { query: () => Promise.resolve({ items: [], nextCursor: null }) },
    user: { login: () => login() },
  },
  hasIdentity: () => identity,
  endSession: () => undefined,
  setUnauthenticatedListener: () => undefined,
  isAuthError: () => false,
  isServiceError: () => false,
}))
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    stopPullDownRefresh: () => undefined,
    getCurrentPages: () => [],
  },
  usePullDownRefresh: () => undefined,
  useReachBottom: () => undefined,
  useDidShow: () => undefined,
}))
type P = { children?: ReactNode; id?: string; className?: string }
jest.mock('@tarojs/components', () => ({
  View: ({ children, id }: P) => <div id={id}>{children}</div>,
  Text: ({ children, id }: P) => <span id={id}>{children}</span>,
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  ActionSheet: () => null,
  Button: () => null,
  Picker: () => null,
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/ActionSheet/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Picker/style/css', () => ({}))
jest.mock('@/components/ListingWaterfall', () => ({
  ListingWaterfall: ({ cards }: { cards: unknown[] }) => <div id='feed'>{cards.length}</div>,
}))
jest.mock('@/components/TabRow', () => ({ TabRow: () => null }))
jest.mock('@/components/PrivacyConsent', () => ({ PrivacyConsent: () => null }))
jest.mock('@/components/EmptyState', () => ({ EmptyState: () => null }))
jest.mock('@/hooks/use-notice-badge', () => ({ useNoticeBadge: () => undefined }))

import Home from '../index/index'
import { bootSession, sessionStore, signIn, signOut } from '@/hooks/use-session'

const ME = { id: 'u-me', city: '上海' }
const PAGE = { items: [], nextCursor: null, basis: 'personal' }
const flush = () => act(() => jest.advanceTimersByTimeAsync(0))

/** The login call, answered when the test says. */
const pendingLogin = () => {
  let answer: (user: typeof ME) => void = () => undefined
  login.mockImplementation(() => new Promise((r) => (answer = (user) => r({ user }))))
  return (user: typeof ME) => act(async () => answer(user))
}

beforeEach(() => {
  jest.useFakeTimers()
  feed.mockReset().mockResolvedValue(PAGE)
  login.mockReset()
  identity = true
  signOut()
  // A fresh launch: nobody known yet.
  ;(sessionStore.get() as { status: string }).status = 'unknown'
})
afterEach(() => jest.useRealTimers())

test('a visit that starts before the silent sign-in answers asks 推荐 once, signed in', async () => {
  const answer = pendingLogin()
  render(<Home />)
  void bootSession()
  await flush()
  await answer(ME)
  await flush()
  expect(sessionStore.get().status).toBe('signed-in')
  expect(feed).toHaveBeenCalledTimes(1)
  // Asked after the session answered, in the user's city.
  expect(feed.mock.calls[0][0]).toMatchObject({ city: '上海' })
})

test('a guest (no identity) is asked for once, the cold start', async () => {
  identity = false
  render(<Home />)
  void bootSession()
  await flush()
  await flush()
  expect(sessionStore.get().status).toBe('signed-out')
  expect(feed).toHaveBeenCalledTimes(1)
})

test('signing in later ranks once more, for the new viewer', async () => {
  identity = false
  render(<Home />)
  void bootSession()
  await flush()
  expect(feed).toHaveBeenCalledTimes(1)
  const answer = pendingLogin()
  const signing = act(async () => void signIn())
  await signing
  await flush()
  expect(feed).toHaveBeenCalledTimes(1) // nothing while the sign-in is under way
  await answer(ME)
  await flush()
  expect(feed).toHaveBeenCalledTimes(2)
})
