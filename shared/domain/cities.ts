import type { GeoPoint } from './geo'

export interface District {
  name: string
  center: GeoPoint
}
export interface City {
  name: string
  center: GeoPoint
  /** How far from the centre a point may be and still belong to the city. */
  radiusKm: number
  districts: District[]
}

const d = (name: string, latitude: number, longitude: number): District => ({
  name,
  center: { latitude, longitude },
})

/** The cities we operate in; the H5 location picker and the seed data use the same list. */
export const CITIES: City[] = [
  {
    name: '上海',
    center: { latitude: 31.2304, longitude: 121.4737 },
    radiusKm: 80,
    districts: [
      d('黄浦区', 31.2316, 121.4846),
      d('徐汇区', 31.1885, 121.4365),
      d('长宁区', 31.2204, 121.4243),
      d('静安区', 31.2288, 121.4482),
      d('普陀区', 31.2495, 121.3971),
      d('虹口区', 31.2646, 121.5053),
      d('杨浦区', 31.2595, 121.526),
      d('浦东新区', 31.2215, 121.5447),
      d('闵行区', 31.1129, 121.3817),
      d('宝山区', 31.4052, 121.4895),
    ],
  },
  {
    name: '杭州',
    center: { latitude: 30.2741, longitude: 120.1551 },
    radiusKm: 70,
    districts: [
      d('上城区', 30.2427, 120.1692),
      d('拱墅区', 30.3195, 120.1419),
      d('西湖区', 30.2595, 120.1302),
      d('滨江区', 30.2084, 120.212),
      d('萧山区', 30.1838, 120.2645),
      d('余杭区', 30.4183, 120.2997),
      d('临平区', 30.4192, 120.3008),
    ],
  },
]

export const CITY_NAMES = CITIES.map((c) => c.name) as [string, ...string[]]

export const findCity = (name: string): City | undefined => CITIES.find((c) => c.name === name)
