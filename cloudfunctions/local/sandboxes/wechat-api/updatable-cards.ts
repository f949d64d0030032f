import { randomBytes, randomInt } from 'node:crypto'
import { WxApiError } from './state'

/**
 * 动态消息 (updatable share cards) as WeChat models them: an activity_id from activityid/create
 * that expires (24 h by default), then cards in chats that show state 0 "成员正在加入，当前
 * {member_count}/{room_limit} 人" until state 1 "已开始", which is final. Every change is kept, so
 * the inbox page and `GET /control/cards` show what each shared card says now and how it got there.
 */

type Json = Record<string, unknown>

/** The parameters of one state (template_info.parameter_list, by name). */
export type CardParameters = Partial<
  Record<'member_count' | 'room_limit' | 'path' | 'version_type', string>
>

export interface CardChange {
  /** Sandbox time (epoch ms). */
  at: number
  /** `share`: what the sharer's client set in wx.updateShareMenu; `send`: updatablemsg/send. */
  via: 'share' | 'send'
  target_state: 0 | 1
  parameters: CardParameters
  /** Who shared (share only). */
  openid?: string
  label: string
}

export interface UpdatableCard {
  activity_id: string
  /** Given to activityid/create (私密消息: only this user may share it). */
  openid?: string
  unionid?: string
  createdAt: number
  expiresAt: number
  /** null: created, not yet shared or updated. */
  state: 0 | 1 | null
  /** The parameters the card shows now (counts for state 0, path and version for state 1). */
  parameters: CardParameters
  /** 邻圈's reading of the card: 在售 / 已预订 / 已售出 (see cardLabel). */
  label: string
  /** What WeChat itself prints on the card. */
  wechatText: string
  history: CardChange[]
}

/** WeChat's default lifetime of an activity_id. */
export const ACTIVITY_TTL_MS = 24 * 3600_000

const OPENID = /^[A-Za-z0-9_-]{6,64}$/
const NAMES = new Set(['member_count', 'room_limit', 'path', 'version_type'])
const REQUIRED: Record<0 | 1, (keyof CardParameters)[]> = {
  0: ['member_count', 'room_limit'],
  1: ['path', 'version_type'],
}
const VERSIONS = ['develop', 'trial', 'release']
const COUNT = /^(0|[1-9]\d{0,5})$/

const fail = (errcode: number, errmsg: string): never => {
  throw new WxApiError(errcode, errmsg)
}

/** 邻圈's three states: 0 with 0/1 在售, 0 with 1/1 已预订, 1 已售出; anything else WeChat's own text. */
export const cardLabel = (state: 0 | 1 | null, p: CardParameters): string => {
  if (state === null) return '未分享'
  if (state === 1) return '已售出'
  if (p.room_limit === '1' && p.member_count === '0') return '在售'
  if (p.room_limit === '1' && p.member_count === '1') return '已预订'
  return wechatText(state, p)
}

const wechatText = (state: 0 | 1 | null, p: CardParameters): string =>
  state === null
    ? ''
    : state === 1
      ? '已开始'
      : `成员正在加入，当前 ${p.member_count}/${p.room_limit} 人`

