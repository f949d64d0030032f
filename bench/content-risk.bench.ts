/**
 * The content-risk matcher (shared/domain/content-risk) on listing-sized texts, against naive
 * baselines measured in the same run: `String.includes` once per lexicon term and variant, on the
 * lower-cased text (what a first version would do), and on the same normalised text the matcher
 * reads (so the figure isolates one Aho-Corasick pass against one scan per term).
 *   npx tsx bench/content-risk.bench.ts -- [--texts 20000] [--rounds 3] [--planted 0.1] [--extra 5000]
 * Texts are built from a seeded PRNG: second-hand listing phrases, and in `--planted` of them one
 * blocked term, disguised half the time (full-width, traditional, separators, pinyin). Recall is the
 * share of planted terms each side found. Both are measured again with `--extra` made-up three-character
 * terms added, the size an operator-maintained list grows to: one pass costs the same, one scan per
 * term does not.
 *
 * Progress goes to stderr; the last line on stdout is one JSON object:
 * {"texts","avgChars","terms","perSecond","mbPerSecond","recall","naive":{"perSecond","recall"},
 *  "naiveNormalised":{"perSecond","recall"},"ratio","ratioNormalised",
 *  "large":{"terms","perSecond","naivePerSecond","ratio"}}.
 */
import { performance } from 'node:perf_hooks'
import {
  LEXICON,
  checkContent,
  compileLexicon,
  type LexiconEntry,
} from '../shared/domain/content-risk'
import { normaliseForRisk } from '../shared/domain/content-risk/normalise'
import { arg, mulberry32, round } from './bench-kit'

const TEXTS = arg('texts', 20_000)
const ROUNDS = arg('rounds', 3)
const PLANTED = arg('planted', 0.1)
const EXTRA = arg('extra', 5_000)
const progress = (line: string) => process.stderr.write(`${line}\n`)

const PHRASES = [
  '九成新',
  '自用闲置',
  '搬家转让',
  '支持同城面交',
  '可小刀',
  '包邮',
  '无拆无修',
  '电池健康百分之九十',
  'iPhone 13 Pro 256G',
  '宜家书桌',
  '儿童自行车',
  '原装充电器配件齐全',
  '有轻微使用痕迹',
  '发顺丰到付',
  '价格可议，诚心要的联系',
  '买来只穿过一次',
  '尺码 42，鞋盒还在',
  '象牙白配色',
  '2023年购入，保修还有半年',
  '小区门口自提',
]
const blocked = LEXICON.filter((e) => e.action === 'block' && /^\p{Script=Han}{2,}$/u.test(e.term))
const FULL_WIDTH = (s: string) =>
  s.replace(/[a-z0-9]/gi, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
const TRADITIONAL: Record<string, string> = {
  枪: '槍',
  药: '藥',
  弹: '彈',
  赌: '賭',
  资: '資',
  制: '製',
}
const disguise = (term: string, r: () => number) => {
  const chars = [...term]
  switch (Math.floor(r() * 3)) {
    case 0:
      return chars.join(['-', ' ', '·', '❤'][Math.floor(r() * 4)]!)
    case 1:
      return chars.map((c) => TRADITIONAL[c] ?? c).join(' ')
    default:
      return FULL_WIDTH(chars.join('*'))
  }
}

const r = mulberry32(15)
const texts: string[] = []
const planted: (string | null)[] = []
for (let i = 0; i < TEXTS; i++) {
  const parts = Array.from(
    { length: 4 + Math.floor(r() * 5) },
    () => PHRASES[Math.floor(r() * PHRASES.length)]!,
  )
  let term: string | null = null
  if (r() < PLANTED) {
    term = blocked[Math.floor(r() * blocked.length)]!.term
    parts.splice(Math.floor(r() * parts.length), 0, r() < 0.5 ? disguise(term, r) : term)
  }
  texts.push(parts.join('，'))
  planted.push(term)
}
const chars = texts.reduce((n, t) => n + t.length, 0)
const FORMS = LEXICON.flatMap((e) =>
  [e.term, ...(e.variants ?? [])].map((form) => ({ form, term: e.term })),
)

type Form = { form: string; term: string }
const naiveOver = (forms: Form[]) => (text: string) => {
  const lower = text.toLowerCase()
  return forms.filter((f) => lower.includes(f.form)).map((f) => f.term)
}
const naive = naiveOver(FORMS)
const naiveNormalised = (text: string) => {
  const { squeezed } = normaliseForRisk(text)
  return FORMS.filter((f) => squeezed.text.includes(f.form)).map((f) => f.term)
}
const ours = (text: string) => checkContent(text).hits.map((h) => h.term)

/** Best of ROUNDS runs over every text: texts per second, and the share of planted terms found. */
const measure = (name: string, find: (text: string) => string[]) => {
  let best = Infinity
  let found = 0
  for (let round = 0; round < ROUNDS; round++) {
    found = 0
    const t0 = performance.now()
    for (let i = 0; i < texts.length; i++) {
      const terms = find(texts[i]!)
      if (planted[i] && terms.includes(planted[i]!)) found++
    }
    best = Math.min(best, performance.now() - t0)
  }
  const perSecond = texts.length / (best / 1000)
  const recall = found / planted.filter(Boolean).length
  progress(`${name}: ${Math.round(perSecond)} texts/s, recall ${round(recall)}`)
  return { perSecond: Math.round(perSecond), recall: round(recall), ms: best }
}

// Made-up terms from rare characters, so they add work and no hits.
const RARE = '魑魅魍魉饕餮貔貅麒麟鸾凤蛟螭夔犼狴犴睚眦囚牛蒲牢嘲风狻猊椒图螭吻'
const extra: LexiconEntry[] = Array.from({ length: EXTRA }, (_, i) => ({
  term: [0, 1, 2]
    .map((k) => RARE[(i * 7 + k * 13 + Math.floor(r() * RARE.length)) % RARE.length])
    .join(''),
  category: 'contraband',
  action: 'block',
}))
const large = compileLexicon([...LEXICON, ...extra])
const LARGE_FORMS: Form[] = [...FORMS, ...extra.map((e) => ({ form: e.term, term: e.term }))]

checkContent('预热') // compile the lexicon outside the clock
progress(
  `${texts.length} texts, ${round(chars / texts.length, 1)} chars on average, ${FORMS.length} forms`,
)
const mine = measure('aho-corasick', ours)
const base = measure('naive includes', naive)
const baseNorm = measure('naive includes on normalised text', naiveNormalised)
progress(`with ${EXTRA} more terms:`)
const mineLarge = measure('aho-corasick', (t) =>
  checkContent(t, { lexicon: large }).hits.map((h) => h.term),
)
const baseLarge = measure('naive includes', naiveOver(LARGE_FORMS))
console.log(
  JSON.stringify({
    texts: texts.length,
    avgChars: round(chars / texts.length, 1),
    terms: FORMS.length,
    perSecond: mine.perSecond,
    mbPerSecond: round((chars * 2) / 1e6 / (mine.ms / 1000), 2),
    recall: mine.recall,
    naive: { perSecond: base.perSecond, recall: base.recall },
    naiveNormalised: { perSecond: baseNorm.perSecond, recall: baseNorm.recall },
    ratio: round(mine.perSecond / base.perSecond, 2),
    ratioNormalised: round(mine.perSecond / baseNorm.perSecond, 2),
    large: {
      terms: LARGE_FORMS.length,
      perSecond: mineLarge.perSecond,
      naivePerSecond: baseLarge.perSecond,
      ratio: round(mineLarge.perSecond / baseLarge.perSecond, 2),
    },
  }),
)
