import { randomBytes } from 'node:crypto'
import { WxApiError } from './state'

type Json = Record<string, unknown>

/**
 * Planted words: text containing one is judged as WeChat would judge real content of that kind
 * (msgSecCheck v2 answers `result` {suggest, label}; v1 answers errcode 87014). They are chosen so
 * the platform's own lexicon lets them through, and the WeChat path is what decides.
 */
export const PLANTED_TEXT: { word: string; suggest: 'risky' | 'review'; label: number }[] = [
  { word: '违规测试', suggest: 'risky', label: 20006 },
  { word: '色情测试', suggest: 'risky', label: 20002 },
  { word: '广告测试', suggest: 'risky', label: 10001 },
  { word: '辱骂测试', suggest: 'risky', label: 20003 },
  { word: '待审测试', suggest: 'review', label: 21000 },
]

/** An openid starting with this has not opened the mini-program in 2 hours: WeChat's 61010. */
export const STALE_OPENID_PREFIX = 'stale-'

/** msgSecCheck v2 takes at most 2500 characters. */
const MAX_CONTENT = 2500

/** WeChat's trace ids look like `64b7dbf0-23c56013-1e94d102`. */
export const traceId = () => [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-')

const verdictOf = (text: string) =>
  PLANTED_TEXT.find((p) => text.includes(p.word)) ?? {
    word: '',
    suggest: 'pass' as const,
    label: 100,
  }

export const checkScene = (scene: unknown) => {
  if (![1, 2, 3, 4].includes(scene as number)) throw new WxApiError(40097, 'invalid args: scene')
}
export const checkOpenid = (openid: unknown) => {
  if (typeof openid !== 'string' || !openid) throw new WxApiError(40003, 'invalid openid')
  if (openid.startsWith(STALE_OPENID_PREFIX))
    throw new WxApiError(61010, 'user access record expired: the user has not visited in 2 hours')
}

/**
 * POST wxa/msg_sec_check. v2 (version 2): openid and scene required; the verdict is in `result`
 * and `detail`, errcode 0 whatever the verdict. v1 (no version): content only, risky text answers
 * errcode 87014. Empty content is 44004 in both.
 */
export const msgSecCheck = (body: Json): Json => {
  const content = body.content
  if (typeof content !== 'string' || !content.trim()) throw new WxApiError(44004, 'empty content')
  if (content.length > MAX_CONTENT) throw new WxApiError(40097, 'invalid args: content too long')
  const text = [content, body.title, body.nickname, body.signature]
    .filter((t): t is string => typeof t === 'string')
    .join('\n')
  const verdict = verdictOf(text)
  if (body.version === undefined || body.version === 1) {
    if (verdict.suggest === 'risky') throw new WxApiError(87014, 'risky content')
    return {}
  }
  if (body.version !== 2) throw new WxApiError(40097, 'invalid args: version')
  checkOpenid(body.openid)
  checkScene(body.scene)
  return {
    trace_id: traceId(),
    result: { suggest: verdict.suggest, label: verdict.label },
    detail: [
      {
        strategy: 'content_model',
        errcode: 0,
        suggest: verdict.suggest,
        label: verdict.label,
        prob: 90,
      },
      ...(verdict.word
        ? [
            {
              strategy: 'keyword',
              errcode: 0,
              suggest: verdict.suggest,
              label: verdict.label,
              level: 20,
              keyword: verdict.word,
            },
          ]
        : []),
    ],
  }
}
