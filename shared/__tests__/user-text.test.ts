import fc from 'fast-check'
import { UpdateProfileInputSchema } from '../contracts/user.contract'
import { CreateListingInputSchema } from '../contracts/listing.contract'
import { orderNote } from '../contracts/order.contract'
import {
  NicknameSchema,
  hasHiddenCharacters,
  reservedNicknameWord,
  textLength,
  userText,
} from '../contracts/user-text'
import { defaultNickname } from '../domain/user'

const line = userText({ min: 1, max: 5, label: '标题' })
const text = userText({ min: 0, max: 50, multiline: true, label: '描述' })
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message

describe('userText', () => {
  it('NFKC-normalises, then trims', () => {
    expect(line.parse('ＡＢＣ')).toBe('ABC')
    expect(line.parse('\u3000 ｉＰａｄ \u3000')).toBe('iPad')
    expect(line.parse('ｶﾞ')).toBe('ガ')
    // Compatibility ideographs and Kangxi radicals become the usual characters.
    expect(line.parse('\u2F45\uF900')).toBe('方豈')
    expect(text.parse('  第一行\r\n第二行\t完  ')).toBe('第一行\n第二行\t完')
  })

  it('counts code points after normalisation, not UTF-16 units', () => {
    expect(textLength('𠮷野家😀')).toBe(4)
    expect(line.safeParse('😀😀😀😀😀').success).toBe(true)
    expect(firstMessage(line.safeParse('😀😀😀😀😀😀'))).toBe('标题最多 5 个字')
    // ﷺ is one code point that NFKC expands to 18: the limit applies to what is stored.
    expect(firstMessage(line.safeParse('\uFDFA'))).toBe('标题最多 5 个字')
    expect(firstMessage(line.safeParse('   '))).toBe('标题至少 1 个字')
  })

  it.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'a\u0007b'],
    ['ESC', '\u001b[31mred'],
    ['DEL', 'a\u007fb'],
    ['C1 NEL', 'a\u0085b'],
    ['C1 CSI', 'a\u009bb'],
    ['RLO', '\u202Egnp.exe'],
    ['LRE', 'a\u202Ab'],
    ['PDF', 'a\u202Cb'],
    ['LRI', 'a\u2066b'],
    ['PDI', 'a\u2069b'],
    ['line separator', 'a\u2028b'],
    ['lone high surrogate', 'a\uD83Db'],
    ['lone low surrogate', 'a\uDE00b'],
    ['high surrogate at the end', 'ab\uD83D'],
  ])('refuses %s in any field', (_name, value) => {
    expect(firstMessage(line.safeParse(value))).toBe('标题包含不可见或控制字符')
    expect(firstMessage(text.safeParse(value))).toBe('描述包含不可见或控制字符')
  })

  it('lets \\n and \\t through only in multiline fields', () => {
    expect(firstMessage(line.safeParse('a\nb'))).toBe('标题包含不可见或控制字符')
    expect(firstMessage(line.safeParse('a\tb'))).toBe('标题包含不可见或控制字符')
    expect(text.parse('a\nb\tc')).toBe('a\nb\tc')
    expect(firstMessage(text.safeParse('a\rb'))).toBe('描述包含不可见或控制字符')
  })

  it.each([
    ['zero-width space', '\u200B'],
    ['ZWNJ and ZWJ', '\u200C\u200D'],
    ['word joiner', '\u2060\u2060'],
    ['BOM between spaces', ' \uFEFF\u200B '],
    ['Hangul filler', '\u3164'],
    ['braille blank', '\u2800'],
  ])('refuses nothing but %s', (_name, value) => {
    expect(firstMessage(line.safeParse(value))).toBe('标题不能只有空格或不可见字符')
    expect(firstMessage(text.safeParse(value))).toBe('描述不能只有空格或不可见字符')
  })

  it('refuses a multiline field of nothing but zero-width characters and line breaks', () => {
    expect(firstMessage(text.safeParse('\u200B\n\t\u200B'))).toBe('描述不能只有空格或不可见字符')
  })

  it('keeps zero-width joiners inside text (emoji sequences) and Chinese punctuation', () => {
    expect(line.parse('👨‍👩‍👧')).toBe('👨‍👩‍👧')
    expect(text.parse('九成新，无划痕！价格可议？（自提）：“见面聊”。')).toBe(
      '九成新，无划痕！价格可议？（自提）：“见面聊”。',
    )
    expect(text.parse('ｉＰｈｏｎｅ１５，１２８Ｇ！')).toBe('iPhone15，128G！')
  })

  it('answers the field path from a whole contract', () => {
    const r = orderNote('请说明退款原因').safeParse('\u202E款退')
    expect(firstMessage(r)).toBe('说明包含不可见或控制字符')
    expect(firstMessage(orderNote('请说明退款原因').safeParse('a'))).toBe('请说明退款原因')
    const listing = CreateListingInputSchema.safeParse({
      title: 'ok\u202Etitle',
      description: '十个字以上的描述文字内容',
    })
    expect(listing.error?.issues.find((i) => i.path[0] === 'title')?.message).toBe(
      '标题包含不可见或控制字符',
    )
  })

  it('never lets a refused character through (property)', () => {
    const risky = fc.constantFrom(
      '！',
      '，',
      '\u0000',
      '\u0009',
      '\u000a',
      '\u000d',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u2028',
      '\ud800',
      '\udfff',
      '\u200b',
      '\ufeff',
      '\u3000',
      'ａ',
      '官',
      ' ',
    )
    const input = fc
      .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), risky), { maxLength: 12 })
      .map((a) => a.join(''))
    fc.assert(
      fc.property(input, fc.boolean(), (raw, multiline) => {
        const r = userText({ min: 0, max: 100, multiline }).safeParse(raw)
        if (!r.success) return
        expect(hasHiddenCharacters(r.data, multiline)).toBe(false)
        for (const ch of r.data) {
          const c = ch.codePointAt(0)!
          const allowedBreak = multiline && (c === 0x0a || c === 0x09)
          expect(allowedBreak || !(c <= 0x1f || (c >= 0x7f && c <= 0x9f))).toBe(true)
          expect((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)).toBe(false)
          expect(c >= 0xd800 && c <= 0xdfff).toBe(false)
        }
        // NFKC everywhere but fullwidth punctuation, which is kept as typed.
        for (const run of r.data.split(/[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60]/))
          expect(run).toBe(run.normalize('NFKC'))
        expect(r.data).toBe(r.data.trim())
        if (r.data.length > 0) expect(/^[\s\u200b-\u200d\u2060\ufeff]*$/.test(r.data)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('nicknames', () => {
  const refusal = (nickname: string) => firstMessage(NicknameSchema.safeParse(nickname))

  it.each([
    ['官方', '邻圈官方'],
    ['客服', '客服小王'],
    ['管理员', '管理员'],
    ['邻圈', '邻圈'],
    ['邻圈', '邻 圈'],
    ['邻圈', '邻\u3000圈'],
    ['邻圈', '邻\u200B圈'],
    ['邻圈', '邻\u2060圈小助手'],
    ['官方', '官·方'],
    ['官方', '官_方_号'],
    ['官方', '官\u2F45'],
    ['客服', '客 ・ 服'],
    ['管理員', '管理員'],
    ['鄰圈', '鄰圈'],
  ])('refuses one containing %s: %s', (word, nickname) => {
    expect(refusal(nickname)).toBe(`昵称不能包含“${word}”等字样`)
    expect(reservedNicknameWord(nickname)).toBe(word)
  })

  it('refuses hidden characters and blanks before anything else', () => {
    expect(refusal('\u202E服客')).toBe('昵称包含不可见或控制字符')
    expect(refusal('\u200B')).toBe('昵称不能只有空格或不可见字符')
    expect(refusal('')).toBe('昵称不能为空')
    expect(refusal('一二三四五六七八九十一二三四五六七八九十一')).toBe('昵称最多 20 个字')
  })

  it('lets ordinary nicknames and the default through (the demo users: cloudfunctions/test/user-text.int.test.ts)', () => {
    for (const ok of [
      '小鹿',
      'Ａｌｉｃｅ',
      '方官',
      '圈邻',
      '官 员',
      'Tom & Jerry',
      defaultNickname('01J0000000000000000000ABCD'),
    ]) {
      expect(NicknameSchema.safeParse(ok).success).toBe(true)
    }
    expect(UpdateProfileInputSchema.parse({ nickname: ' Ａｌｉｃｅ ' })).toEqual({
      nickname: 'Alice',
    })
  })
})
