/** 发布 from a filled draft: prices that look mistyped are put to the seller before anything is sent. */
import { act, renderHook } from '@testing-library/react'

const showModal = jest.fn()
const create = jest.fn()
let stored: unknown = null
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    showModal: (o: unknown) => showModal(o),
    showToast: jest.fn(),
    redirectTo: jest.fn(),
    navigateBack: jest.fn(),
    navigateTo: jest.fn(() => Promise.resolve()),
    getCurrentPages: () => [],
    setNavigationBarTitle: jest.fn(),
    getStorageSync: () => stored ?? '',
    setStorageSync: jest.fn(),
    removeStorageSync: jest.fn(),
  },
  useRouter: () => ({ params: {} }),
}))
jest.mock('@nutui/nutui-react-taro', () => {
  const form = { setFieldsValue: jest.fn(), validateFields: () => Promise.resolve() }
  return { Form: { useForm: () => [form] } }
})
jest.mock('@/services', () => ({
  api: { listing: { create: (i: unknown) => create(i), get: jest.fn(), update: jest.fn() } },
  isServiceError: () => false,
  isAuthError: () => false,
}))

import { usePublishForm } from '../use-publish-form'

const draft = (price: string, originalPrice?: string) => ({
  kind: 'goods',
  fields: {
    title: 'iPhone 15 Pro 256G 几乎全新',
    description: '自用一年，电池健康 91%，无拆无修',
    price,
    originalPrice,
    category: 'phone',
    subcategory: 'phone.iphone',
    condition: 'like_new',
    tradeMethods: ['meetup'],
    shippingPayer: 'seller',
  },
  photos: [{ fileId: 'local://listing-photos/a.jpg', url: '/a.jpg' }],
  video: null,
  communityIds: [],
  location: { city: '上海', district: '徐汇区', point: { latitude: 31.1885, longitude: 121.4365 } },
})

const publishWith = async (price: string, originalPrice?: string) => {
  stored = draft(price, originalPrice)
  const { result } = renderHook(() => usePublishForm())
  await act(async () => {
    await result.current.submit(true)
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  create.mockResolvedValue({ id: '01JLISTING0000000000000000', status: 'active' })
})

describe('发布 with prices that look mistyped', () => {
  it('asks before publishing ¥888,888 with a 原价 of ¥1, and sends nothing when the seller goes back', async () => {
    showModal.mockResolvedValue({ confirm: false })
    await publishWith('888888', '1')
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(showModal.mock.calls[0][0]).toMatchObject({
      title: '价格确认',
      content:
        '售价 ¥888,888 远高于原价 ¥1；原价 ¥1 远低于同类新品常见价（约 ¥5,000）。确定没有填错吗？',
      confirmText: '确认发布',
      cancelText: '返回修改',
    })
    expect(create).not.toHaveBeenCalled()
  })

  it('publishes as typed once the seller confirms (a warning, never a refusal)', async () => {
    showModal.mockResolvedValue({ confirm: true })
    await publishWith('888888', '1')
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ priceFen: 88_888_800, originalPriceFen: 100, publish: true }),
    )
  })

  it('does not interrupt a sensible price', async () => {
    await publishWith('5200', '8999')
    expect(showModal).not.toHaveBeenCalled()
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ priceFen: 520_000 }))
  })
})
