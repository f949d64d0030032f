import { pinyin } from 'pinyin-pro'
import fc from 'fast-check'
import {
  LEXICON,
  RISK_CATEGORIES,
  checkContent,
  compileLexicon,
  pinyinForms,
  type LexiconEntry,
} from '../domain/content-risk'
import { normaliseForRisk } from '../domain/content-risk/normalise'

const terms = (text: string) => checkContent(text).hits.map((h) => h.term)

describe('checkContent: hits through the disguises', () => {
  it.each<[string, string, string]>([
    // [text, lexicon term, the match as written]
    ['出售枪支一把', '枪支', '枪支'],
    ['全新仿真枪', '仿真枪', '仿真枪'],
    // full-width
    ['出ｑｉａｎｇｚｈｉ', '枪支', 'ｑｉａｎｇｚｈｉ'],
    ['ＡＢ高仿Ａ货', 'a货', 'Ａ货'],
    // traditional
    ['槍支彈藥', '枪支', '槍支'],
    ['犀牛角雕件', '犀牛角', '犀牛角'],
    ['賭資周轉', '赌资', '賭資'],
    // separators, symbols, emoji, zero-width characters between characters
    ['枪-支', '枪支', '枪-支'],
    ['枪 支 出 售', '枪支', '枪 支'],
    ['枪❤️支', '枪支', '枪❤️支'],
    ['枪\u200b支', '枪支', '枪\u200b支'],
    ['迷*药 包邮', '迷药', '迷*药'],
    ['管·制·刀·具', '管制刀具', '管·制·刀·具'],
    // pinyin, mixed, initials
    ['qiangzhi 有货', '枪支', 'qiangzhi'],
    ['qiang zhi', '枪支', 'qiang zhi'],
    ['QIANG支', '枪支', 'QIANG支'],
    ['枪zhi', '枪支', '枪zhi'],
    ['收 qz', '枪支', 'qz'],
    ['卖 fzq', '仿真枪', 'fzq'],
    ['xiang ya 手镯', '象牙', 'xiang ya'],
    // explicit variants
    ['木仓支', '枪支', '木仓支'],
    ['代开发票', '发票代开', '代开发票'],
    // literal terms keep their colon
    ['1:1 复刻', '1:1', '1:1'],
    ['1：1做工', '1:1', '1：1'],
  ])('%s → %s', (text, term, match) => {
    const hit = checkContent(text).hits.find((h) => h.term === term)
    expect(hit).toBeDefined()
    expect(hit!.match).toBe(match)
    expect(text.slice(hit!.index, hit!.index + hit!.match.length)).toBe(match)
  })

  it('answers the gravest action and every hit in order', () => {
    const verdict = checkContent('尾单，高仿A货，加我微信')
    expect(verdict.action).toBe('block')
    expect(verdict.hits.map((h) => [h.term, h.action])).toEqual([
      ['尾单', 'warn'],
      ['高仿', 'block'],
      ['a货', 'block'],
      ['加我微信', 'review'],
    ])
  })

  it('holds for review and warns by the entry', () => {
    expect(checkContent('莆田的鞋').action).toBe('review')
    expect(checkContent('保健品 临期').action).toBe('warn')
    expect(checkContent('加我微信聊').hits[0]).toMatchObject({ category: 'diversion' })
  })

  it('reports one stretch of text once: the longer term wins', () => {
    expect(terms('复刻版手表')).toEqual(['复刻版'])
    expect(terms('工厂尾单')).toEqual(['工厂尾单'])
  })

  it('skips the categories a caller judges itself', () => {
    expect(checkContent('加我微信', { skip: ['diversion'] })).toEqual({ action: 'pass', hits: [] })
  })
})

describe('checkContent: misses', () => {
  it.each([
    '九成新 iPhone 11，支持面交',
    '象牙白的手机壳',
    '象牙色连衣裙',
    '走出象牙塔',
    '大麻花 手工',
    '吹气枪 电脑清灰',
    '手枪钻 充电款',
    '子弹杯 一套六个',
    '不卖枪。支持自提',
    '21:15 在地铁站面交',
    '11:10 前发货',
    '比分 21比18',
    'data货架',
    'ok粉丝福利',
    'faqzz',
    '可以线下交易，同城面交',
    '',
  ])('%s', (text) => {
    expect(checkContent(text)).toEqual({ action: 'pass', hits: [] })
  })
})

