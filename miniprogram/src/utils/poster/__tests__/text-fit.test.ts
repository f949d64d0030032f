import { ellipsize, fitLine, wrapText } from '../text-fit'
import { FakeContext } from './fake-context'

// 10 px per Chinese character, 6 px per Latin one (FakeContext measures like a CJK font).
const ctx = new FakeContext()
ctx.font = '10px sans-serif'
const width = (s: string) => ctx.measureText(s).width

describe('wrapText', () => {
  it('breaks Chinese anywhere, filling each line to its width', () => {
    expect(wrapText(ctx, '九成新索尼降噪耳机带原装盒', 50, 3)).toEqual([
      '九成新索尼',
      '降噪耳机带',
      '原装盒',
    ])
  })

  it('ends the last line in … when the text does not fit, never wider than the line', () => {
    const lines = wrapText(ctx, '九成新索尼降噪耳机带原装盒和充电线', 50, 2)
    expect(lines).toEqual(['九成新索尼', '降噪耳机…'])
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(50)
  })

  it('keeps a Latin word whole by moving it to the next line', () => {
    // "Sony WH-1000XM4": "WH" would be cut after "Sony W".
    expect(wrapText(ctx, 'Sony WH1000XM4 耳机', 60, 3)).toEqual(['Sony', 'WH1000XM4', '耳机'])
  })

  it('cuts a word longer than a line rather than looping', () => {
    expect(wrapText(ctx, 'ABCDEFGHIJKLMNOP', 30, 2)).toEqual(['ABCDE', 'FGH…']) // … takes a full em
  })

  it('collapses whitespace and keeps emoji whole', () => {
    expect(wrapText(ctx, '  好物\n\n 🎧 出  ', 100, 2)).toEqual(['好物 🎧 出'])
    const lines = wrapText(ctx, '🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧', 30, 2)
    expect(lines.join('')).not.toMatch(/\ud83c(?!\udfa7)/) // no lone surrogate
  })

  it('a short title is one line, an empty one none', () => {
    expect(wrapText(ctx, '台灯', 100, 2)).toEqual(['台灯'])
    expect(wrapText(ctx, '', 100, 2)).toEqual([])
  })

  it('draws at least one character per line even when one is wider than the line', () => {
    expect(wrapText(ctx, '大字', 5, 2)).toEqual(['大', '字'])
  })
})

describe('fitLine and ellipsize', () => {
  it('leaves a fitting line alone and shortens one that is too long', () => {
    expect(fitLine(ctx, '卖家 小王', 100)).toBe('卖家 小王')
    expect(fitLine(ctx, '卖家 一个非常非常长的昵称', 60)).toBe('卖家 一个…')
    expect(width(ellipsize(ctx, '一二三四五六', 40))).toBeLessThanOrEqual(40)
  })
})
