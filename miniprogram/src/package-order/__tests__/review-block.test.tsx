/**
 * 评价 on the order page, with Taro, NutUI and the services replaced by plain stand-ins: the
 * button while the caller's review is due, nothing of the other party's review while it is blind,
 * both reviews once published with 追评 and 回复, and nothing at all for orders without reviews.
 */
import type { ReactNode } from 'react'
import { render, screen, waitFor } from '@testing-library/react'
import type { Order } from '@shared/contracts/order.contract'
import type { OrderReviews, Review } from '@shared/contracts/review.contract'

const navigateTo = jest.fn()
const forOrder = jest.fn()
type P = { children?: ReactNode; id?: string; className?: string; onClick?: () => void }
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { navigateTo: (o: unknown) => navigateTo(o), previewImage: jest.fn() },
}))
jest.mock('@tarojs/components', () => ({
  View: ({ children, id, className, onClick }: P) => (
    <div id={id} className={className} onClick={onClick}>
      {children}
    </div>
  ),
  Text: ({ children, id, className, onClick }: P) => (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  ),
  Image: () => <img />,
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, id, onClick }: P) => (
    <button id={id} onClick={onClick}>
      {children}
    </button>
  ),
  Avatar: () => <i />,
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Button/style/css', () => ({}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Avatar/style/css', () => ({}))
jest.mock('@/services', () => ({
  api: { review: { forOrder: (id: string) => forOrder(id) } },
  askMessages: jest.fn(async () => undefined),
}))
jest.mock('@/utils/feedback', () => ({ toast: jest.fn() }))

import { ReviewBlock } from '../detail/review-block'

const NOW = Date.now()
const ORDER_ID = '01JORDER000000000000000000'
const order = (over: Partial<Order> = {}) =>
  ({ id: ORDER_ID, state: 'completed', role: 'buyer', ...over }) as Order

const review = (over: Partial<Review>): Review => ({
  id: '01JREVIEW00000000000000000',
  orderId: ORDER_ID,
  by: 'buyer',
  reviewer: { nickname: '小鹿', avatarUrl: null },
  reviewee: { nickname: '老陈', avatarUrl: null },
  state: 'published',
  stars: 5,
  tags: ['描述相符'],
  text: '和描述一样',
  photoUrls: [],
  item: { title: '相机', coverUrl: null },
  submittedAt: NOW - 1000,
  publishedAt: NOW,
  followUp: null,
  reply: null,
  ...over,
})

const reviews = (over: Partial<OrderReviews>): OrderReviews => ({
  orderId: ORDER_ID,
  role: 'buyer',
  state: 'blind',
  closesAt: NOW + 6 * 86_400_000,
  followUpUntil: NOW + 29 * 86_400_000,
  mine: { status: 'due', review: null },
  theirs: { status: 'due', review: null },
  actions: ['submit'],
  ...over,
})

beforeEach(() => {
  forOrder.mockReset()
  navigateTo.mockReset()
})

describe('ReviewBlock', () => {
  it('offers 评价 while the caller’s review is due, and opens the form', async () => {
    forOrder.mockResolvedValue(reviews({}))
    const { container } = render(<ReviewBlock order={order()} />)
    await screen.findByText('评价', { selector: 'button' })
    expect(container.textContent).toContain('卖家还没有评价')
    screen.getByText('评价', { selector: 'button' }).click()
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/package-order/review/index?orderId=${ORDER_ID}`,
    })
  })

  it('says the other review is in without showing it, and marks the caller’s own as 仅你可见', async () => {
    forOrder.mockResolvedValue(
      reviews({
        mine: { status: 'submitted', review: review({ state: 'submitted' }) },
        theirs: { status: 'submitted', review: null },
        actions: [],
      }),
    )
    const { container } = render(<ReviewBlock order={order()} />)
    await screen.findByText('卖家已评价，你评价后或评价期结束时即可查看')
    expect(container.textContent).toContain('仅你可见')
    expect(container.querySelector('#order-review-theirs')).toBeNull()
    expect(container.querySelector('#order-review-submit')).toBeNull()
  })

  it('shows both once published, with 追评 and 回复', async () => {
    forOrder.mockResolvedValue(
      reviews({
        state: 'revealed',
        mine: { status: 'published', review: review({}) },
        theirs: {
          status: 'published',
          review: review({ by: 'seller', text: '买家很爽快', stars: 4, tags: ['付款爽快'] }),
        },
        actions: ['followUp', 'reply'],
      }),
    )
    const { container } = render(<ReviewBlock order={order()} />)
    await screen.findByText('买家很爽快')
    expect(container.querySelector('#order-review-mine')?.textContent).toContain('和描述一样')
    expect(container.textContent).not.toContain('仅你可见')
    screen.getByText('回复卖家').click()
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/package-order/review/index?orderId=${ORDER_ID}&mode=reply`,
    })
    expect(container.querySelector('#order-review-follow-up')).not.toBeNull()
  })

  it('asks nothing for orders that give no review, nor for operators', async () => {
    for (const o of [order({ state: 'paid' }), order({ role: 'operator' })]) {
      const { container, unmount } = render(<ReviewBlock order={o} />)
      await waitFor(() => expect(container.innerHTML).toBe(''))
      unmount()
    }
    expect(forOrder).not.toHaveBeenCalled()
  })
})
