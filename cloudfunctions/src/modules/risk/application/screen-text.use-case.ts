import {
  checkContent,
  graverAction,
  type RiskCategory,
  type RiskHit,
} from '@shared/domain/content-risk'
import { RISK_CATEGORIES } from '@shared/domain/content-risk'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import type { TransactionOps } from '../../core/ports/document-store.port'
import { WechatApiError } from '../../messaging/ports/wechat-api.port'
import type { SecurityScene, SecurityVerdict } from '../ports/content-security.port'
import {
  ContentFlags,
  type ContentFlagRecord,
  type FlaggedKind,
} from '../domain/content-flag.record'

/** One piece of text to screen, named by where it sits in the input (title, patch.description). */
export interface TextField {
  path: string
  text: string | null | undefined
}

export interface ScreenRequest {
  /** The author's OPENID, for WeChat's check (null: WeChat is not asked). */
  openid: string | null
  scene: SecurityScene
  fields: TextField[]
  /** Lexicon categories the caller judges itself (the chat's own guard for 导流). */
  skip?: readonly RiskCategory[]
}

/** What may be written: as it is, with a notice, or held until a moderator looks. */
export interface Screening {
  action: 'pass' | 'warn' | 'review'
  hits: (RiskHit & { path: string })[]
  wechat: SecurityVerdict | null
  /** Shown to the author when the text passed with a warning or is held. */
  notice: string | null
}

export const BLOCKED_MESSAGE = '内容包含违禁信息，请修改后再发布'
export const HELD_NOTICE = '内容需要人工审核，审核通过前仅你自己可见'
export const WARN_NOTICE = '内容涉及需谨慎交易的物品，请如实描述并遵守平台规则'

const blocked = (path: string, categories: string[]) =>
  new AppError(ErrorCodes.CONTENT_BLOCKED, BLOCKED_MESSAGE, { path, categories })

/** WeChat's verdict, or null when it cannot be had: text is not refused because WeChat is down. */
const askWechat = async (
  deps: Pick<Deps, 'contentSecurity'>,
  openid: string,
  scene: SecurityScene,
  content: string,
): Promise<SecurityVerdict | null> => {
  try {
    return await deps.contentSecurity.checkText({ openid, scene, content })
  } catch (e) {
    if (!(e instanceof WechatApiError && e.kind === 'not-configured'))
      console.warn('[risk] msgSecCheck unavailable, lexicon only:', (e as Error).message)
    return null
  }
}

/**
 * Screens user text before it is written: the local lexicon first (shared/domain/content-risk;
 * a block answers CONTENT.BLOCKED and nothing is written), then WeChat's msgSecCheck v2 on what
 * the lexicon let through (risky blocks, review holds). Held and warned text is written with a
 * flag (`flagFor`) the moderation queue reads.
 */
export const screenText = async (
  deps: Pick<Deps, 'contentSecurity'>,
  request: ScreenRequest,
): Promise<Screening> => {
  const fields = request.fields.filter((f): f is { path: string; text: string } => !!f.text?.trim())
  let action: Screening['action'] = 'pass'
  const hits: Screening['hits'] = []
  for (const field of fields) {
    const verdict = checkContent(field.text, { skip: request.skip })
    if (verdict.action === 'block') {
      const categories = verdict.hits.filter((h) => h.action === 'block').map((h) => h.category)
      throw blocked(
        field.path,
        [...new Set(categories)].map((c) => RISK_CATEGORIES[c]),
      )
    }
    if (verdict.action !== 'pass') action = graverAction(action, verdict.action)
    hits.push(...verdict.hits.map((h) => ({ ...h, path: field.path })))
  }
  let wechat: SecurityVerdict | null = null
  if (request.openid && fields.length) {
    // One call for the whole text: WeChat charges and limits per call.
    wechat = await askWechat(
      deps,
      request.openid,
      request.scene,
      fields.map((f) => f.text).join('\n'),
    )
    if (wechat?.suggest === 'risky') throw blocked(fields[0]!.path, [])
    if (wechat?.suggest === 'review') action = 'review'
  }
  const notice = action === 'review' ? HELD_NOTICE : action === 'warn' ? WARN_NOTICE : null
  return { action, hits, wechat, notice }
}

/** The flag a held or warned screening leaves on what was written; null when it passed. */
export const flagFor = (
  deps: Pick<Deps, 'ids' | 'clock'>,
  screening: Screening,
  target: { kind: FlaggedKind; targetId: string; userId: string },
): ContentFlagRecord | null => {
  if (screening.action === 'pass') return null
  return {
    _id: deps.ids.next(),
    ...target,
    source: screening.wechat && screening.wechat.suggest !== 'pass' ? 'wechat-text' : 'lexicon',
    action: screening.action,
    hits: screening.hits,
    wechat: screening.wechat && {
      suggest: screening.wechat.suggest,
      label: screening.wechat.label,
      traceId: screening.wechat.traceId,
    },
    status: 'open',
    createdAt: deps.clock.now(),
  }
}

/**
 * Writes a flag, in the caller's transaction where there is one (with the listing or message it is
 * about), or straight after the write it is about.
 */
export const saveFlag = async (
  writer: Pick<TransactionOps, 'insert'>,
  flag: ContentFlagRecord | null,
) => {
  if (flag) await writer.insert(ContentFlags, flag)
}

/** Open flags on one thing (a listing, a photo, a message, a user), newest first: what the report triage reads. */
export const openFlagsOn = async (deps: Pick<Deps, 'store'>, targetId: string) =>
  (
    await deps.store.find(
      ContentFlags,
      { targetId, status: 'open' },
      { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 },
    )
  ).items
