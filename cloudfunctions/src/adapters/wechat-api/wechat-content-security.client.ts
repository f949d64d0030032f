import { RETRY } from '../../modules/core/ports/provider-error'
import {
  PushSignatureError,
  type ContentSecurity,
  type ImageCheckInput,
  type MessagePushRequest,
  type VerifiedPush,
} from '../../modules/risk/ports/content-security.port'
import type {
  SecurityScene,
  SecuritySuggest,
  SecurityVerdict,
  TextCheckInput,
} from '../../modules/risk/ports/content-security.port'
import { openPush, pushSignature, signatureMatches, type PushSecrets } from './wechat-message-push'
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

  private pushSecrets(): PushSecrets {
    const push = this.transport.config.messagePush
    if (!push) throw new PushSignatureError('no message push token configured')
    return { ...push, appid: this.transport.config.appid }
  }

  verifyPush(push: MessagePushRequest): VerifiedPush {
    let message: Json
    try {
      message = JSON.parse(openPush(this.pushSecrets(), push.query, push.body)) as Json
    } catch (e) {
      throw new PushSignatureError((e as Error).message)
    }
    if (message.Event !== 'wxa_media_check')
      return { kind: 'other', event: String(message.Event ?? message.MsgType ?? '') }
    const result = parseSecurityResult(message.result)
    const traceId = message.trace_id
    if (typeof traceId !== 'string' || !traceId)
      throw new PushSignatureError('wxa_media_check without trace_id')
    const errcode = typeof message.errcode === 'number' ? message.errcode : 0
    return {
      kind: 'media-check',
      result: {
        traceId,
        appid: String(message.appid ?? ''),
        // A check that could not run (errcode ≠ 0) carries no verdict: it is judged for review.
        suggest: result?.suggest ?? 'review',
        label: result?.label ?? 21000,
        errcode,
      },
    }
  }

  answerUrlCheck(query: Record<string, string | undefined>): string | null {
    const { token } = this.pushSecrets()
    const expected = pushSignature(token, query.timestamp ?? '', query.nonce ?? '')
    return signatureMatches(query.signature, expected) ? (query.echostr ?? '') : null
  }
}
