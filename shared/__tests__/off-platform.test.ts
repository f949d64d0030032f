import fc from 'fast-check'
import {
  LURE_PHRASES,
  OFF_PLATFORM_WARNING,
  findOffPlatform,
  passesLuhn,
  type OffPlatformKind,
} from '../domain/off-platform'

const kinds = (text: string) => findOffPlatform(text).map((h) => h.kind)

describe('findOffPlatform: hits', () => {
  it.each<[string, OffPlatformKind, string]>([
    // phone
    ['电话13800138000', 'phone', '13800138000'],
    ['打我 138 0013 8000', 'phone', '138 0013 8000'],
    ['1 3 8-0013-8000 找我', 'phone', '1 3 8-0013-8000'],
    ['１３８００１３８０００', 'phone', '１３８００１３８０００'],
    ['号码 一三八零零一三八零零零', 'phone', '一三八零零一三八零零零'],
    ['壹叁捌零零壹叁捌零零零', 'phone', '壹叁捌零零壹叁捌零零零'],
    ['幺三八〇〇幺三八〇〇〇', 'phone', '幺三八〇〇幺三八〇〇〇'],
    ['138零零13八000', 'phone', '138零零13八000'],
    ['+86 138-0013-8000', 'phone', '+86 138-0013-8000'],
    ['008613800138000', 'phone', '008613800138000'],
    ['1.3.9.1.2.3.4.5.6.7.8', 'phone', '1.3.9.1.2.3.4.5.6.7.8'],
    ['电话：159_1234_5678，晚上打', 'phone', '159_1234_5678'],
    ['138\u200b0013\u200b8000', 'phone', '138\u200b0013\u200b8000'],
    ['13800138000一直在线', 'phone', '13800138000'],
    ['座机 0755-86013388', 'phone', '0755-86013388'],
    ['010-62345678 白天有人', 'phone', '010-62345678'],
    ['微信13800138000', 'phone', '13800138000'],
    // wechat
    ['加 v：abc_123', 'wechat', 'abc_123'],
    ['威信 wxid_abc123', 'wechat', 'wxid_abc123'],
    ['wxid_k3j4h5g6 加我', 'wechat', 'wxid_k3j4h5g6'],
    ['我的微信号是zhangsan', 'wechat', 'zhangsan'],
    ['微信：Zhang_San88', 'wechat', 'Zhang_San88'],
    ['VX: seller2024', 'wechat', 'seller2024'],
    ['ｖｘ　ｌｉｓｉ８８８', 'wechat', 'ｌｉｓｉ８８８'],
    ['薇信 abc-12345', 'wechat', 'abc-12345'],
    ['V信 mao_mao', 'wechat', 'mao_mao'],
    ['+V lucky666', 'wechat', 'lucky666'],
    ['v:haohao', 'wechat', 'haohao'],
    ['vxabc123', 'wechat', 'vxabc123'],
    ['weixin: xiaoming', 'wechat', 'xiaoming'],
    ['威 信 abc123', 'wechat', 'abc123'],
    // qq
    ['q q 12345678', 'qq', '12345678'],
    ['QQ:10001', 'qq', '10001'],
    ['扣扣 2345 6789', 'qq', '2345 6789'],
    ['企鹅号：876543210', 'qq', '876543210'],
    ['Q号 123456', 'qq', '123456'],
    ['ＱＱ　９８７６５４３２１', 'qq', '９８７６５４３２１'],
    // bank-card
    ['卡号 6222 0212 3456 7890 128', 'bank-card', '6222 0212 3456 7890 128'],
    ['转到 6217001234567893 就行', 'bank-card', '6217001234567893'],
    ['4111-1111-1111-1111', 'bank-card', '4111-1111-1111-1111'],
    // link
    ['看这个 https://t.cn/A6xyzW9 便宜', 'link', 'https://t.cn/A6xyzW9'],
    ['http://pay-safe.top/order?id=9', 'link', 'http://pay-safe.top/order?id=9'],
    ['www.example.net 上有', 'link', 'www.example.net'],
    ['t.cn/RxYz12', 'link', 't.cn/RxYz12'],
    ['去 58.com 看', 'link', '58.com'],
    ['shop.xianyu-mall.xyz', 'link', 'shop.xianyu-mall.xyz'],
    ['ｄｗｚ．ｃｎ／ａｂｃ', 'link', 'ｄｗｚ．ｃｎ／ａｂｃ'],
    ['邮箱 12345678@qq.com', 'link', '12345678@qq.com'],
    ['#小程序://闲鱼/HdSwoLq9w1', 'link', '#小程序://闲鱼/HdSwoLq9w1'],
    // lure
    ['加我微信聊', 'lure', '加我微信'],
    ['加 微 信', 'lure', '加 微 信'],
    ['加·V', 'lure', '加·V'],
    ['可以加v吗', 'lure', '加v'],
    ['咱们私下转账吧', 'lure', '私下转账'],
    ['私❤下❤交❤易', 'lure', '私❤下❤交❤易'],
    ['先付定金再发货', 'lure', '先付定金'],
    ['要付定金的', 'lure', '付定金'],
    ['走平台外更便宜', 'lure', '走平台外'],
    ['不走平台，直接给你', 'lure', '不走平台'],
    ['线下交易行不', 'lure', '线下交易'],
    ['扫码付款就行', 'lure', '扫码付款'],
    ['扫码转账', 'lure', '扫码转账'],
    ['支付宝转我', 'lure', '支付宝转我'],
    ['你转账给我', 'lure', '转账给我'],
    ['微信转账也可以', 'lure', '微信转账'],
    ['加好友细聊', 'lure', '加好友细聊'],
    ['加\u200b我\u200b微\u200b信', 'lure', '加\u200b我\u200b微\u200b信'],
  ])('%j → %s %j', (text, kind, match) => {
    const hit = findOffPlatform(text).find((h) => h.kind === kind)
    expect(hit).toEqual({ kind, match, index: text.indexOf(match) })
  })

  it('reports every hit in order of appearance, at its index in the original text', () => {
    const text = '亲，加我微信 abc_123，或者打１３８ ００１３ ８０００，先付定金 t.cn/x1'
    const at = (kind: OffPlatformKind, match: string) => ({
      kind,
      match,
      index: text.indexOf(match),
    })
    expect(findOffPlatform(text)).toEqual([
      at('lure', '加我微信'),
      at('wechat', 'abc_123'),
      at('phone', '１３８ ００１３ ８０００'),
      at('lure', '先付定金'),
      at('link', 't.cn/x1'),
    ])
    expect(findOffPlatform(text)[2]!.index).toBe(18)
  })

  it('reports a contact once where detectors overlap', () => {
    expect(findOffPlatform('QQ 13800138000')).toEqual([
      { kind: 'phone', match: '13800138000', index: 3 },
    ])
    expect(kinds('https://shop.example.com/13800138000')).toEqual(['link'])
    expect(kinds('13800138000 1288')).toEqual(['phone'])
  })

  it('shows the warning the issue asks for', () => {
    expect(OFF_PLATFORM_WARNING).toContain('平台外交易不受担保保护')
    expect(LURE_PHRASES.length).toBeGreaterThanOrEqual(16)
  })
})

