/**
 * ContentSecurity: WeChat's 内容安全 checks (security.msgSecCheck and security.mediaCheckAsync, v2).
 * The production adapter is the same HTTPS client as WechatApi (api.weixin.qq.com, one
 * access_token); locally it talks to the WeChat API sandbox. Failures are WechatApiError
 * (messaging/ports/wechat-api.port).
 */

/** WeChat's scenes: 1 资料 (profile: nicknames, community names), 2 评论, 3 论坛 (listings), 4 社交日志 (chat). */
export type SecurityScene = 1 | 2 | 3 | 4

export const SCENES = { profile: 1, comment: 2, forum: 3, social: 4 } as const

/** WeChat's verdict: pass, review (人工复审) or risky. */
export type SecuritySuggest = 'pass' | 'review' | 'risky'

/**
 * WeChat's labels (命中标签枚举值): 100 正常, 10001 广告, 20001 时政, 20002 色情, 20003 辱骂,
 * 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他.
 */
export const SECURITY_LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
}

export interface SecurityVerdict {
  suggest: SecuritySuggest
  label: number
  /** WeChat's id for this check (the push of an image check carries it). */
  traceId: string
}

export interface TextCheckInput {
  /** The author's openid: WeChat requires one who used the mini-program in the last 2 hours. */
  openid: string
  scene: SecurityScene
  content: string
  /** Optional fields msgSecCheck v2 also checks (a listing's title, a nickname). */
  title?: string
  nickname?: string
}

export interface ImageCheckInput {
  openid: string
  scene: SecurityScene
  /** A URL WeChat can fetch the image from. */
  mediaUrl: string
}

/** An image check's result as WeChat pushes it (event wxa_media_check), verified and decrypted. */
export interface MediaCheckResult {
  traceId: string
  appid: string
  suggest: SecuritySuggest
  label: number
  /** WeChat's status code for the check: 0 success, anything else failed (e.g. could not fetch). */
  errcode: number
}

/** A message push as it reached the HTTP trigger: the query (signatures) and the raw body. */
export interface MessagePushRequest {
  query: Record<string, string | undefined>
  body: string
}

/** A verified (and, in 安全模式, decrypted) push: an image check's result, or another event. */
export type VerifiedPush =
  { kind: 'media-check'; result: MediaCheckResult } | { kind: 'other'; event: string }

/** Thrown when a push's signature does not verify or it cannot be decrypted: answer it nothing. */
export class PushSignatureError extends Error {}

export interface ContentSecurity {
  /** security.msgSecCheck v2 (wxa/msg_sec_check): the verdict on a text, synchronously. */
  checkText(input: TextCheckInput): Promise<SecurityVerdict>
  /** security.mediaCheckAsync v2 (wxa/media_check_async): the check's trace_id; the verdict arrives as a push. */
  checkImageAsync(input: ImageCheckInput): Promise<{ traceId: string }>
  /** Checks a message push's signature (plain or 安全模式) and reads it; PushSignatureError when it fails. */
  verifyPush(push: MessagePushRequest): VerifiedPush
  /** The answer to WeChat's server-URL check (GET with echostr), or null when its signature fails. */
  answerUrlCheck(query: Record<string, string | undefined>): string | null
}
