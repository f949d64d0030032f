import { exceedsJsonDepth } from '../json-depth'

const arrays = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown

describe('exceedsJsonDepth', () => {
  it('counts [] and {} as one level and scalars as none', () => {
    expect(exceedsJsonDepth('x', 0)).toBe(false)
    expect(exceedsJsonDepth(null, 0)).toBe(false)
    expect(exceedsJsonDepth([], 0)).toBe(true)
    expect(exceedsJsonDepth({ a: [1, { b: 2 }] }, 3)).toBe(false)
    expect(exceedsJsonDepth({ a: [1, { b: {} }] }, 3)).toBe(true)
  })

  it('allows 32 levels and refuses 33 by default', () => {
    expect(exceedsJsonDepth(arrays(32))).toBe(false)
    expect(exceedsJsonDepth(arrays(33))).toBe(true)
  })

  it('checks a million levels without overflowing the stack', () => {
    expect(exceedsJsonDepth(arrays(1_000_000))).toBe(true)
    // A wide value is not a deep one.
    expect(exceedsJsonDepth(Array.from({ length: 100_000 }, () => ({ a: [1] })))).toBe(false)
  })

  it('terminates on a cyclic value (only a test could build one) by calling it too deep', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(exceedsJsonDepth(cyclic)).toBe(true)
  })
})
