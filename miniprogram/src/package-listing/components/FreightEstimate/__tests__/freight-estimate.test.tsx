/** The freight line under 交易方式, with the services as a plain stand-in. */
import type { ReactNode } from 'react'
import { act, render } from '@testing-library/react'

const freightQuote = jest.fn()
jest.mock('@tarojs/components', () => ({
  Text: ({ children, id }: { children?: ReactNode; id?: string }) => (
    <span id={id}>{children}</span>
  ),
}))
jest.mock('@/services', () => ({
  api: { order: { freightQuote: (i: unknown) => freightQuote(i) } },
}))

import { FreightEstimate } from '../index'

const ID = '01JLISTINGCUP0000000000000'
const quote = {
  fromCity: '上海',
  toCity: '杭州',
  weightKg: 1,
  quotes: [{ company: '韵达快递', companyCode: 'yunda', priceFen: 600 }],
}

beforeEach(() => {
  jest.clearAllMocks()
  freightQuote.mockResolvedValue(quote)
})

const shown = async (shipping: Parameters<typeof FreightEstimate>[0]['shipping']) => {
  const { container } = render(<FreightEstimate listingId={ID} toCity='杭州' shipping={shipping} />)
  await act(async () => undefined)
  return container.textContent
}

describe('FreightEstimate', () => {
  it('shows nothing on a 包邮 listing, and does not ask the courier', async () => {
    expect(await shown({ payer: 'seller' })).toBe('')
    expect(await shown({ payer: 'seller', weightKg: 3 })).toBe('')
    expect(freightQuote).not.toHaveBeenCalled()
  })

  it('gives a fixed-fee listing the courier reference and the weight it is for', async () => {
    expect(await shown({ payer: 'buyer', feeFen: 1_000 })).toBe(
      '快递运费参考 上海→杭州：韵达快递 ¥6 起（按 1 公斤）',
    )
    expect(freightQuote).toHaveBeenCalledWith({ listingId: ID, toCity: '杭州' })
  })

  it('tells a buyer who pays the actual freight about what it will be', async () => {
    freightQuote.mockResolvedValue({ ...quote, weightKg: 2.5 })
    expect(await shown({ payer: 'quote', weightKg: 2.5 })).toBe(
      '运费按实际计算，约 ¥6 起（上海→杭州，2.5 公斤）',
    )
  })
})
