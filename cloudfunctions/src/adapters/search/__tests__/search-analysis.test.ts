import { TERM_GROUPS } from '../../../modules/search/domain/search-synonyms'
import { TERM_WEIGHTS } from '../../../modules/search/domain/search-ranking'
import { groupTerm, type ListingText, listingTerms, termList } from '../analysis/listing-terms'
import { planQuery } from '../analysis/query-plan'
import { searchText } from '../analysis/search-text'
import { TermVocabulary, editDistance, termVocabulary } from '../analysis/term-vocabulary'
import { cutWords } from '../analysis/word-segmenter'

const listing = (over: Partial<ListingText>): ListingText => ({
  title: '闲置',
  description: '自用。',
  category: 'other',
  subcategory: 'other.misc',
  ...over,
})
/** The tokens a typed keyword's clauses may match, clause by clause. */
const clauses = (typed: string) =>
  planQuery(typed).clauses.map((c) => c.alternatives.map((a) => a.token))
/** Whether the listing holds a term of every clause. */
const finds = (typed: string, l: ListingText) => {
  const terms = listingTerms(l)
  const plan = planQuery(typed)
  return (
    plan.clauses.length > 0 &&
    plan.clauses.every((c) => c.alternatives.some((a) => terms.has(a.token)))
  )
}

describe('search text', () => {
  it('compares in NFKC, simplified, lower-case text with punctuation as spaces', () => {
    expect(searchText('ｉＰｈｏｎｅ　１３，ＰＲＯ！')).toBe('iphone 13 pro')
    expect(searchText('藍牙耳機 筆電 滑鼠 腳踏車')).toBe('蓝牙耳机 笔电 鼠标 自行车')
    expect(searchText('WH-1000XM5 (黑色)')).toBe('wh 1000xm5 黑色')
  })

  it('keeps synonym words and category names whole when cutting Chinese', () => {
    expect(cutWords('拍立得')).toEqual(['拍立得'])
    expect(cutWords('森海塞尔耳机')).toEqual(['森海塞尔', '耳机'])
    expect(cutWords('耳机音箱')).toEqual(['耳机音箱'])
  })
})

describe('listing terms', () => {
  it('tags the groups a title names, with every broader group', () => {
    const terms = listingTerms(listing({ title: 'AirPods Pro 2 99新' }))
    for (const g of ['airpods', 'wireless-earphones', 'earphones', 'apple'])
      expect(terms.get(groupTerm(g))).toBe(TERM_WEIGHTS.titleGroup)
    expect(terms.get('airpods')).toBe(TERM_WEIGHTS.titleWord)
    expect(terms.get('2')).toBe(TERM_WEIGHTS.titleWord)
    expect(terms.has(groupTerm('speaker'))).toBe(false)
  })

  it('holds category names, a two-thing name only for the thing the listing is', () => {
    const airpods = listingTerms(
      listing({ title: 'AirPods Pro 2', category: 'digital', subcategory: 'digital.earphones' }),
    )
    expect(airpods.get('耳机音箱')).toBe(TERM_WEIGHTS.category)
    expect(airpods.get('数码')).toBe(TERM_WEIGHTS.category)
    expect(airpods.has('音箱')).toBe(false)
    // Nothing in the title says which: both parts count.
    const edifier = listingTerms(
      listing({ title: '漫步者 R1700BT', category: 'digital', subcategory: 'digital.earphones' }),
    )
    expect(edifier.get(groupTerm('speaker'))).toBe(TERM_WEIGHTS.category)
    expect(edifier.get(groupTerm('earphones'))).toBe(TERM_WEIGHTS.category)
    // 玩具乐器: a LEGO set (filed under 模型手办) is a toy, not an instrument.
    const lego = listingTerms(
      listing({ title: '乐高 保时捷911', category: 'toys', subcategory: 'toys.models' }),
    )
    expect(lego.has('玩具')).toBe(true)
    expect(lego.has('乐器')).toBe(false)
  })

  it('weighs the title over the category over the description, a brand there over other words', () => {
    const terms = listingTerms(
      listing({
        title: '降噪耳机',
        description: '索尼的，送手机壳。',
        category: 'digital',
        subcategory: 'digital.earphones',
      }),
    )
    expect(terms.get('降噪耳机')).toBe(TERM_WEIGHTS.titleWord)
    expect(terms.get('耳机')).toBe(TERM_WEIGHTS.titlePart)
    expect(terms.get(groupTerm('sony'))).toBe(TERM_WEIGHTS.brand)
    expect(terms.get(groupTerm('phone-case'))).toBe(TERM_WEIGHTS.description)
    expect(termList(terms, 0.6)).toEqual(expect.arrayContaining(['s:降噪耳机', 'w:§phonecase']))
  })

  it('tags an ambiguous word only in its group’s categories', () => {
    expect(listingTerms(listing({ title: '新鲜苹果' })).has(groupTerm('apple'))).toBe(false)
    expect(
      listingTerms(
        listing({ title: '苹果 14', category: 'phone', subcategory: 'phone.iphone' }),
      ).has(groupTerm('apple')),
    ).toBe(true)
    expect(listingTerms(listing({ title: '露营 折叠推车' })).has(groupTerm('stroller'))).toBe(false)
  })

  it('leaves out a word inside a longer one, and Latin words inside longer Latin words', () => {
    const spin = listingTerms(listing({ title: 'Keep 动感单车' }))
    expect(spin.has(groupTerm('bicycle'))).toBe(false)
    expect(spin.has(groupTerm('exercise-bike'))).toBe(true)
    expect(listingTerms(listing({ title: 'machine learning 教材' })).has(groupTerm('mac'))).toBe(
      false,
    )
    expect(
      listingTerms(
        listing({ title: 'mac mini M2', category: 'computer', subcategory: 'computer.desktop' }),
      ).has(groupTerm('mac')),
    ).toBe(true)
  })
})