describe('the lexicon', () => {
  it('names a known category and an action for every entry, each term once', () => {
    for (const e of LEXICON) {
      expect(Object.keys(RISK_CATEGORIES)).toContain(e.category)
      expect(['block', 'review', 'warn']).toContain(e.action)
    }
    const seen = LEXICON.map((e) => `${e.category}:${e.term}`)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('covers the categories the platform rules name', () => {
    const covered = new Set(LEXICON.map((e) => e.category))
    for (const c of [
      'contraband',
      'drugs',
      'wildlife',
      'counterfeit',
      'diversion',
      'sexual',
      'gambling',
    ])
      expect(covered).toContain(c)
  })

  it('finds every listed term and variant as written', () => {
    for (const e of LEXICON)
      for (const form of [e.term, ...(e.variants ?? [])])
        expect(checkContent(`有${form}。`).hits.map((h) => h.term)).toContain(e.term)
  })

  it('finds none of its own exceptions', () => {
    for (const e of LEXICON)
      for (const word of e.except ?? [])
        expect(checkContent(word).hits.map((h) => h.term)).not.toContain(e.term)
  })

  it('romanises only Han terms, with every mix of syllables and characters', () => {
    const entry: LexiconEntry = {
      term: '枪支',
      category: 'contraband',
      action: 'block',
      pinyin: 'qiang zhi',
      initials: true,
    }
    expect(pinyinForms(entry)).toEqual(['qiang支', '枪zhi', 'qiangzhi', 'qz'])
    expect(pinyinForms({ ...entry, term: 'k粉' })).toEqual([])
  })

  it('writes each term’s syllables as pinyin-pro reads them (ü typed v)', () => {
    const romanised = LEXICON.filter((e) => e.pinyin)
    expect(romanised.length).toBeGreaterThan(10)
    for (const e of romanised)
      expect([e.term, e.pinyin]).toEqual([
        e.term,
        pinyin(e.term, { toneType: 'none', type: 'array' })
          .map((s) => s.replace(/ü/g, 'v'))
          .join(' '),
      ])
    // Initials need the syllables they are the first letters of.
    expect(LEXICON.filter((e) => e.initials && !e.pinyin)).toEqual([])
  })

  it('is extended by adding an entry', () => {
    const lexicon = compileLexicon([
      ...LEXICON,
      { term: '测试禁词', category: 'contraband', action: 'block', pinyin: 'ce shi jin ci' },
    ])
    expect(checkContent('ce shi 禁词', { lexicon }).action).toBe('block')
    expect(checkContent('测试禁词').action).toBe('pass')
  })
})

describe('normaliseForRisk', () => {
  it('folds full-width, traditional and case, and squeezes out the gaps between characters', () => {
    const { folded, squeezed } = normaliseForRisk('ＡＢ 槍·支，彈藥')
    expect(folded.text).toBe('ab 枪·支,弹药')
    expect(squeezed.text).toBe('ab枪支,弹药')
  })
})

// Separators someone slips between the characters of a term: blanks, punctuation, symbols, emoji,
// zero-width characters (never a clause break, which ends the phrase).
const separator = fc.constantFrom(
  ' ',
  '-',
  '_',
  '.',
  '·',
  '*',
  '~',
  '/',
  '|',
  '❤',
  '😀',
  '\u200b',
  '　',
  '【',
  '】',
  '"',
  '#',
)
const blockedTerms = LEXICON.filter(
  (e) => e.action === 'block' && !e.literal && /^\p{Script=Han}+$/u.test(e.term),
)

describe('property: separators inside a blocked term still block', () => {
  it('holds for every blocked Han term and any separators between its characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...blockedTerms),
        fc.array(fc.array(separator, { maxLength: 3 }), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('', '出售', '全新 ', '有'),
        (entry, gaps, prefix) => {
          const chars = [...entry.term]
          const disguised = chars
            .map((c, i) => c + (i < chars.length - 1 ? gaps[i]!.join('') : ''))
            .join('')
          const verdict = checkContent(prefix + disguised)
          expect(verdict.action).toBe('block')
          expect(verdict.hits.map((h) => h.term)).toContain(entry.term)
        },
      ),
      { numRuns: 300 },
    )
  })
})
