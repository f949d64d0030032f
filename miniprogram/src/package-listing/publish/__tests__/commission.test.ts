import { commissionText } from '../commission'

describe('commission line on the publish form', () => {
  const policy = { rateBps: 100, capFen: 6_000 }
  it('says the rate, the cap and what the seller receives', () => {
    expect(commissionText(100_000, policy)).toBe(
      '成交后平台按成交金额（含运费）收取 1% 服务费（最高 ¥60），你将收到 ¥990',
    )
    expect(commissionText(1_000_000, policy)).toBe(
      '成交后平台按成交金额（含运费）收取 1% 服务费（最高 ¥60），你将收到 ¥9,940',
    )
    expect(commissionText(1_999, policy)).toBe(
      '成交后平台按成交金额（含运费）收取 1% 服务费（最高 ¥60），你将收到 ¥19.80',
    )
  })
  it('leaves the amount out until there is a price', () => {
    expect(commissionText(0, policy)).toBe(
      '成交后平台按成交金额（含运费）收取 1% 服务费（最高 ¥60）',
    )
    expect(commissionText(0, { rateBps: 60, capFen: 5_000 })).toBe(
      '成交后平台按成交金额（含运费）收取 0.6% 服务费（最高 ¥50）',
    )
  })
})