describe('query plans', () => {
  it('stands a synonym-table word for its group as well as itself', () => {
    expect(clauses('耳机')).toEqual([[groupTerm('earphones'), '耳机']])
    expect(clauses('苹果手机')).toEqual([[groupTerm('iphone'), '苹果手机']])
    expect(clauses('索尼耳机')).toEqual([
      [groupTerm('sony'), '索尼'],
      [groupTerm('earphones'), '耳机'],
    ])
    expect(clauses('apple watch')).toEqual([[groupTerm('apple-watch')]])
  })

  it('reads pinyin, initials, traditional characters and typos', () => {
    for (const typed of ['erji', 'ej', 'ERJI', '耳機', '耳几'])
      expect({ typed, has: clauses(typed)[0] }).toEqual({
        typed,
        has: expect.arrayContaining([groupTerm('earphones'), '耳机']),
      })
    expect(clauses('pingguo')[0]).toEqual(expect.arrayContaining([groupTerm('apple')]))
    expect(clauses('arpods')[0]).toEqual(expect.arrayContaining([groupTerm('airpods')]))
    expect(clauses('iphnoe')[0]).toEqual(expect.arrayContaining([groupTerm('iphone')]))
    expect(clauses('像机')[0]).toEqual(expect.arrayContaining([groupTerm('camera')]))
    // A word jieba knows is not a typo for its homophone.
    expect(clauses('手记')).toEqual([['手记']])
  })

  it('splits model numbers like the index, drops filler words, and names the category asked for', () => {
    expect(clauses('iphone13')).toEqual([[groupTerm('iphone'), 'iphone'], ['13']])
    expect(clauses('wh1000xm5')).toEqual([['wh'], ['1000'], ['xm'], ['5']])
    expect(clauses('二手相机')).toEqual([[groupTerm('camera'), '相机']])
    expect(clauses('二手')).toEqual([['二手']])
    expect(planQuery('耳机').categories).toEqual(['digital.earphones'])
    expect(planQuery('苹果').categories).toEqual(['phone', 'digital', 'computer'])
    expect(planQuery('索尼 耳机').categories).toEqual(['digital.earphones'])
  })

  it('finds what a person would expect, and not what they would not', () => {
    const airpods = listing({
      title: 'AirPods Pro 2',
      category: 'digital',
      subcategory: 'digital.earphones',
    })
    const sony = listing({
      title: '索尼 WH-1000XM5',
      category: 'digital',
      subcategory: 'digital.earphones',
    })
    expect(finds('耳机', airpods)).toBe(true)
    expect(finds('苹果', airpods)).toBe(true)
    expect(finds('Apple', airpods)).toBe(true)
    expect(finds('AirPods', sony)).toBe(false)
    expect(finds('苹果', sony)).toBe(false)
    expect(finds('相机', listing({ title: '富士 拍立得 mini12' }))).toBe(true)
    expect(finds('相机', listing({ title: '佳能 单反 80D' }))).toBe(true)
    expect(finds('单车', listing({ title: '捷安特 自行车' }))).toBe(true)
    expect(finds('自行车', listing({ title: '二手单车' }))).toBe(true)
    expect(
      finds(
        '苹果',
        listing({ title: 'iPhone 14', category: 'phone', subcategory: 'phone.iphone' }),
      ),
    ).toBe(true)
    expect(finds('电脑', listing({ title: 'ThinkPad X1' }))).toBe(true)
    expect(finds('游戏机', listing({ title: 'PS5 光驱版' }))).toBe(true)
    expect(
      finds(
        '婴儿车',
        listing({ title: '好孩子 推车', category: 'baby', subcategory: 'baby.stroller' }),
      ),
    ).toBe(true)
  })

  it('finds a shoe by 鞋子, 鞋 and 运动鞋 whichever category its seller chose', () => {
    const filed = (title: string, subcategory: string) =>
      listing({ title, category: subcategory.split('.')[0], subcategory })
    const shoes = [
      filed('New Balance 990v5 43码', 'clothing.shoes'),
      filed('New Balance 990v5 43码', 'clothing.women'), // the seed used to file it here
      filed('New Balance 990v5 43码', 'other.misc'),
      filed('Nike Air Force 1 42码', 'clothing.men'),
      filed('李宁 跑鞋 42码', 'sports.fitness'),
      filed('某品牌 42码', 'clothing.shoes'), // only its category says it is a shoe
    ]
    for (const l of shoes)
      for (const q of ['鞋子', '鞋', '运动鞋'])
        expect({ q, title: l.title, leaf: l.subcategory, found: finds(q, l) }).toEqual({
          q,
          title: l.title,
          leaf: l.subcategory,
          found: true,
        })
    expect(finds('新百伦', shoes[1]!)).toBe(true)
    expect(finds('耐克', shoes[3]!)).toBe(true)
    // A shoe cabinet, a brand's other clothes and a bare 990 are no shoes.
    expect(finds('鞋子', filed('宜家 鞋柜', 'furniture.storage'))).toBe(false)
    expect(finds('鞋子', filed('New Balance 卫衣 L码', 'clothing.men'))).toBe(false)
    expect(finds('鞋子', filed('990 元 打印机', 'computer.peripheral'))).toBe(false)
    expect(clauses('鞋')).toEqual([['鞋', groupTerm('shoes')]])
    expect(planQuery('鞋').categories).toEqual(['clothing.shoes'])
  })
})

describe('the vocabulary', () => {
  it('spells group words in pinyin and initials, and corrects Latin typos by one or two edits', () => {
    const v = termVocabulary()
    expect(v.spelledBy('erji')).toContain('耳机')
    expect(v.spelledBy('ej')).toContain('耳机')
    expect(v.soundAlikes('耳几')).toEqual(['耳机'])
    expect(v.nearSpellings('arpods')).toEqual(['airpods'])
    expect(v.nearSpellings('ipd')).toEqual([])
    expect(editDistance('iphnoe', 'iphone', 2)).toBe(1)
    expect(editDistance('abc', 'xyz', 1)).toBe(2)
  })

  it('changes its version with the table, so stored terms are rebuilt', () => {
    const changed = new TermVocabulary([
      ...TERM_GROUPS,
      { id: 'extra', kind: 'item', words: ['测试词'], categories: [] },
    ])
    expect(changed.version).not.toBe(termVocabulary().version)
    expect(new TermVocabulary().version).toBe(termVocabulary().version)
    expect(
      () => new TermVocabulary([...TERM_GROUPS, { id: 'dup', kind: 'item', words: ['耳机'] }]),
    ).toThrow(/two groups/)
  })
})
