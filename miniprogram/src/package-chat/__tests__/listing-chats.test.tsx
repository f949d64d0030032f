/**
 * A seller sees conversations grouped by listing: the 消息 tab with Taro, NutUI and the services
 * replaced by plain stand-ins (a row per listing several buyers asked about, purchases and single
 * conversations as rows, one time order across both), and the listing's own page of conversations.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render } from '@testing-library/react'
import type { Conversation, ListingChats } from '@shared/contracts/chat.contract'

const navigateTo = jest.fn()
const api = {
  chat: { list: jest.fn(), listings: jest.fn() },
  user: { notices: jest.fn(), markNoticesRead: jest.fn() },
}
const router = { params: {} as Record<string, string> }

type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { navigateTo: (o: unknown) => navigateTo(o), stopPullDownRefresh: jest.fn() },
  useDidShow: jest.fn(),
  useDidHide: jest.fn(),
  usePullDownRefresh: jest.fn(),
  useReachBottom: jest.fn(),
  useRouter: () => router,
}))
jest.mock('@tarojs/components', () => {
  const el =
    (Tag: 'div' | 'span') =>
    ({ children, id, className, onClick, ...rest }: P & Record<string, unknown>) => (
      <Tag
        id={id}
        className={className}
        onClick={onClick}
        data-listing={rest['data-listing'] as string}
        data-count={rest['data-count'] as number}
      >
        {children}
      </Tag>
    )
  return {
    View: el('div'),
    Text: el('span'),
    Image: ({ className, src }: { className?: string; src: string }) => (
      <img className={className} src={src} />
    ),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Avatar: () => <i className='avatar' />,
  Button: ({ children, onClick }: P) => <button onClick={onClick}>{children}</button>,
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Avatar/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@/components/EmptyState', () => ({
  EmptyState: ({ id, title }: { id?: string; title: string }) => <div id={id}>{title}</div>,
}))
jest.mock('@/services', () => ({
  get api() {
    return api
  },
  devInboxUrl: () => null,
}))
jest.mock('@/hooks/use-session', () => ({ useSession: () => ({ status: 'signed-in' }) }))
jest.mock('@/hooks/use-notice-badge', () => ({ useNoticeBadge: () => undefined }))
jest.mock('@/utils/notice-badge', () => ({ showNoticeBadge: jest.fn() }))
jest.mock('@/utils/feedback', () => ({ goLogin: jest.fn(), reportError: jest.fn() }))

import Messages from '../../pages/messages/index'
import ListingChatsPage from '../by-listing/index'

const DESK = '01JLISTINGDESK000000000000'
const LAMP = '01JLISTINGLAMP000000000000'
const BIKE = '01JLISTINGBIKE000000000000'
const NOW = Date.now()

const conversation = (
  id: string,
  listingId: string,
  minutesAgo: number,
  over: Partial<Conversation> = {},
): Conversation => ({
  id,
  role: 'buyer',
  other: {
    id: '01JUSER0000000000000000000',
    nickname: `买家${id}`,
    avatarUrl: null,
    creditBadge: null,
  },
  listing: {
    id: listingId,
    title: `宝贝 ${listingId.slice(-16, -12)}`,
    priceFen: 18_000,
    status: 'active',
    thumbnailUrl: `/files/${listingId}.png`,
  },
  lastSeq: 1,
  lastMessage: { kind: 'text', text: `${id} 说还在吗`, at: NOW - minutesAgo * 60_000 },
  unread: 0,
  myReadSeq: 0,
  otherReadSeq: 0,
  blocked: false,
  blockedByMe: false,
  updatedAt: NOW - minutesAgo * 60_000,
  ...over,
})

const group = (latest: Conversation, conversations: number, unread: number): ListingChats => ({
  id: latest.listing.id,
  listing: latest.listing,
  conversations,
  unread,
  latest,
  updatedAt: latest.updatedAt,
})

const page = <T,>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor })
const flush = () => act(async () => undefined)

beforeEach(() => {
  jest.clearAllMocks()
  api.user.notices.mockResolvedValue({ items: [], nextCursor: null, unread: 0 })
})

describe('消息: a seller’s conversations grouped by listing', () => {
  it('shows a row per listing several buyers asked about, single ones and purchases as conversations, in time order', async () => {
    api.chat.list.mockResolvedValue(page([conversation('p1', BIKE, 5)]))
    api.chat.listings.mockResolvedValue(
      page([
        group(conversation('d3', DESK, 1, { role: 'seller', unread: 2 }), 3, 4),
        group(conversation('l1', LAMP, 9, { role: 'seller', unread: 1 }), 1, 1),
      ]),
    )
    const { container } = render(<Messages />)
    await flush()

    expect(api.chat.list).toHaveBeenCalledWith({ role: 'buyer', limit: 20 })
    expect(api.chat.listings).toHaveBeenCalledWith({ limit: 20 })
    const rows = Array.from(container.querySelectorAll('#conversations > div'))
    expect(rows.map((r) => [r.className.trim(), r.getAttribute('data-listing')])).toEqual([
      ['listing-chats is-unread', DESK],
      ['conversation', BIKE],
      ['conversation is-unread', LAMP],
    ])
    const desk = container.querySelector(`.listing-chats[data-listing="${DESK}"]`)!
    expect(desk.getAttribute('data-count')).toBe('3')
    expect(desk.querySelector('.listing-chats__count')!.textContent).toBe('3 人咨询')
    expect(desk.querySelector('.listing-chats__badge')!.textContent).toBe('4')
    expect(desk.querySelector('.listing-chats__preview')!.textContent).toBe('d3 说还在吗')
    expect(desk.querySelector('.listing-chats__title')!.textContent).toBe('宝贝 DESK')

    fireEvent.click(desk)
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/package-chat/by-listing/index?listingId=${DESK}`,
    })
    // A listing one buyer asked about opens that conversation straight away.
    fireEvent.click(container.querySelector(`.conversation[data-listing="${LAMP}"]`)!)
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/package-chat/conversation/index?id=${encodeURIComponent('l1')}`,
    })
  })

  it('waits for the list that may still outrank a row, and 查看更多聊天 asks that one', async () => {
    api.chat.list.mockResolvedValueOnce(page([conversation('p1', BIKE, 1)], 'buy-2'))
    api.chat.listings.mockResolvedValue(
      page([group(conversation('d1', DESK, 30, { role: 'seller' }), 2, 0)]),
    )
    const { container } = render(<Messages />)
    await flush()
    const listed = () =>
      Array.from(container.querySelectorAll('#conversations > div')).map((r) =>
        r.getAttribute('data-listing'),
      )
    // Purchases reached a minute ago; the desk (30 minutes ago) waits for their next page.
    expect(listed()).toEqual([BIKE])

    api.chat.list.mockResolvedValueOnce(
      page([conversation('p2', BIKE, 10), conversation('p3', LAMP, 60)]),
    )
    await act(async () => fireEvent.click(container.querySelector('#conversations-more')!))
    expect(api.chat.list).toHaveBeenLastCalledWith({ role: 'buyer', limit: 20, cursor: 'buy-2' })
    expect(listed()).toEqual([BIKE, BIKE, DESK, LAMP])
    expect(container.querySelector('#conversations-more')).toBeNull()
  })

  it('shows the empty state only when both lists are empty', async () => {
    api.chat.list.mockResolvedValue(page([]))
    api.chat.listings.mockResolvedValue(page([]))
    const { container } = render(<Messages />)
    await flush()
    expect(container.querySelector('#messages-empty')).not.toBeNull()
    expect(container.querySelector('#conversations')).toBeNull()
  })
})

describe('买家咨询: one listing’s conversations', () => {
  it('lists the seller’s conversations about it under the listing card, without repeating the thumbnail', async () => {
    router.params = { listingId: DESK }
    const convs = [
      conversation('d2', DESK, 1, { role: 'seller', unread: 1 }),
      conversation('d1', DESK, 5, { role: 'seller' }),
    ]
    api.chat.list.mockResolvedValue(page(convs))
    api.chat.listings.mockResolvedValue(page([group(convs[0]!, 2, 1)]))
    const { container } = render(<ListingChatsPage />)
    await flush()

    expect(api.chat.list).toHaveBeenCalledWith({ listingId: DESK, role: 'seller', limit: 20 })
    expect(api.chat.listings).toHaveBeenCalledWith({ listingId: DESK, limit: 1 })
    expect(container.querySelector('#listing-chats-count')!.textContent).toBe('2 人咨询 · 1 条未读')
    const rows = container.querySelectorAll('#listing-chats-list .conversation')
    expect(rows).toHaveLength(2)
    expect(container.querySelectorAll('#listing-chats-list .conversation__thumb')).toHaveLength(0)
    fireEvent.click(container.querySelector('#listing-chats-card')!)
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/package-listing/detail/index?id=${DESK}`,
    })
  })

  it('says so when nobody has asked (or the listing is not the caller’s)', async () => {
    router.params = { listingId: LAMP }
    api.chat.list.mockResolvedValue(page([]))
    api.chat.listings.mockResolvedValue(page([]))
    const { container } = render(<ListingChatsPage />)
    await flush()
    expect(container.querySelector('#listing-chats-empty')!.textContent).toBe(
      '还没有人咨询这件宝贝',
    )
    expect(container.querySelector('#listing-chats-card')).toBeNull()
  })
})
