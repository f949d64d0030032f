import fc from 'fast-check'
import { FenSchema, fenAtMost, formatFen, parseYuanInput, parseYuanToFen } from '../domain/money'

describe('money', () => {
  it.each([
    [1250, '¥12.50'],
    [1205, '¥12.05'],
    [1200, '¥12'],
    [0, '¥0'],
    [1_280_000, '¥12,800'],
    [99_999_900, '¥999,999'],
    [123_456_789_01, '¥123,456,789.01'],
    [100_000, '¥1,000'],
    [99_900, '¥999'],
    [-99, '-¥0.99'],
  ])('formats %i fen as yuan the way Chinese apps show prices: %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  it('parses typed yuan into fen without float errors', () => {
    expect(parseYuanToFen('12')).toBe(1200)
    expect(parseYuanToFen('12.5')).toBe(1250)
    expect(parseYuanToFen(' 0.07 ')).toBe(7)
    expect(parseYuanToFen('19.99')).toBe(1999)
    for (const bad of ['', 'abc', '1.234', '-1', '1e3', '12,00', '.5'])
      expect(parseYuanToFen(bad)).toBeNull()
  })

  it('round-trips every amount through format and parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_900 }), (fen) => {
        const shown = formatFen(fen).replace('¥', '').replace(/,/g, '')
        expect(parseYuanToFen(shown)).toBe(fen)
      }),
    )
  })

  it('reads any number of typed digits for a capped field, saturating past the safe range', () => {
    expect(parseYuanInput('12.5')).toBe(1250)
    expect(parseYuanInput('99999999999')).toBe(9_999_999_999_900)
    expect(parseYuanInput('0000001')).toBe(100)
    expect(parseYuanInput('9'.repeat(400))).toBe(Number.MAX_SAFE_INTEGER)
    for (const bad of ['', 'abc', '1.234', '-1', '1e3', '12,00', '.5'])
      expect(parseYuanInput(bad)).toBeNull()
  })

  it('names the cap as people write amounts when a number is over it', () => {
    const messages = (fen: number) => FenSchema.safeParse(fen).error?.issues.map((i) => i.message)
    expect(messages(100_000_000)).toEqual(['最多 ¥999,999'])
    expect(messages(Number.MAX_SAFE_INTEGER)).toEqual(['最多 ¥999,999'])
    expect(messages(99_999_900)).toBeUndefined()
    expect(fenAtMost(20_000).safeParse(20_001).error?.issues[0]?.message).toBe('最多 ¥200')
  })

  it('accepts only whole, non-negative fen within the cap', () => {
    expect(FenSchema.safeParse(100).success).toBe(true)
    for (const bad of [1.5, -1, 100_000_000, '100', NaN])
      expect(FenSchema.safeParse(bad).success).toBe(false)
  })
})
