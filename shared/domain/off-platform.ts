/**
 * Off-platform contacts and lures in user text: chat messages now, listings, reviews and nicknames
 * later. Pure (text in, findings out), so the server's guard and any client hint share one rule.
 * Most C2C fraud starts by moving the talk to WeChat or the money out of escrow, so the rules look
 * through the usual disguises: full-width and Chinese digits, separators between digits or
 * characters, and misspelt cues (威信, VX).
 */
import AhoCorasick from 'modern-ahocorasick'
import { foldText, spanOf, squeezeText, type FoldedText } from './text-fold'

export type OffPlatformKind = 'phone' | 'wechat' | 'qq' | 'bank-card' | 'link' | 'lure'

export interface OffPlatformHit {
  kind: OffPlatformKind
  /** the text as written */
  match: string
  /** index in the original text */
  index: number
}

// The banner lives with chat's limits, so the client shows it without this matcher's package.
export { OFF_PLATFORM_WARNING } from './chat'

// The common C2C lure phrases (闲鱼/转转 anti-fraud notices and reported chats), lower-case.
export const LURE_PHRASES: readonly string[] = [
  '加我微信',
  '加微信',
  '加v',
  '加我v',
  '加vx',
  '加wx',
  '加qq',
  '加我qq',
  '加扣扣',
  '微信同号',
  '私下转账',
  '私下交易',
  '私下联系',
  '先付定金',
  '付定金',
  '交定金',
  '走平台外',
  '不走平台',
  '线下交易',
  '扫码付款',
  '扫码转账',
  '扫码支付',
  '支付宝转我',
  '转账给我',
  '微信转账',
  '加好友细聊',
  '加我好友',
]

// Words that announce a WeChat id, with the misspellings used to dodge filters; lower-case.
const WECHAT_CUES = ['微信', '威信', '薇信', '维信', '徽信', 'v信', '加微', '加v', '+v', 'v:']
// ASCII cues may also be glued to the id itself (wxid_abc123, vxabc123).
const WECHAT_ASCII_CUES = ['vx', 'wx', 'weixin', 'wechat']
const QQ_CUES = ['qq', '扣扣', '企鹅', 'q号']
// Top-level domains seen in lure links; short-link hosts (t.cn, dwz.cn, url.cn, bit.ly) are covered.
const TLDS = 'com|cn|net|org|top|xyz|cc|vip|me|io|ly|im|info|shop|site|club|link'
// Our own mini-program's name in WeChat's #小程序:// links.
const OWN_MINI_PROGRAM = '邻圈'

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  壹: '1',
  贰: '2',
  叁: '3',
  肆: '4',
  伍: '5',
  陆: '6',
  柒: '7',
  捌: '8',
  玖: '9',
}

/** Text as the rules read it: NFKC, lower case, Chinese digits as digits (shared/domain/text-fold). */
type View = FoldedText

const fold = (text: string): View => foldText(text, (ch) => CHINESE_DIGITS[ch])

// Between two digits of one number: blanks, dashes, dots, underscores and similar (at most 3).
const DIGIT_GAP = /[\s\-_.·•・~*/\\|‐‑‒–—―−\p{M}]/u
const MAX_DIGIT_GAP = 3

interface DigitGroup {
  start: number
  end: number
  digits: string
}

/** One message as every detector reads it. */
interface Scan {
  text: string
  view: View
  runs: DigitGroup[][]
}

/** Runs of digit groups: a group is unbroken same-script digits, groups are split by small gaps. */
const digitRuns = (view: View, masked: boolean[]): DigitGroup[][] => {
  const runs: DigitGroup[][] = []
  const t = view.text
  const isDigit = (k: number) => !masked[k] && t[k]! >= '0' && t[k]! <= '9'
  let run: DigitGroup[] = []
  let k = 0
  while (k < t.length) {
    if (!isDigit(k)) {
      k++
      continue
    }
    let end = k + 1
    while (end < t.length && isDigit(end) && view.mapped[end] === view.mapped[k]) end++
    const last = run[run.length - 1]
    const gap = last ? t.slice(last.end, k) : ''
    if (last && (gap.length > MAX_DIGIT_GAP || ![...gap].every((c) => DIGIT_GAP.test(c)))) {
      runs.push(run)
      run = []
    }
    run.push({ start: k, end, digits: t.slice(k, end) })
    k = end
  }
  if (run.length) runs.push(run)
  return runs
}

