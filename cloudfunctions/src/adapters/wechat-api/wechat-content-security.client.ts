import { RETRY } from '../../modules/core/ports/provider-error'
import type {
  ContentSecurity,
  ImageCheckInput,
  SecurityScene,
  SecuritySuggest,
  SecurityVerdict,
  TextCheckInput,
} from '../../modules/risk/ports/content-security.port'
import {
  failure,
  invalid,
  WechatApiTransport,
  type Json,
  type WechatApiTransportDeps,
} from './wechat-api.transport'

const SUGGESTS: readonly SecuritySuggest[] = ['pass', 'review', 'risky']
const SCENES: readonly SecurityScene[] = [1, 2, 3, 4]
/** msgSecCheck takes at most 2500 characters of content. */
export const MAX_TEXT_CHARS = 2500

/** WeChat's `result` ({suggest, label}); the label arrives as a number or a numeric string. */
export const parseSecurityResult = (
  result: unknown,
): { suggest: SecuritySuggest; label: number } | null => {
  if (typeof result !== 'object' || result === null) return null
  const { suggest, label } = result as Json
  const n = typeof label === 'string' ? Number(label) : label
  if (
    !SUGGESTS.includes(suggest as SecuritySuggest) ||
    typeof n !== 'number' ||
    !Number.isInteger(n)
  )
    return null
  return { suggest: suggest as SecuritySuggest, label: n }
}

const checkOpenidAndScene = (openid: string, scene: number) => {
  if (!openid) throw invalid('openid is required')
  if (!SCENES.includes(scene as SecurityScene)) throw invalid('scene must be 1, 2, 3 or 4')
}

/**
 * WechatContentSecurityClient: ContentSecurity over WeChat's HTTPS API, on the shared
 * WechatApiTransport (one access_token, retries, timeouts, errcode table):
 * - POST wxa/msg_sec_check, version 2: the verdict is `result` {suggest, label}; errcode 0 means
 *   the check ran, not that the text passed;
 * - POST wxa/media_check_async, version 2, media_type 2 (image): a trace_id now, the verdict
 *   later as the wxa_media_check push (see wechat-message-push.ts).
 */
export class WechatContentSecurityClient implements ContentSecurity {
  readonly transport: WechatApiTransport

  constructor(deps: WechatApiTransportDeps | { transport: WechatApiTransport }) {
    this.transport = 'transport' in deps ? deps.transport : new WechatApiTransport(deps)
  }

  async checkText(input: TextCheckInput): Promise<SecurityVerdict> {
    checkOpenidAndScene(input.openid, input.scene)
    if (!input.content.trim()) throw invalid('content must not be empty')
    const answer = await this.transport.postJson('/wxa/msg_sec_check', {
      content: input.content.slice(0, MAX_TEXT_CHARS),
      version: 2,
      scene: input.scene,
      openid: input.openid,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.nickname !== undefined ? { nickname: input.nickname } : {}),
    })
    const result = parseSecurityResult(answer.result)
    const traceId = answer.trace_id
    if (!result || typeof traceId !== 'string')
      throw failure(
        'BAD_RESPONSE',
        'WeChat msg_sec_check: no result/trace_id',
        RETRY,
        'transport',
        answer,
      )
    return { ...result, traceId }
  }

  async checkImageAsync(input: ImageCheckInput): Promise<{ traceId: string }> {
    checkOpenidAndScene(input.openid, input.scene)
    if (!/^https?:\/\//.test(input.mediaUrl)) throw invalid('mediaUrl must be an http(s) URL')
    const answer = await this.transport.postJson('/wxa/media_check_async', {
      media_url: input.mediaUrl,
      media_type: 2,
      version: 2,
      scene: input.scene,
      openid: input.openid,
    })
    const traceId = answer.trace_id
    if (typeof traceId !== 'string' || !traceId)
      throw failure(
        'BAD_RESPONSE',
        'WeChat media_check_async: no trace_id',
        RETRY,
        'transport',
        answer,
      )
    return { traceId }
  }
}
