import { isInsideCity, viewerDistance } from '../domain/listing-location'

describe('listing location rules', () => {
  it('accepts points inside the named city and refuses points of another city', () => {
    expect(
      isInsideCity({ latitude: 31.19, longitude: 121.44, city: '上海', district: '徐汇区' }),
    ).toBe(true)
    expect(
      isInsideCity({ latitude: 30.26, longitude: 120.13, city: '上海', district: '徐汇区' }),
    ).toBe(false)
    expect(
      isInsideCity({ latitude: 30.26, longitude: 120.13, city: '杭州', district: '西湖区' }),
    ).toBe(true)
  })

  it('measures to the snapped point, so moving within one grid cell changes nothing', () => {
    const viewer = { latitude: 31.25, longitude: 121.5 }
    const a = viewerDistance(viewer, { latitude: 31.2, longitude: 121.45 })
    const b = viewerDistance(viewer, { latitude: 31.2001, longitude: 121.4501 })
    expect(a).toBe(b)
    expect(viewerDistance(undefined, viewer)).toBeNull()
  })
})
