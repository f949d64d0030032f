import { CITIES } from '@shared/domain/cities'
import { distanceMeters } from '@shared/domain/geo'
import { districtPlace, placeFromPoint } from '../place'

describe('placeFromPoint', () => {
  it('puts a point in its city and nearest district', () => {
    // Lujiazui, Shanghai
    expect(placeFromPoint({ latitude: 31.2397, longitude: 121.4998 })).toMatchObject({
      city: '上海',
      district: '黄浦区',
    })
    // West Lake, Hangzhou
    expect(placeFromPoint({ latitude: 30.259, longitude: 120.13 })).toMatchObject({
      city: '杭州',
      district: '西湖区',
    })
  })

  it('refuses points outside every city we operate in', () => {
    expect(placeFromPoint({ latitude: 39.9042, longitude: 116.4074 })).toBeNull() // Beijing
  })
})

describe('districtPlace', () => {
  it('pins a chosen district at its centre, which lies inside the city', () => {
    for (const city of CITIES)
      for (const d of city.districts) {
        const place = districtPlace(city.name, d.name)!
        expect(place.point).toEqual(d.center)
        expect(distanceMeters(place.point, city.center)).toBeLessThanOrEqual(city.radiusKm * 1000)
      }
  })

  it('knows nothing of districts that are not in the list', () => {
    expect(districtPlace('上海', '西湖区')).toBeNull()
  })
})
