import fc from 'fast-check'
import { distanceMeters, formatDistance, snapToGrid } from '../domain/geo'

describe('geo', () => {
  it('measures known distances', () => {
    const peoplesSquare = { latitude: 31.2304, longitude: 121.4737 }
    const westLake = { latitude: 30.2595, longitude: 120.1302 }
    expect(distanceMeters(peoplesSquare, westLake) / 1000).toBeCloseTo(169, -1)
    expect(distanceMeters(peoplesSquare, peoplesSquare)).toBe(0)
  })

  it('snaps every point to a cell centre within half a cell diagonal, the same for the whole cell', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 18, max: 50, noNaN: true }),
        fc.double({ min: 74, max: 134, noNaN: true }),
        (latitude, longitude) => {
          const p = { latitude, longitude }
          const snapped = snapToGrid(p)
          expect(distanceMeters(p, snapped)).toBeLessThanOrEqual(Math.SQRT2 * 150 + 5)
          expect(snapToGrid(snapped)).toEqual(snapped)
        },
      ),
    )
  })

  it.each([
    [42, '<100m'],
    [849, '800m'],
    [949, '900m'],
    [950, '1.0km'],
    [999, '1.0km'],
    [1000, '1.0km'],
    [1234, '1.2km'],
    [99_949, '99.9km'],
    [99_950, '100km'],
    [9_960, '10.0km'],
    [168_900, '169km'],
  ])('says %i metres as people do: %s', (meters, words) => {
    expect(formatDistance(meters)).toBe(words)
  })
})