// Spans that look like digits but are ours or harmless: order ids (ULIDs) and dates (2026-12-01).
const ULID = /(?<![0-9a-z])[0-9a-hjkmnp-tv-z]{26}(?![0-9a-z])/g
const DATE = /(?<!\d)(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)/g

/** Which folded units the digit rules skip. */
const maskedUnits = (view: View): boolean[] => {
  const masked = new Array<boolean>(view.text.length).fill(false)
  for (const re of [ULID, DATE])
    for (const m of view.text.matchAll(re)) masked.fill(true, m.index, m.index + m[0].length)
  return masked
}

/** A mainland mobile (optionally +86 / 0086) or a landline with its area code. */
const isPhoneNumber = (digits: string): boolean => {
  const national = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '')
  return (
    /^1[3-9]\d{9}$/.test(national) ||
    /^0(?:10|2\d)[2-9]\d{7}$|^0[3-9]\d{2}[2-9]\d{6,7}$/.test(digits)
  )
}

/** The Luhn checksum every bank card number carries. */
export const passesLuhn = (digits: string): boolean => {
  let sum = 0
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits[digits.length - 1 - k])
    if (k % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

/** A 16–19 digit number that passes Luhn. */
const isBankCard = (digits: string): boolean =>
  digits.length >= 16 && digits.length <= 19 && passesLuhn(digits)

/** Phones and bank cards: whole digit groups of a run, the phone preferred when both fit. */
const findNumbers = ({ text, view, runs }: Scan): OffPlatformHit[] => {
  const hits: OffPlatformHit[] = []
  for (const run of runs) {
    let i = 0
    while (i < run.length) {
      let phoneEnd = 0
      let cardEnd = 0
      let digits = ''
      for (let j = i; j < run.length && digits.length + run[j]!.digits.length <= 19; j++) {
        digits += run[j]!.digits
        if (!phoneEnd && isPhoneNumber(digits)) phoneEnd = j + 1
        if (isBankCard(digits)) cardEnd = j + 1
      }
      const end = phoneEnd || cardEnd
      if (!end) {
        i++
        continue
      }
      let start = run[i]!.start
      if (phoneEnd && view.text[start - 1] === '+') start--
      hits.push({
        kind: phoneEnd ? 'phone' : 'bank-card',
        ...spanOf(text, view, start, run[end - 1]!.end),
      })
      i = end
    }
  }
  return hits
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// Separators a writer slips between the characters of a cue (威 信, q q, 加·v).
const CUE_GAP = '[\\s\\-_.·•・~*|/\\\\]{0,2}'
const spaced = (cue: string) => [...cue].map(escape).join(CUE_GAP)
// An ASCII cue must start a word: "dev:" is no "v:".
const cueSource = (cues: readonly string[]) =>
  cues.map((c) => (/^[a-z]/.test(c) ? `(?<![a-z0-9])${spaced(c)}` : spaced(c))).join('|')

// What may stand between a cue and the id: blanks, a colon, 号/号码/是/id.
const FILLER = '(?:[\\s:=]|号码?|是|id)*'
const WECHAT = new RegExp(
  `(${cueSource([...WECHAT_CUES, ...WECHAT_ASCII_CUES])})(${FILLER})([a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])`,
  'gu',
)

/** WeChat ids after a cue; a plain word counts only after a colon/号 or a deliberate cue (VX, 威信). */
const findWeChatIds = ({ text, view }: Scan): OffPlatformHit[] => {
  const hits: OffPlatformHit[] = []
  for (const m of view.text.matchAll(WECHAT)) {
    const [, cue, filler, id] = m as unknown as [string, string, string, string]
    const explicit = /[:=号]|id/.test(cue + filler)
    // "wxpython", "微信 iphone": an id without a digit, _ or - needs the cue to be unmistakable.
    if (!/[\d_-]/.test(id) && !explicit && (filler === '' || cue === '微信')) continue
    // Glued to an ASCII cue (wxid_abc123, vxabc123) the whole token is the id.
    const glued = filler === '' && WECHAT_ASCII_CUES.includes(cue)
    const start = glued ? m.index : m.index + cue.length + filler.length
    hits.push({ kind: 'wechat', ...spanOf(text, view, start, m.index + m[0].length) })
  }
  return hits
}

const QQ = new RegExp(`(?:${cueSource(QQ_CUES)})(?:[\\s:=]|号码?|是)*`, 'gu')

/** QQ numbers: 5–11 digits (no leading 0) right after a QQ/扣扣/企鹅/Q号 cue. */
const findQqNumbers = ({ text, view, runs }: Scan): OffPlatformHit[] => {
  const hits: OffPlatformHit[] = []
  const runAt = new Map(runs.map((run) => [run[0]!.start, run]))
  for (const m of view.text.matchAll(QQ)) {
    const run = runAt.get(m.index + m[0].length)
    if (!run) continue
    let digits = ''
    let end = 0
    for (const group of run) {
      if (digits.length + group.digits.length > 11) break
      digits += group.digits
      end = group.end
    }
    if (digits.length >= 5 && digits[0] !== '0')
      hits.push({ kind: 'qq', ...spanOf(text, view, run[0]!.start, end) })
  }
  return hits
}

const URL_CHARS = "[a-z0-9\\-._~:/?#[\\]@!$&'()*+,;=%]"
const LINKS = [
  // http(s) and www. links.
  new RegExp(`(?:https?://|www\\.)${URL_CHARS}+`, 'g'),
  // Bare domains and e-mail addresses on the TLDs lure links use (t.cn/xyz, 58.com, a@qq.com).
  new RegExp(
    `(?<![a-z0-9_.@-])(?:[a-z0-9._%+-]+@)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TLDS})(?![a-z0-9-])(?:[/?#]${URL_CHARS}*)?`,
    'g',
  ),
]
// WeChat's mini-program links (#小程序://闲鱼/xyz); ours are in-platform.
const MINI_PROGRAM_LINK = /#小程序:\/\/([^\s/]+)(?:\/[a-z0-9]+)?/g

/** External links; our own mini-program's links and page paths are not external. */
const findLinks = ({ text, view }: Scan): OffPlatformHit[] => {
  const hits: OffPlatformHit[] = []
  for (const re of LINKS)
    for (const m of view.text.matchAll(re)) {
      const url = m[0].replace(/[.,;:!?)\]']+$/, '')
      hits.push({ kind: 'link', ...spanOf(text, view, m.index, m.index + url.length) })
    }
  for (const m of view.text.matchAll(MINI_PROGRAM_LINK))
    if (m[1] !== OWN_MINI_PROGRAM)
      hits.push({ kind: 'link', ...spanOf(text, view, m.index, m.index + m[0].length) })
  return hits
}

let lureMatcher: AhoCorasick | undefined

/** Lure phrases, read with the separators between characters taken out. */
const findLures = ({ text, view }: Scan): OffPlatformHit[] => {
  // Built on first use: the matcher needs Intl.Segmenter, which old mini-program runtimes lack.
  lureMatcher ??= new AhoCorasick(LURE_PHRASES)
  // Separators between characters taken out (加 微 信, 加·V, 私❤下转账); clause breaks kept.
  const { text: tight, at } = squeezeText(view)
  const hits: OffPlatformHit[] = []
  for (const m of lureMatcher.search(tight, { strategy: 'leftmost-longest' })) {
    const start = at[m.start]!
    const end = at[m.end - 1]! + 1
    // 加v must not be the start of 加vip.
    if (/[a-z]$/.test(m.pattern) && /[a-z]/.test(view.text[end] ?? '')) continue
    hits.push({ kind: 'lure', ...spanOf(text, view, start, end) })
  }
  return hits
}

const CONTACT_DETECTORS = [findNumbers, findQqNumbers, findWeChatIds, findLinks]

/** Every off-platform contact or lure in a message, in order of appearance. */
export const findOffPlatform = (text: string): OffPlatformHit[] => {
  const view = fold(text)
  const scan: Scan = { text, view, runs: digitRuns(view, maskedUnits(view)) }
  // One contact is reported once: where detectors overlap (微信13800138000) the earliest, longest,
  // most specific wins; lures stand beside the contact they introduce.
  const contacts = CONTACT_DETECTORS.flatMap((detect) => detect(scan)).sort(
    (a, b) => a.index - b.index || b.match.length - a.match.length,
  )
  const kept: OffPlatformHit[] = []
  for (const hit of contacts) {
    const last = kept[kept.length - 1]
    if (!last || hit.index >= last.index + last.match.length) kept.push(hit)
  }
  return [...kept, ...findLures(scan)].sort((a, b) => a.index - b.index)
}