export class UpdatableCards {
  private cards = new Map<string, UpdatableCard>()

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = ACTIVITY_TTL_MS,
  ) {}

  /** GET /cgi-bin/message/wxopen/activityid/create?openid=&unionid= */
  create(q: URLSearchParams): { activity_id: string; expiration_time: number } {
    const openid = q.get('openid') ?? undefined
    const unionid = q.get('unionid') ?? undefined
    if (openid !== undefined && !OPENID.test(openid)) fail(40003, 'invalid openid')
    if (unionid !== undefined && !OPENID.test(unionid)) fail(40003, 'invalid unionid')
    const now = this.now()
    // Shaped like WeChat's (`966_NGiqKR2V…`), random so that nobody can guess another card's id.
    const id = `${randomInt(100, 1000)}_${randomBytes(48).toString('base64url')}`
    this.cards.set(id, {
      activity_id: id,
      ...(openid ? { openid } : {}),
      ...(unionid ? { unionid } : {}),
      createdAt: now,
      expiresAt: now + this.ttlMs,
      state: null,
      parameters: {},
      label: cardLabel(null, {}),
      wechatText: '',
      history: [],
    })
    return { activity_id: id, expiration_time: Math.floor((now + this.ttlMs) / 1000) }
  }

  /** POST /cgi-bin/message/wxopen/updatablemsg/send, checked as WeChat's errcode table reads. */
  send(b: Json): void {
    if (typeof b.activity_id !== 'string' || !b.activity_id)
      fail(47001, 'data format error: activity_id missing')
    const card = this.live(b.activity_id as string)
    const target = b.target_state
    if (target !== 0 && target !== 1) fail(47502, 'invalid target_state')
    // State 1 is final: WeChat allows no move out of it, not even to 1 again.
    if (card.state === 1) fail(47502, 'invalid target_state: the message is already in state 1')
    const parameters = parametersOf(b.template_info, target as 0 | 1)
    this.apply(card, { via: 'send', target_state: target as 0 | 1, parameters })
  }

  /**
   * What the sharer's client does with wx.updateShareMenu({ isUpdatableMessage, activityId,
   * templateInfo }) and the share sheet (sandbox control: a browser cannot share into WeChat).
   * The first share puts the card in state 0 with the given counts (default 0/1, 在售).
   */
  share(activityId: string, openid: string, counts: Json = {}): UpdatableCard {
    if (!OPENID.test(openid)) fail(40003, 'invalid openid')
    const card = this.live(activityId)
    if (card.openid && card.openid !== openid)
      fail(40003, 'this activity_id was created for another sharer')
    const parameters: CardParameters = {
      member_count: typeof counts.member_count === 'string' ? counts.member_count : '0',
      room_limit: typeof counts.room_limit === 'string' ? counts.room_limit : '1',
    }
    checkCounts(parameters)
    if (card.state === null) this.apply(card, { via: 'share', target_state: 0, parameters, openid })
    else
      card.history.push({
        at: this.now(),
        via: 'share',
        target_state: card.state,
        parameters: {},
        openid,
        label: card.label,
      })
    return card
  }

  list(): UpdatableCard[] {
    return [...this.cards.values()].sort((a, b) => b.createdAt - a.createdAt)
  }

  get(activityId: string): UpdatableCard | undefined {
    return this.cards.get(activityId)
  }

  exportState(): UpdatableCard[] {
    return this.list()
  }

  /** Checks the shape before replacing anything. */
  importState(cards: unknown): void {
    if (
      !Array.isArray(cards) ||
      !cards.every(
        (c) =>
          typeof c?.activity_id === 'string' &&
          Number.isFinite(c?.expiresAt) &&
          Array.isArray(c?.history),
      )
    )
      throw new Error('bad cards')
    this.cards = new Map((cards as UpdatableCard[]).map((c) => [c.activity_id, c]))
  }

  reset(): void {
    this.cards.clear()
  }

  /** An activity_id that exists (47501) and has not expired (47504) on the sandbox clock. */
  private live(activityId: string): UpdatableCard {
    const card = this.cards.get(activityId) ?? fail(47501, 'invalid activity_id')
    if (this.now() >= card.expiresAt) fail(47504, 'activity_id expired')
    return card
  }

  private apply(card: UpdatableCard, change: Omit<CardChange, 'at' | 'label'>): void {
    card.state = change.target_state
    card.parameters = { ...card.parameters, ...change.parameters }
    card.label = cardLabel(card.state, card.parameters)
    card.wechatText = wechatText(card.state, card.parameters)
    card.history.push({ ...change, at: this.now(), label: card.label })
  }
}

/** template_info.parameter_list: known names, string values, what the state needs. */
const parametersOf = (info: unknown, state: 0 | 1): CardParameters => {
  const list = (info as Json | undefined)?.parameter_list
  if (typeof info !== 'object' || info === null || !Array.isArray(list))
    fail(47001, 'data format error: template_info.parameter_list must be an array')
  const out: CardParameters = {}
  for (const entry of list as unknown[]) {
    const { name, value } = (entry ?? {}) as Json
    if (typeof name !== 'string' || !NAMES.has(name))
      fail(47001, `data format error: unknown parameter ${String(name)}`)
    // Developers report a number here answered 44002 rather than a format error.
    if (typeof value !== 'string') fail(44002, `empty post data: ${name} value must be a string`)
    out[name as keyof CardParameters] = value as string
  }
  for (const name of REQUIRED[state])
    if (!out[name]) fail(47001, `data format error: target_state ${state} needs ${name}`)
  const kept: CardParameters = Object.fromEntries(REQUIRED[state].map((n) => [n, out[n]]))
  if (state === 0) checkCounts(kept)
  else if (!VERSIONS.includes(kept.version_type!)) fail(47503, 'invalid version_type')
  return kept
}

/** Our reading of the counts (WeChat documents no rule): whole numbers, member_count ≤ room_limit. */
const checkCounts = (p: CardParameters): void => {
  if (!COUNT.test(p.member_count ?? '') || !COUNT.test(p.room_limit ?? ''))
    fail(47001, 'data format error: member_count and room_limit must be whole numbers')
  if (Number(p.room_limit) < 1 || Number(p.member_count) > Number(p.room_limit))
    fail(47001, 'data format error: need 0 ≤ member_count ≤ room_limit and room_limit ≥ 1')
}
