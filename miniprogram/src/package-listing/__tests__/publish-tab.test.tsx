/**
 * The 发布 tab with Taro and NutUI replaced by stand-ins: without a draft it offers 发布闲置; with
 * one it offers 继续编辑 and 重新发布, and 重新发布 throws the draft away only after a confirm.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render } from '@testing-library/react'

const storage = new Map<string, unknown>()
const navigateTo = jest.fn()
const showModal = jest.fn()
const stack: { path: string }[] = [{ path: '/pages/publish/index' }]

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    navigateTo: (o: { url: string }) => navigateTo(o),
    showModal: (o: unknown) => showModal(o),
    getCurrentPages: () => stack,
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    removeStorageSync: (k: string) => storage.delete(k),
  },
  // The tab reads the draft each time it shows: here, once on mount.
  useDidShow: (f: () => void) => jest.requireActual('react').useEffect(f, []),
}))
type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/components', () => ({
  View: ({ children, className }: P) => <div className={className}>{children}</div>,
  Text: ({ children, className }: P) => <span className={className}>{children}</span>,
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, id, onClick }: P) => (
    <button id={id} onClick={onClick}>
      {children}
    </button>
  ),
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))

import PublishTab from '../../pages/publish/index'

const DRAFT_KEY = 'linquan.publish-draft'
const FORM = '/package-listing/publish/index'
const flush = () => act(() => jest.advanceTimersByTimeAsync(0))

beforeEach(() => {
  jest.useFakeTimers()
  jest.clearAllMocks()
  storage.clear()
  stack.splice(1)
  navigateTo.mockImplementation(({ url }: { url: string }) => {
    stack.push({ path: url })
    return Promise.resolve({})
  })
})

// Each test's trip to the form lands and frees the navigation guard before the next one taps.
afterEach(async () => {
  await act(() => jest.advanceTimersByTimeAsync(1000))
  jest.useRealTimers()
})

const button = (view: ReturnType<typeof render>, id: string) =>
  view.container.querySelector(`#${id}`) as HTMLButtonElement | null

test('no draft: one button, 发布闲置', () => {
  const view = render(<PublishTab />)
  expect(button(view, 'publish-start')?.textContent).toBe('发布闲置')
  expect(button(view, 'publish-restart')).toBeNull()
})

test('a draft: 继续编辑 opens the form with it, 重新发布 is offered too', async () => {
  storage.set(DRAFT_KEY, { fields: { title: '宜家书桌' }, photos: [], location: null })
  const view = render(<PublishTab />)
  expect(button(view, 'publish-start')?.textContent).toBe('继续编辑')
  expect(button(view, 'publish-restart')?.textContent).toBe('重新发布')
  fireEvent.click(button(view, 'publish-start')!)
  await flush()
  expect(navigateTo).toHaveBeenCalledWith({ url: FORM })
  expect(storage.has(DRAFT_KEY)).toBe(true)
})

test('重新发布, then 再想想: the draft stays and nothing opens', async () => {
  storage.set(DRAFT_KEY, { fields: { title: '宜家书桌' }, photos: [], location: null })
  showModal.mockResolvedValue({ confirm: false, cancel: true })
  const view = render(<PublishTab />)
  fireEvent.click(button(view, 'publish-restart')!)
  await flush()
  expect(showModal).toHaveBeenCalledTimes(1)
  expect(storage.has(DRAFT_KEY)).toBe(true)
  expect(navigateTo).not.toHaveBeenCalled()
})

test('重新发布, confirmed: the draft is gone and an empty form opens', async () => {
  storage.set(DRAFT_KEY, { fields: { title: '宜家书桌' }, photos: [], location: null })
  showModal.mockResolvedValue({ confirm: true, cancel: false })
  const view = render(<PublishTab />)
  fireEvent.click(button(view, 'publish-restart')!)
  await flush()
  expect(storage.has(DRAFT_KEY)).toBe(false)
  expect(navigateTo).toHaveBeenCalledWith({ url: FORM })
  expect(button(view, 'publish-start')?.textContent).toBe('发布闲置')
})