describe('findOffPlatform: misses', () => {
  it.each([
    '还在吗？能便宜点吗',
    '¥1288 包邮',
    '1288元，可小刀',
    '便宜100就出',
    '最低 ¥1,288',
    '2026-12-01 下午发货',
    '2026/12/01 12:30 地铁站见',
    '12:30 在万达门口',
    '42码 的鞋',
    '27寸显示器',
    'iPhone 15 Pro Max 256G 99新',
    '型号 A2894，国行',
    'VX2758 显示器，便宜出',
    '用了3个月，电池 92%',
    '订单 01JD5XK3QZ8Y2M4N6P7R9S0T1V 已付款',
    '订单 01JDX13800138000KQZ8Y2M4NP 已付款',
    '交易码 381920，当面给你',
    '便宜130 2026-12-01 发货',
    '支持微信支付吗',
    '微信 iphone 都可以用',
    '稍加微调就好了',
    '加vip会员才有的',
    '看我主页 /package-listing/detail/index?id=01JD5XK3QZ8Y2M4N6P7R9S0T1V',
    '#小程序://邻圈/Ab3dE5',
    'pages/index/index',
    '一个月前买的，九五新',
    '身高175 体重60 穿L码',
    '尺寸 30x40x50cm，重 2.5kg',
    '编号 1234567890',
    'wxpython 教程书',
    'IMEI 356938035643809',
  ])('%j', (text) => {
    expect(findOffPlatform(text)).toEqual([])
  })
})

// Separators a writer puts between digits; the rule ignores up to three between two digits.
const separator = fc.constantFrom(' ', '-', '.', '_', '·', '　', '－', '．', '\u200b', '/', '~')
const mobile = fc
  .tuple(
    fc.constantFrom(...'3456789'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
  )
  .map(([second, rest]) => `1${second}${rest.join('')}`)

describe('findOffPlatform: properties', () => {
  it('finds a mobile number whatever separators sit between its digits', () => {
    fc.assert(
      fc.property(
        mobile,
        fc.array(fc.array(separator, { maxLength: 3 }), { minLength: 10, maxLength: 10 }),
        fc.constantFrom('', '电话', '联系我 ', '。'),
        (number, gaps, before) => {
          const written = [...number].map((d, k) => d + (gaps[k]?.join('') ?? '')).join('')
          const text = `${before}${written}，谢谢`
          expect(findOffPlatform(text)).toContainEqual({
            kind: 'phone',
            match: written,
            index: before.length,
          })
        },
      ),
    )
  })

  const price = fc.integer({ min: 1, max: 99_999 })
  const phrase = fc.oneof(
    price.map((n) => `¥${n}`),
    price.map((n) => `${n}元`),
    price.map((n) => `便宜${n}`),
    price.map((n) => `最低${n}块`),
    fc.integer({ min: 30, max: 48 }).map((n) => `${n}码`),
    fc.integer({ min: 10, max: 85 }).map((n) => `${n}寸`),
    fc.integer({ min: 8, max: 99 }).map((n) => `${n}新`),
    fc.integer({ min: 1, max: 36 }).map((n) => `用了${n}个月`),
    fc.integer({ min: 16, max: 2048 }).map((n) => `${n}G`),
    fc
      .tuple(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('-', '/', '.'),
      )
      .map(
        ([y, m, d, s]) => `${y}${s}${String(m).padStart(2, '0')}${s}${String(d).padStart(2, '0')}`,
      ),
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
  )

  it('finds nothing in sentences of prices, sizes and dates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(phrase, fc.constantFrom(' ', '，', '的', '，可以', ' 包邮 ')), {
          minLength: 1,
          maxLength: 6,
        }),
        (parts) => {
          const text = parts.map(([p, join]) => p + join).join('')
          expect(findOffPlatform(text)).toEqual([])
        },
      ),
    )
  })
})

describe('passesLuhn', () => {
  it.each([
    ['6222021234567890128', true],
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['6222021234567890127', false],
  ])('%s → %s', (digits, ok) => {
    expect(passesLuhn(digits)).toBe(ok)
  })
})
