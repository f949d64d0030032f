/**
 * The courier companies a seller can ship with: our code (kuaidi100's `com`), the name people
 * know, the short name the ship sheet's picks show, and WeChat's code for 发货信息管理
 * (get_delivery_list). One table, so the ship form, the tracking adapter and the WeChat upload
 * agree. Ordered as people reach for them, the ones most sellers use first.
 */
export const COURIER_COMPANIES = [
  { code: 'shunfeng', name: '顺丰速运', short: '顺丰', wechat: 'SF' },
  { code: 'zhongtong', name: '中通快递', short: '中通', wechat: 'ZTO' },
  { code: 'yuantong', name: '圆通速递', short: '圆通', wechat: 'YTO' },
  { code: 'yunda', name: '韵达快递', short: '韵达', wechat: 'YD' },
  { code: 'shentong', name: '申通快递', short: '申通', wechat: 'STO' },
  { code: 'jtexpress', name: '极兔速递', short: '极兔', wechat: 'JTSD' },
  { code: 'jd', name: '京东物流', short: '京东', wechat: 'JD' },
  { code: 'ems', name: 'EMS', short: 'EMS', wechat: 'EMS' },
] as const

export type CourierCompany = (typeof COURIER_COMPANIES)[number]

/** By code (shunfeng), name (顺丰速运) or a name people shorten (顺丰); undefined when unknown. */
export const courierCompany = (input: string): CourierCompany | undefined => {
  const s = input.trim().toLowerCase()
  return COURIER_COMPANIES.find(
    (c) =>
      c.code === s ||
      c.name.toLowerCase() === s ||
      (c.name.startsWith(input.trim()) && input.trim().length >= 2),
  )
}

/** Normalised tracking states, as the order page shows them. */
export const TRACKING_STATE_LABELS: Record<string, string> = {
  collected: '已揽收',
  'in-transit': '运输中',
  'out-for-delivery': '派件中',
  delivered: '已签收',
  trouble: '疑难件',
  returned: '已退签',
  returning: '退回中',
  refused: '已拒签',
  other: '物流更新',
}
