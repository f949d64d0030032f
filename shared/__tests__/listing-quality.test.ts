import { assessQuality } from '../domain/listing-quality'

const base = {
  kind: 'goods' as const,
  title: '索尼 WH-1000XM4 降噪耳机',
  description:
    '去年双十一购入，使用不到半年，右耳罩有一处轻微划痕（见第三张图），降噪和蓝牙都正常，配件和包装盒齐全，带发票，可在徐汇区地铁站面交验货。',
  photoCount: 6,
  condition: 'light_wear',
  originalPriceFen: 249_900,
}

describe('listing quality', () => {
  it('gives a complete listing full marks and no hints', () => {
    expect(assessQuality(base)).toEqual({ score: 100, hints: [] })
  })

  it('names the most valuable fix first', () => {
    const r = assessQuality({ ...base, photoCount: 1, description: '好用，便宜出。' })
    expect(r.score).toBeLessThan(50)
    expect(r.hints[0]).toMatch(/照片/)
    expect(r.hints.some((h) => h.includes('描述'))).toBe(true)
  })

  it('asks for model numbers in short or vague titles and for wear details', () => {
    expect(assessQuality({ ...base, title: '耳机' }).hints.join()).toMatch(/标题太短/)
    expect(assessQuality({ ...base, title: '很好用的降噪耳机出售了' }).hints.join()).toMatch(
      /品牌型号/,
    )
    expect(
      assessQuality({
        ...base,
        description:
          '去年双十一购入，一直放在家里，现在用不上了，希望找个好主人，可以小刀，谢谢大家关注这个宝贝哦。',
      }).hints.join(),
    ).toMatch(/成色说明/)
  })

  it('asks services for what is included instead of a condition', () => {
    const r = assessQuality({
      ...base,
      kind: 'service',
      condition: null,
      originalPriceFen: null,
      description: '周末有空，欢迎联系我，价格好商量，附近都可以去的。',
    })
    expect(r.hints.join()).toMatch(/服务包含/)
    expect(r.hints.join()).not.toMatch(/原价/)
  })

  it('stays within 0–100', () => {
    for (const photoCount of [0, 1, 3, 9]) {
      const { score } = assessQuality({ ...base, photoCount, title: '', description: '' })
      expect(score).toBeGreaterThanOrEqual(0)
      expect(score).toBeLessThanOrEqual(100)
    }
  })
})
