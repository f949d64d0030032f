import { CATALOG, subcategoryFor } from '../seed/listing-catalog'

describe('seed catalogue', () => {
  it('files every sneaker under 鞋靴, also those named by brand and line alone', () => {
    const sneakers = Object.entries(CATALOG).flatMap(([category, c]) =>
      c.items
        .filter((i) => i.kind === 'sneaker')
        .map((i) => ({ name: i.name, leaf: subcategoryFor(category as 'clothing', i.name) })),
    )
    expect(sneakers.map((s) => s.name)).toEqual(
      expect.arrayContaining(['New Balance 990v5 43码', 'Nike Air Force 1 42码']),
    )
    for (const s of sneakers) expect(s).toEqual({ name: s.name, leaf: 'clothing.shoes' })
  })
})
