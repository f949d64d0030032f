import { CATEGORY_IDS, SUBCATEGORY_IDS } from '@shared/domain/listing'
import { FILLER_WORDS, TERM_GROUPS } from '../domain/search-synonyms'

const ids = new Set(TERM_GROUPS.map((g) => g.id))
const key = (w: string) =>
  w
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

describe('the synonym and brand table', () => {
  it('has the groups the issue names, and many more', () => {
    expect(TERM_GROUPS.length).toBeGreaterThanOrEqual(60)
    const words = (id: string) => TERM_GROUPS.find((g) => g.id === id)?.words ?? []
    expect(words('airpods')).toContain('AirPods')
    expect(TERM_GROUPS.find((g) => g.id === 'airpods')!.broader).toEqual(
      expect.arrayContaining(['apple']),
    )
    expect(words('apple')).toEqual(expect.arrayContaining(['苹果', 'Apple']))
    expect(words('bicycle')).toEqual(expect.arrayContaining(['自行车', '单车']))
    for (const camera of ['dslr', 'mirrorless', 'compact-camera', 'instant-camera'])
      expect(TERM_GROUPS.find((g) => g.id === camera)!.broader).toContain('camera')
    for (const brand of [
      'huawei',
      'xiaomi',
      'sony',
      'canon',
      'nikon',
      'fujifilm',
      'dyson',
      'dji',
      'nintendo',
      'ikea',
    ])
      expect(ids.has(brand)).toBe(true)
  })

  it('gives every word to one group, and no group a single Chinese character', () => {
    const seen = new Map<string, string>()
    for (const g of TERM_GROUPS) {
      for (const w of g.words) {
        expect({ word: w, groups: [seen.get(key(w)), g.id] }).toEqual({
          word: w,
          groups: [undefined, g.id],
        })
        seen.set(key(w), g.id)
        expect({ word: w, single: /^\p{Script=Han}$/u.test(key(w)) }).toEqual({
          word: w,
          single: false,
        })
      }
      for (const a of g.ambiguous ?? []) expect(g.words).toContain(a)
      if (g.ambiguous?.length) expect(g.categories?.length).toBeGreaterThan(0)
    }
    for (const f of FILLER_WORDS) expect(seen.has(key(f))).toBe(false)
    // A character that names a group on its own (鞋) is one Han character, in one group only.
    const alone = TERM_GROUPS.flatMap((g) => (g.alone ?? []).map((a) => key(a)))
    for (const a of alone)
      expect({ a, single: /^\p{Script=Han}$/u.test(a) }).toEqual({ a, single: true })
    expect(new Set(alone).size).toBe(alone.length)
    expect(alone).toContain('鞋')
  })

  it('links only existing groups, without cycles, and files groups under real categories', () => {
    const categories = new Set<string>([...CATEGORY_IDS, ...SUBCATEGORY_IDS])
    const byId = new Map(TERM_GROUPS.map((g) => [g.id, g]))
    for (const g of TERM_GROUPS) {
      for (const b of g.broader ?? [])
        expect({ group: g.id, broader: b, known: ids.has(b) }).toEqual({
          group: g.id,
          broader: b,
          known: true,
        })
      for (const c of g.categories ?? [])
        expect({ group: g.id, category: c, known: categories.has(c) }).toEqual({
          group: g.id,
          category: c,
          known: true,
        })
      const path = new Set<string>()
      const climb = (id: string) => {
        expect({ group: g.id, cycleAt: path.has(id) ? id : null }).toEqual({
          group: g.id,
          cycleAt: null,
        })
        path.add(id)
        for (const b of byId.get(id)?.broader ?? []) climb(b)
        path.delete(id)
      }
      climb(g.id)
    }
    // Ids become index terms `§` + letters and digits: they must stay distinct that way.
    const squeezed = TERM_GROUPS.map((g) => g.id.replace(/[^a-z0-9]/g, ''))
    expect(new Set(squeezed).size).toBe(squeezed.length)
  })
})
