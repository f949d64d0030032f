/** The seller's N 人咨询 on their own listing's page, with Taro and the services as plain stand-ins. */
import type { ReactNode } from 'react'
import { act, fireEvent, render } from '@testing-library/react'

const navigateTo = jest.fn()
const listings = jest.fn()
type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { navigateTo: (o: unknown) => navigateTo(o) },
}))
jest.mock('@tarojs/components', () => ({
  View: ({ children, id, className, onClick }: P) => (
    <div id={id} className={className} onClick={onClick}>
      {children}
    </div>
  ),
  Text: ({ children, className }: P) => <span className={className}>{children}</span>,
}))
jest.mock('@/services', () => ({ api: { chat: { listings: (i: unknown) => listings(i) } } }))

import { ListingInquiries } from '../index'

const ID = '01JLISTINGDESK000000000000'
const row = (conversations: number, unread: number) => ({
  items: conversations ? [{ id: ID, conversations, unread }] : [],
  nextCursor: null,
})

beforeEach(() => jest.clearAllMocks())

describe('ListingInquiries', () => {
  it('shows N 人咨询 and the unread count, and opens the listing’s conversations', async () => {
    listings.mockResolvedValue(row(3, 2))
    const { container } = render(<ListingInquiries listingId={ID} refresh={1} />)
    await act(async () => undefined)
    expect(listings).toHaveBeenCalledWith({ listingId: ID, limit: 1 })
    const link = container.querySelector('#detail-inquiries')!
    expect(link.textContent).toBe('3 人咨询2 条未读查看 ›')
    fireEvent.click(link)
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/package-chat/by-listing/index?listingId=${ID}`,
    })
  })

  it('looks again when the page reloads the listing', async () => {
    listings.mockResolvedValueOnce(row(1, 1)).mockResolvedValueOnce(row(1, 0))
    const { container, rerender } = render(<ListingInquiries listingId={ID} refresh={1} />)
    await act(async () => undefined)
    expect(container.querySelector('.detail__inquiries-unread')!.textContent).toBe('1 条未读')
    rerender(<ListingInquiries listingId={ID} refresh={2} />)
    await act(async () => undefined)
    expect(listings).toHaveBeenCalledTimes(2)
    expect(container.querySelector('.detail__inquiries-unread')).toBeNull()
    expect(container.querySelector('.detail__inquiries-count')!.textContent).toBe('1 人咨询')
  })

  it('shows nothing before a buyer asks, or when the count cannot be read', async () => {
    listings.mockResolvedValueOnce(row(0, 0))
    const none = render(<ListingInquiries listingId={ID} />)
    await act(async () => undefined)
    expect(none.container.innerHTML).toBe('')
    listings.mockRejectedValueOnce(new Error('offline'))
    const failed = render(<ListingInquiries listingId={ID} />)
    await act(async () => undefined)
    expect(failed.container.innerHTML).toBe('')
  })
})
