/**
 * A believable rate table: each city belongs to a province and a region; the distance band of a
 * route picks the first-kilogram and per-extra-kilogram price of each company (yuan, in fen here).
 * Figures are in the range of 2024 retail list prices, not any company's real tariff.
 */

export interface City {
  city: string
  province: string
  region: '华北' | '东北' | '华东' | '华中' | '华南' | '西南' | '西北'
  /** Hard-to-reach provinces cost more whatever the distance. */
  remote?: boolean
}

export const CITIES: City[] = [
  { city: '北京', province: '北京', region: '华北' },
  { city: '天津', province: '天津', region: '华北' },
  { city: '石家庄', province: '河北', region: '华北' },
  { city: '沈阳', province: '辽宁', region: '东北' },
  { city: '大连', province: '辽宁', region: '东北' },
  { city: '哈尔滨', province: '黑龙江', region: '东北' },
  { city: '上海', province: '上海', region: '华东' },
  { city: '南京', province: '江苏', region: '华东' },
  { city: '苏州', province: '江苏', region: '华东' },
  { city: '杭州', province: '浙江', region: '华东' },
  { city: '宁波', province: '浙江', region: '华东' },
  { city: '合肥', province: '安徽', region: '华东' },
  { city: '济南', province: '山东', region: '华东' },
  { city: '青岛', province: '山东', region: '华东' },
  { city: '福州', province: '福建', region: '华东' },
  { city: '厦门', province: '福建', region: '华东' },
  { city: '武汉', province: '湖北', region: '华中' },
  { city: '长沙', province: '湖南', region: '华中' },
  { city: '郑州', province: '河南', region: '华中' },
  { city: '广州', province: '广东', region: '华南' },
  { city: '深圳', province: '广东', region: '华南' },
  { city: '东莞', province: '广东', region: '华南' },
  { city: '南宁', province: '广西', region: '华南' },
  { city: '成都', province: '四川', region: '西南' },
  { city: '重庆', province: '重庆', region: '西南' },
  { city: '昆明', province: '云南', region: '西南' },
  { city: '拉萨', province: '西藏', region: '西南', remote: true },
  { city: '西安', province: '陕西', region: '西北' },
  { city: '兰州', province: '甘肃', region: '西北' },
  { city: '乌鲁木齐', province: '新疆', region: '西北', remote: true },
]

/** Finds the city an address or city name mentions (the longest match wins: 东莞 before 东). */
export const findCity = (address: string): City | undefined =>
  CITIES.filter((c) => address.includes(c.city)).sort((a, b) => b.city.length - a.city.length)[0]

/** 0 same city, 1 same province, 2 same region, 3 across regions, 4 to or from a remote province. */
export type Band = 0 | 1 | 2 | 3 | 4

export const bandOf = (from: City, to: City): Band => {
  if (from.remote || to.remote) return from.city === to.city ? 1 : 4
  if (from.city === to.city) return 0
  if (from.province === to.province) return 1
  if (from.region === to.region) return 2
  return 3
}

/** Per company and band: [first kilogram, each further kilogram], fen. */
export const RATES: Record<string, { name: string; table: [number, number][] }> = {
  shunfeng: {
    name: '顺丰速运',
    table: [
      [1200, 200],
      [1300, 300],
      [1800, 600],
      [2300, 1300],
      [3000, 2000],
    ],
  },
  jd: {
    name: '京东物流',
    table: [
      [1100, 200],
      [1200, 300],
      [1600, 600],
      [2100, 1100],
      [2800, 1800],
    ],
  },
  ems: {
    name: 'EMS',
    table: [
      [1000, 300],
      [1200, 500],
      [1500, 600],
      [1800, 800],
      [2500, 1500],
    ],
  },
  zhongtong: {
    name: '中通快递',
    table: [
      [600, 100],
      [700, 200],
      [800, 300],
      [1000, 500],
      [1800, 1200],
    ],
  },
  yuantong: {
    name: '圆通速递',
    table: [
      [550, 100],
      [650, 200],
      [800, 300],
      [1000, 500],
      [1800, 1200],
    ],
  },
  shentong: {
    name: '申通快递',
    table: [
      [550, 100],
      [650, 200],
      [800, 300],
      [1000, 500],
      [1800, 1200],
    ],
  },
  jtexpress: {
    name: '极兔速递',
    table: [
      [500, 100],
      [600, 200],
      [750, 300],
      [950, 500],
      [1800, 1200],
    ],
  },
  yunda: {
    name: '韵达快递',
    table: [
      [500, 100],
      [600, 200],
      [750, 300],
      [950, 500],
      [1800, 1200],
    ],
  },
}

export interface Price {
  firstFen: number
  overFen: number
  totalFen: number
  band: Band
}

/** Charged weight is rounded up to whole kilograms (the common rule for parcels under 30 kg). */
export const priceOf = (
  company: string,
  from: City,
  to: City,
  weightKg: number,
): Price | undefined => {
  const rate = RATES[company]
  if (!rate) return undefined
  const band = bandOf(from, to)
  const [firstFen, perKgFen] = rate.table[band]
  const extraKg = Math.max(0, Math.ceil(weightKg - 1e-9) - 1)
  const overFen = extraKg * perKgFen
  return { firstFen, overFen, totalFen: firstFen + overFen, band }
}
