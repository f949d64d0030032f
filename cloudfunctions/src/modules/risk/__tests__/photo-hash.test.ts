import sharp from 'sharp'
import { dhashOfImage } from '../application/photo-dhash'
import { bandsOf, dhashOfPixels, hammingDistance, isInformative } from '../domain/photo-hash'
import { LISTING_RISK } from '../domain/listing-risk.rules'
import { aPicture } from './test-images'

const { maxDistance } = LISTING_RISK.photo

describe('dHash', () => {
  it('sets a bit where a cell is brighter than its right-hand neighbour', () => {
    // Every row falling left to right: all ones; rising: all zeros.
    const falling = Array.from({ length: 72 }, (_, i) => 100 - (i % 9))
    expect(dhashOfPixels(falling)).toBe('ffffffffffffffff')
    expect(dhashOfPixels(falling.map((v) => 200 - v))).toBe('0000000000000000')
    expect(() => dhashOfPixels([1, 2, 3])).toThrow()
  })

  it('counts differing bits across both 32-bit halves', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64)
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2)
    expect(hammingDistance('0123456789abcdef', '0123456789abcdef')).toBe(0)
  })

  it('cuts a hash into four 16-bit bands: within 3 bits, one band is always shared', () => {
    const a = '0123456789abcdef'
    expect(bandsOf(a)).toEqual(['0123', '4567', '89ab', 'cdef'])
    // 3 bits flipped in 3 different bands: the fourth still matches.
    const flipped = '2123456709abcdee'
    expect(hammingDistance(a, flipped)).toBe(3)
    expect(bandsOf(a).filter((band, i) => bandsOf(flipped)[i] === band)).toEqual(['4567'])
  })

  it('finds nothing to say in a flat picture', () => {
    expect(isInformative('0000000000000000')).toBe(false)
    expect(isInformative('ffffffffffffff7f')).toBe(false)
    expect(isInformative('0f173b2b170fcc33')).toBe(true)
  })

  it('matches a resized, recompressed copy of a photo and not a different photo', async () => {
    const original = await aPicture(1)
    const h = (await dhashOfImage(original))!
    expect(isInformative(h)).toBe(true)
    const copies = [
      await sharp(original).resize(240).jpeg({ quality: 60 }).toBuffer(),
      await sharp(original).resize(1200).webp({ quality: 70 }).toBuffer(),
      await sharp(original).jpeg({ quality: 35 }).toBuffer(),
      await sharp(original).resize(640, 360, { fit: 'fill' }).jpeg().toBuffer(),
    ]
    for (const copy of copies)
      expect(hammingDistance(h, (await dhashOfImage(copy))!)).toBeLessThanOrEqual(maxDistance)
    for (const seed of [2, 3, 4, 5, 6]) {
      const other = (await dhashOfImage(await aPicture(seed)))!
      expect(hammingDistance(h, other)).toBeGreaterThan(maxDistance * 3)
    }
  }, 30_000)

  it('answers null for bytes that are not an image', async () => {
    expect(await dhashOfImage(Buffer.from('not a picture at all'))).toBeNull()
  })
})
