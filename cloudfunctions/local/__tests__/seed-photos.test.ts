import { PNG } from 'pngjs'
import { CATALOG, SERVICES } from '../seed/listing-catalog'
import { generatePhoto, itemParts } from '../seed/photo-generator'
import { GLYPHS, PHOTO_KINDS, type PhotoKind } from '../seed/photo-glyphs'
import { createRng } from '../seed/prng'

const items = Object.values(CATALOG).flatMap((c) => c.items)
const kindOf = (name: string) => items.find((i) => i.name.includes(name))!.kind
const SIZE = 64
const partsOf = (kind: PhotoKind) => itemParts({ kind, variant: 0, size: SIZE, rng: createRng(7) })
/** Where one part of the drawing meets another or the background: the lines a person sees. */
const linesOf = (parts: Int16Array) =>
  Array.from(parts, (p, i) => {
    const x = i % SIZE
    return (
      (x + 1 < SIZE && parts[i + 1] !== p) || (i + SIZE < parts.length && parts[i + SIZE] !== p)
    )
  })

describe('seed photos', () => {
  it('show the kind of item each listing sells', () => {
    expect(kindOf('富士 X-T30')).toBe('camera')
    expect(kindOf('佳能 50mm')).toBe('lens')
    expect(kindOf('WH-1000XM5')).toBe('headphones')
    expect(kindOf('AirPods')).toBe('earbuds')
    expect(kindOf('iPhone 15')).toBe('phone')
    expect(kindOf('华为 Mate 60')).toBe('phone')
    expect(kindOf('MacBook Air')).toBe('laptop')
    expect(kindOf('公路自行车')).toBe('bicycle')
    expect(kindOf('婴儿推车')).toBe('stroller')
    expect(kindOf('布艺沙发')).toBe('sofa')
    expect(kindOf('猫爪杯')).toBe('cup')
    expect(kindOf('羊绒大衣')).toBe('coat')
    expect(kindOf('Apple Watch')).toBe('watch')
    expect(kindOf('Switch OLED')).toBe('console')
    expect(kindOf('《三体》')).toBe('books')
    expect(kindOf('民谣吉他')).toBe('guitar')
    for (const item of items) expect(GLYPHS[item.kind]).toBeDefined()
    for (const s of SERVICES) expect(GLYPHS[s.kind]).toBeDefined()
  })

  it('draw every kind as a PNG the size asked for, the item filling a good part of it', () => {
    for (const kind of PHOTO_KINDS) {
      const png = PNG.sync.read(generatePhoto({ kind, variant: 0, size: SIZE, rng: createRng(1) }))
      expect([png.width, png.height]).toEqual([SIZE, SIZE])
      const covered = partsOf(kind).filter((p) => p >= 0).length / SIZE ** 2
      expect({ kind, enough: covered > 0.04 && covered < 0.75 }).toEqual({ kind, enough: true })
    }
  })

  it('draw different kinds differently: no two drawings share most of their lines', () => {
    const drawings = PHOTO_KINDS.map((kind) => ({ kind, lines: linesOf(partsOf(kind)) }))
    const alike: string[] = []
    for (let a = 0; a < drawings.length; a++)
      for (let b = a + 1; b < drawings.length; b++) {
        const [p, q] = [drawings[a].lines, drawings[b].lines]
        let both = 0
        let either = 0
        for (let i = 0; i < p.length; i++) {
          if (p[i] && q[i]) both++
          if (p[i] || q[i]) either++
        }
        if (both / either > 0.6) alike.push(`${drawings[a].kind} ~ ${drawings[b].kind}`)
      }
    expect(alike).toEqual([])
    // The measure does see a drawing that is the same: a kind drawn twice.
    const [once, again] = [linesOf(partsOf('camera')), linesOf(partsOf('camera'))]
    expect(once.some(Boolean) && once.every((v, i) => v === again[i])).toBe(true)
  })

  it('make the shots of one item differ, and the same shot the same on every run', () => {
    const shot = (variant: number, seed = 3) =>
      generatePhoto({ kind: 'camera', variant, size: 64, rng: createRng(seed) })
    expect(shot(0).equals(shot(0))).toBe(true)
    expect(shot(0).equals(shot(1))).toBe(false)
  })
})
