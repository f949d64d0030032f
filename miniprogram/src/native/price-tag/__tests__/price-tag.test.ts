import path from 'node:path'
import fc from 'fast-check'
import simulate from 'miniprogram-simulate'
import { MAX_PRICE_FEN, formatFen } from '@shared/domain/money'

const componentPath = path.resolve(__dirname, '..', 'index')

const render = (props: Record<string, unknown>) => {
  const id = simulate.load(componentPath)
  const comp = simulate.render(id, props)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}
const text = (comp: ReturnType<typeof simulate.render>, selector: string) =>
  comp.querySelector(selector)?.dom?.textContent?.trim() ?? null

describe('native price-tag', () => {
  // A second load of the same component renders nothing unless modules are reset.
  beforeEach(() => jest.resetModules())

  it('shows the price as ¥ and yuan from a fen property', () => {
    const comp = render({ fen: 1250 })
    expect(text(comp, '.price-tag__now')).toBe('¥12.50')
    expect(comp.querySelector('.price-tag__original')).toBeUndefined()
  })

  it('strikes through the original price when one is given', () => {
    const comp = render({ fen: 880000, original: 1299900 })
    expect(text(comp, '.price-tag__now')).toBe('¥8,800')
    expect(text(comp, '.price-tag__original')).toBe('¥12,999')
  })

  it('follows property changes', async () => {
    const comp = render({ fen: 100 })
    comp.setData({ fen: 99, original: 500 })
    await simulate.sleep(0)
    expect(text(comp, '.price-tag__now')).toBe('¥0.99')
    expect(text(comp, '.price-tag__original')).toBe('¥5')
    comp.setData({ original: 0 })
    await simulate.sleep(0)
    expect(comp.querySelector('.price-tag__original')).toBeUndefined()
  })

  it('shows a service price per unit', () => {
    const comp = render({ fen: 8000, unit: '小时' })
    expect(text(comp, '.price-tag__now')).toBe('¥80/小时')
    expect(text(comp, '.price-tag__unit')).toBe('/小时')
  })

  it('uses the large style on the detail page', () => {
    const comp = render({ fen: 1, size: 'large' })
    expect(comp.querySelector('.price-tag--large')).toBeDefined()
  })

  it('formats every price exactly like shared formatFen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PRICE_FEN }), (fen) => {
        jest.resetModules()
        const comp = render({ fen })
        return text(comp, '.price-tag__now') === formatFen(fen)
      }),
      { numRuns: 60 },
    )
  })
})
