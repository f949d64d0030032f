/**
 * 省/市/区 for shipping addresses: the cities we operate in (上海, 杭州) down to every district, the
 * other provincial capitals (and a few large cities) at city level. A city listed without
 * districts takes no district; one listed with districts requires one of them. The address form's
 * picker and the backend's validation read this same table.
 */

export interface RegionCity {
  name: string
  /** Empty when the table stops at city level. */
  districts: readonly string[]
}
export interface RegionProvince {
  name: string
  cities: readonly RegionCity[]
}

const city = (name: string, districts: readonly string[] = []): RegionCity => ({ name, districts })
const province = (name: string, ...cities: RegionCity[]): RegionProvince => ({ name, cities })

const SHANGHAI_DISTRICTS = [
  '黄浦区',
  '徐汇区',
  '长宁区',
  '静安区',
  '普陀区',
  '虹口区',
  '杨浦区',
  '闵行区',
  '宝山区',
  '嘉定区',
  '浦东新区',
  '金山区',
  '松江区',
  '青浦区',
  '奉贤区',
  '崇明区',
] as const
const HANGZHOU_DISTRICTS = [
  '上城区',
  '拱墅区',
  '西湖区',
  '滨江区',
  '萧山区',
  '余杭区',
  '临平区',
  '钱塘区',
  '富阳区',
  '临安区',
  '桐庐县',
  '淳安县',
  '建德市',
] as const

export const REGIONS: readonly RegionProvince[] = [
  province('上海市', city('上海市', SHANGHAI_DISTRICTS)),
  province('浙江省', city('杭州市', HANGZHOU_DISTRICTS), city('宁波市')),
  province('北京市', city('北京市')),
  province('天津市', city('天津市')),
  province('重庆市', city('重庆市')),
  province('河北省', city('石家庄市')),
  province('山西省', city('太原市')),
  province('内蒙古自治区', city('呼和浩特市')),
  province('辽宁省', city('沈阳市'), city('大连市')),
  province('吉林省', city('长春市')),
  province('黑龙江省', city('哈尔滨市')),
  province('江苏省', city('南京市'), city('苏州市')),
  province('安徽省', city('合肥市')),
  province('福建省', city('福州市'), city('厦门市')),
  province('江西省', city('南昌市')),
  province('山东省', city('济南市'), city('青岛市')),
  province('河南省', city('郑州市')),
  province('湖北省', city('武汉市')),
  province('湖南省', city('长沙市')),
  province('广东省', city('广州市'), city('深圳市')),
  province('广西壮族自治区', city('南宁市')),
  province('海南省', city('海口市')),
  province('四川省', city('成都市')),
  province('贵州省', city('贵阳市')),
  province('云南省', city('昆明市')),
  province('西藏自治区', city('拉萨市')),
  province('陕西省', city('西安市')),
  province('甘肃省', city('兰州市')),
  province('青海省', city('西宁市')),
  province('宁夏回族自治区', city('银川市')),
  province('新疆维吾尔自治区', city('乌鲁木齐市')),
]

/** A picked region; `district` is empty for a city the table keeps at city level. */
export interface Region {
  province: string
  city: string
  district: string
}

export const findRegionCity = (provinceName: string, cityName: string): RegionCity | undefined =>
  REGIONS.find((p) => p.name === provinceName)?.cities.find((c) => c.name === cityName)

/** Which part of a region is wrong, or null when the table knows it. */
export const regionProblem = (r: Region): { part: keyof Region; message: string } | null => {
  const p = REGIONS.find((x) => x.name === r.province)
  if (!p) return { part: 'province', message: '请选择省份' }
  const c = p.cities.find((x) => x.name === r.city)
  if (!c) return { part: 'city', message: '请选择城市' }
  if (c.districts.length === 0)
    return r.district === '' ? null : { part: 'district', message: '该城市无需选择区县' }
  return c.districts.includes(r.district) ? null : { part: 'district', message: '请选择区县' }
}

/** 上海市 浦东新区 / 浙江省 杭州市 西湖区: a municipality is not named twice. */
export const formatRegion = (r: Region): string =>
  [r.province, r.city === r.province ? '' : r.city, r.district].filter(Boolean).join(' ')

/**
 * The city of a region written as one line, as orders keep it (formatRegion's output, or typed
 * alike, with or without spaces or 市): 广东省 深圳市 南山区 → 深圳市, 上海市徐汇区 → 上海市. Freight
 * is priced city to city. When the line names no city of the table, the line itself goes to the
 * courier (which reads addresses), cut to the length a city may have in a freight query.
 */
export const freightCityOf = (regionLine: string): string => {
  const line = regionLine.trim()
  let found: string | null = null
  for (const p of REGIONS)
    for (const c of p.cities) {
      const bare = c.name.replace(/市$/, '')
      if (line.includes(bare) && (!found || bare.length > found.replace(/市$/, '').length))
        found = c.name
    }
  return found ?? line.slice(0, 20)
}
