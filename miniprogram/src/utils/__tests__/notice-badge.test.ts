const setTabBarBadge = jest.fn((_o: { index: number; text: string }) => Promise.resolve())
const removeTabBarBadge = jest.fn((_o: { index: number }) => Promise.resolve())
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    setTabBarBadge: (o: { index: number; text: string }) => setTabBarBadge(o),
    removeTabBarBadge: (o: { index: number }) => removeTabBarBadge(o),
  },
}))
const notices = jest.fn()
const unreadTotal = jest.fn()
jest.mock('@/services', () => ({
  api: { user: { notices: () => notices() }, chat: { unreadTotal: () => unreadTotal() } },
}))

import { refreshNoticeBadge, showNoticeBadge } from '../notice-badge'

const lastText = () => setTabBarBadge.mock.calls.at(-1)?.[0].text

describe('the 消息 tab badge', () => {
  it('shows unread notices plus unread chat messages, each count updated on its own', async () => {
    notices.mockResolvedValue({ unread: 2 })
    unreadTotal.mockResolvedValue({ total: 3 })
    await refreshNoticeBadge()
    expect(lastText()).toBe('5')
    // Opening the notices reads them: the chat messages still count.
    showNoticeBadge({ notices: 0 })
    expect(lastText()).toBe('3')
    showNoticeBadge({ chats: 0 })
    expect(removeTabBarBadge).toHaveBeenCalledWith({ index: 2 })
  })

  it('keeps a count it could not refresh instead of dropping it', async () => {
    showNoticeBadge({ notices: 1, chats: 4 })
    notices.mockRejectedValue(new Error('offline'))
    unreadTotal.mockResolvedValue({ total: 6 })
    await refreshNoticeBadge()
    expect(lastText()).toBe('7')
  })
})
