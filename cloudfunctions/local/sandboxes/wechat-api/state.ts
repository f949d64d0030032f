import { randomBytes } from 'node:crypto'
import { checkKeyword, type TemplateDef } from './templates'

/**
 * The WeChat server API's state as the sandbox models it: access tokens, one-time subscriptions,
 * the messages users received (服务通知) and the shipping infos uploaded. Every refusal is a
 * WxApiError carrying WeChat's errcode; a refused call changes nothing.
 */

export class WxApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`)
  }
}

type Json = Record<string, unknown>

/** A message in a user's 服务通知: a subscribe message, or one WeChat sends itself about shipping. */
export interface InboxMessage {
  msgid: number
  touser: string
  kind: 'subscribe' | 'shipping' | 'confirm-receive'
  template_id?: string
  title: string
  page?: string
  miniprogram_state?: string
  /** Keyword rows as the user sees them. */
  rows: { name: string; label: string; value: string }[]
  /** Sandbox time (epoch ms). */
  sentAt: number
}

export interface ShippingRecord {
  /** `tx:<transaction_id>` or `mch:<mchid>:<out_trade_no>`. */
  key: string
  order_key: Json
  logistics_type: number
  delivery_mode: number
  is_all_delivered?: boolean
  shipping_list: Json[]
  upload_time: string
  payer: { openid: string }
  /** Uploads after the first one (WeChat allows one 重新发货). */
  reshipments: number
  /** Sandbox time of the last accepted upload. */
  receivedAt: number
  /** The accepted confirm-receive reminder, if any (received_time in seconds). */
  confirmReceive?: { received_time: number; at: number }
}

export interface EngineState {
  subscriptions: Record<string, Record<string, number>>
  inbox: InboxMessage[]
  shipping: ShippingRecord[]
  msgSeq: number
}

export interface EngineOptions {
  appid: string
  secret: string
  now: () => number
  /** WeChat's access_token lifetime: 7200 s. */
  tokenTtlMs: number
  templates: TemplateDef[]
  /** Whether a paid order exists (10060001 otherwise); default: every order exists. */
  orderExists?: (key: { transaction_id?: string; mchid?: string; out_trade_no?: string }) => boolean
}

/** Both tokens stay valid this long after a new one is issued (WeChat's documented overlap). */
export const TOKEN_OVERLAP_MS = 5 * 60_000

const OPENID = /^[A-Za-z0-9_-]{6,64}$/
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
const STATES = ['developer', 'trial', 'formal']
const LOGISTICS = ['', '快递配送', '同城配送', '虚拟发货', '用户自提']

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0
const fail = (errcode: number, errmsg: string): never => {
  throw new WxApiError(errcode, errmsg)
}

export class Engine {
  /** /cgi-bin/token tokens → expiry. */
  private tokens = new Map<string, number>()
  /** The one /cgi-bin/stable_token token, kept apart from the others (WeChat: 完全隔离，互不影响). */
  private stable: { token: string; expiresAt: number } | undefined
  /** openid → template id → acceptances not yet used. */
  private subscriptions = new Map<string, Map<string, number>>()
  private inbox: InboxMessage[] = []
  private shipping = new Map<string, ShippingRecord>()
  private msgSeq = 0
  private readonly templates: Map<string, TemplateDef>

  constructor(private readonly o: EngineOptions) {
    this.templates = new Map(o.templates.map((t) => [t.id, t]))
  }

  /** GET /cgi-bin/token: a new token; older ones keep working for the overlap, then expire. */
  issueToken(q: URLSearchParams): { access_token: string; expires_in: number } {
    if (q.get('grant_type') !== 'client_credential') fail(40002, 'invalid grant_type')
    if (q.get('appid') !== this.o.appid) fail(40013, 'invalid appid')
    if (q.get('secret') !== this.o.secret) fail(40125, 'invalid appsecret')
    const now = this.o.now()
    for (const [t, exp] of this.tokens) {
      if (exp <= now) this.tokens.delete(t)
      else this.tokens.set(t, Math.min(exp, now + TOKEN_OVERLAP_MS))
    }
    const token = `sbx_${randomBytes(24).toString('base64url')}`
    this.tokens.set(token, now + this.o.tokenTtlMs)
    return { access_token: token, expires_in: Math.floor(this.o.tokenTtlMs / 1000) }
  }

  /**
   * POST /cgi-bin/stable_token: the same token for everyone until it expires, so many instances
   * can share it; `force_refresh` retires it at once and issues a new one.
   */
  issueStableToken(b: Json): { access_token: string; expires_in: number } {
    if (b.grant_type !== 'client_credential') fail(40002, 'invalid grant_type')
    if (b.appid !== this.o.appid) fail(40013, 'invalid appid')
    if (b.secret !== this.o.secret) fail(40125, 'invalid appsecret')
    if (b.force_refresh !== undefined && typeof b.force_refresh !== 'boolean')
      fail(47001, 'data format error: force_refresh')
    const now = this.o.now()
    if (b.force_refresh === true || !this.stable || this.stable.expiresAt <= now) {
      this.stable = {
        token: `sbx_stable_${randomBytes(24).toString('base64url')}`,
        expiresAt: now + this.o.tokenTtlMs,
      }
    }
    return {
      access_token: this.stable.token,
      expires_in: Math.floor((this.stable.expiresAt - now) / 1000),
    }
  }

  /** Checks the access_token query parameter as WeChat does (41001 / 40001 / 42001). */
  checkToken(token: string | null): void {
    if (!token) fail(41001, 'access_token missing')
    const exp = token === this.stable?.token ? this.stable.expiresAt : this.tokens.get(token!)
    if (exp === undefined) fail(40001, 'invalid credential, access_token is invalid or not latest')
    if (exp! <= this.o.now()) fail(42001, 'access_token expired')
  }

  /** Every token stops working at once (as after the secret is reset in the admin console). */
  invalidateTokens(): void {
    this.tokens.clear()
    this.stable = undefined
  }

  /** What wx.requestSubscribeMessage records when the user taps 允许: one acceptance per template. */
  subscribe(openid: string, templateIds: string[]): Record<string, number> {
    if (!OPENID.test(openid)) fail(40003, 'invalid openid')
    for (const id of templateIds)
      if (!this.templates.has(id)) fail(40037, `invalid template_id ${id}`)
    const mine = this.subscriptions.get(openid) ?? new Map<string, number>()
    for (const id of templateIds) mine.set(id, (mine.get(id) ?? 0) + 1)
    this.subscriptions.set(openid, mine)
    return this.subscriptionsOf(openid)
  }

  subscriptionsOf(openid: string): Record<string, number> {
    return Object.fromEntries(this.subscriptions.get(openid) ?? [])
  }

  /** POST /cgi-bin/message/subscribe/send: validates like WeChat, then uses up one acceptance. */
  sendSubscribeMessage(b: Json): { msgid: number } {
    if (!str(b.touser) || !OPENID.test(b.touser)) fail(40003, 'invalid openid')
    if (!str(b.template_id)) fail(40037, 'invalid template_id')
    const tpl = this.templates.get(b.template_id as string) ?? fail(40037, 'invalid template_id')
    const data = b.data
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      fail(47001, 'data format error')
    const rows: InboxMessage['rows'] = []
    for (const kw of tpl.keywords) {
      const entry = (data as Json)[kw.name]
      const value = typeof entry === 'object' && entry !== null ? (entry as Json).value : undefined
      const problem = checkKeyword(kw.name, value)
      if (problem) fail(47003, problem)
      rows.push({ name: kw.name, label: kw.label, value: value as string })
    }
    if (b.miniprogram_state !== undefined && !STATES.includes(b.miniprogram_state as string))
      fail(47003, 'argument invalid! miniprogram_state invalid')
    if (b.page !== undefined && (typeof b.page !== 'string' || b.page.length > 1024))
      fail(47003, 'argument invalid! page invalid')
    const mine = this.subscriptions.get(b.touser as string)
    const left = mine?.get(tpl.id) ?? 0
    if (left <= 0) fail(43101, 'user refuse to accept the msg')
    mine!.set(tpl.id, left - 1)
    const msg = this.deliver({
      touser: b.touser as string,
      kind: 'subscribe',
      template_id: tpl.id,
      title: tpl.title,
      page: b.page as string | undefined,
      miniprogram_state: (b.miniprogram_state as string | undefined) ?? 'formal',
      rows,
    })
    return { msgid: msg.msgid }
  }

  /** POST /wxa/sec/order/upload_shipping_info (发货信息录入). */
  uploadShippingInfo(b: Json): void {
    const orderKey = b.order_key
    if (typeof orderKey !== 'object' || orderKey === null || Array.isArray(orderKey))
      fail(47001, 'data format error: order_key')
    const key = this.shippingKey(orderKey as Json)
    const lt = b.logistics_type
    if (!Number.isInteger(lt) || (lt as number) < 1 || (lt as number) > 4)
      fail(10060005, '物流类型有误 (logistics_type 1-4)')
    const mode = b.delivery_mode
    if (mode !== 1 && mode !== 2) fail(268485224, '发货模式非法 (delivery_mode 1 or 2)')
    const list = b.shipping_list
    if (!Array.isArray(list)) fail(47001, 'data format error: shipping_list must be an array')
    const items = list as unknown[]
    if (items.length === 0) fail(10060014, '参数错误: shipping_list is empty')
    if (items.length > 15) fail(10060024, '物流信息列表太长')
    if (mode === 2 && lt !== 1) fail(10060006, '非快递发货时不允许分拆发货')
    if (mode === 2 && typeof b.is_all_delivered !== 'boolean')
      fail(10060007, '分拆发货模式时必须填写 is_all_delivered 字段')
    if (mode === 1 && items.length !== 1)
      fail(268485228, '统一发货模式下，物流信息列表长度必须为 1')
    for (const raw of items) {
      if (typeof raw !== 'object' || raw === null)
        fail(47001, 'data format error: shipping_list item')
      const it = raw as Json
      if (!str(it.item_desc)) fail(10060008, '商品描述 item_desc 不能为空')
      if ([...(it.item_desc as string)].length > 120) fail(10060009, '商品描述 item_desc 太长')
      if (lt === 1) {
        if (!str(it.tracking_no)) fail(268485226, '物流单号 tracking_no 不能为空')
        if ((it.tracking_no as string).length > 128) fail(10060026, '物流单号太长')
        if (!str(it.express_company)) fail(268485227, '物流公司编码 express_company 不能为空')
        if ((it.express_company as string).length > 128) fail(10060025, '物流公司编码太长')
        const contact = (it.contact ?? {}) as Json
        if (
          it.express_company === 'SF' &&
          !str(contact.consignor_contact) &&
          !str(contact.receiver_contact)
        ) {
          fail(10060014, '参数错误: 顺丰必须填写寄件人或收件人联系方式 contact')
        }
      }
    }
    if (
      !str(b.upload_time) ||
      !RFC3339.test(b.upload_time as string) ||
      Number.isNaN(Date.parse(b.upload_time as string))
    ) {
      fail(268485216, '上传时间非法，请按照 RFC 3339 格式填写')
    }
    const payer = b.payer as Json | undefined
    if (!payer || !str(payer.openid)) fail(10060014, '参数错误: payer.openid 不能为空')
    const prev = this.shipping.get(key)
    if (prev) {
      if (prev.confirmReceive) fail(10060004, '支付单处于不可发货的状态')
      if (Date.parse(b.upload_time as string) <= Date.parse(prev.upload_time))
        fail(10060023, '发货信息未更新，拒绝本次更新')
      if (prev.reshipments >= 1) fail(10060003, '支付单已使用重新发货机会')
    }
    const record: ShippingRecord = {
      key,
      order_key: orderKey as Json,
      logistics_type: lt as number,
      delivery_mode: mode as number,
      ...(typeof b.is_all_delivered === 'boolean' ? { is_all_delivered: b.is_all_delivered } : {}),
      shipping_list: items as Json[],
      upload_time: b.upload_time as string,
      payer: { openid: payer!.openid as string },
      reshipments: prev ? prev.reshipments + 1 : 0,
      receivedAt: this.o.now(),
    }
    this.shipping.set(key, record)
    // WeChat itself tells the buyer (发货消息), whatever our subscribe messages do.
    if (mode === 1 || b.is_all_delivered === true) {
      const first = items[0] as Json
      this.deliver({
        touser: record.payer.openid,
        kind: 'shipping',
        title: prev ? '发货信息已更新' : '订单发货提醒',
        rows: [
          { name: 'logistics', label: '配送方式', value: LOGISTICS[lt as number] },
          ...(str(first.express_company)
            ? [{ name: 'company', label: '快递公司', value: first.express_company as string }]
            : []),
          ...(str(first.tracking_no)
            ? [{ name: 'tracking', label: '运单号', value: first.tracking_no as string }]
            : []),
          {
            name: 'items',
            label: '商品',
            value: items.map((i) => (i as Json).item_desc).join('、'),
          },
        ],
      })
    }
  }

  /** POST /wxa/sec/order/notify_confirm_receive (确认收货提醒): once per order, courier only. */
  notifyConfirmReceive(b: Json): void {
    let key: string
    if (str(b.transaction_id)) key = `tx:${b.transaction_id}`
    else if (str(b.merchant_id) && str(b.merchant_trade_no))
      key = `mch:${b.merchant_id}:${b.merchant_trade_no}`
    else
      return fail(
        47001,
        'data format error: transaction_id or merchant_id + merchant_trade_no required',
      )
    const rt = b.received_time
    if (!Number.isInteger(rt)) fail(47001, 'data format error: received_time must be a timestamp')
    const record =
      this.shipping.get(key) ?? fail(10060001, '支付单不存在 (no shipping info uploaded)')
    if (record.logistics_type !== 1)
      fail(10060014, '参数错误: 只有物流类型为物流快递时才能进行提醒')
    // Not before the shipment's upload_time (发货时间, the caller's clock), not after WeChat's now.
    // Seconds: a millisecond value lands ~50 000 years ahead.
    const shippedSec = Math.floor(Date.parse(record.upload_time) / 1000)
    if ((rt as number) < shippedSec || (rt as number) > Math.floor(this.o.now() / 1000) + 60)
      fail(10060029, '签收时间不合理')
    if (record.confirmReceive) fail(10060023, '确认收货提醒已发送过 (each order once)')
    record.confirmReceive = { received_time: rt as number, at: this.o.now() }
    this.deliver({
      touser: record.payer.openid,
      kind: 'confirm-receive',
      title: '确认收货提醒',
      rows: [
        { name: 'received', label: '签收时间', value: formatCst((rt as number) * 1000) },
        { name: 'hint', label: '提示', value: '你的包裹已签收，请确认收货' },
      ],
    })
  }

  inboxOf(openid: string | null): InboxMessage[] {
    return (openid ? this.inbox.filter((m) => m.touser === openid) : this.inbox).slice().reverse()
  }

  shippingRecords(): ShippingRecord[] {
    return [...this.shipping.values()]
  }

  templateList(): TemplateDef[] {
    return [...this.templates.values()]
  }

  /** What survives a restart: subscriptions, inbox, shipping records (tokens do not: the adapter refreshes). */
  exportState(): EngineState {
    return {
      subscriptions: Object.fromEntries(
        [...this.subscriptions].map(([openid, m]) => [openid, Object.fromEntries(m)]),
      ),
      inbox: this.inbox,
      shipping: [...this.shipping.values()],
      msgSeq: this.msgSeq,
    }
  }

  /** Replaces the state; checks the shape first, so a bad file changes nothing. */
  importState(state: EngineState): void {
    if (typeof state !== 'object' || state === null) throw new Error('not a state object')
    const { subscriptions, inbox, shipping, msgSeq } = state
    if (typeof subscriptions !== 'object' || subscriptions === null)
      throw new Error('subscriptions missing')
    for (const m of Object.values(subscriptions)) {
      if (
        typeof m !== 'object' ||
        m === null ||
        !Object.values(m).every((n) => Number.isSafeInteger(n) && n >= 0)
      )
        throw new Error('bad subscriptions')
    }
    if (
      !Array.isArray(inbox) ||
      !inbox.every((m) => typeof m?.touser === 'string' && Array.isArray(m?.rows))
    )
      throw new Error('bad inbox')
    if (!Array.isArray(shipping) || !shipping.every((r) => typeof r?.key === 'string'))
      throw new Error('bad shipping')
    if (!Number.isSafeInteger(msgSeq) || msgSeq < 0) throw new Error('bad msgSeq')
    this.subscriptions = new Map(
      Object.entries(subscriptions).map(([openid, m]) => [openid, new Map(Object.entries(m))]),
    )
    this.inbox = inbox
    this.shipping = new Map(shipping.map((r) => [r.key, r]))
    this.msgSeq = msgSeq
  }

  reset(): void {
    this.tokens.clear()
    this.stable = undefined
    this.subscriptions.clear()
    this.inbox = []
    this.shipping.clear()
  }

  private shippingKey(k: Json): string {
    const t = k.order_number_type
    if (t !== 1 && t !== 2) fail(10060014, '参数错误: order_key.order_number_type must be 1 or 2')
    if (t === 2 && !str(k.transaction_id))
      fail(10060014, '参数错误: order_key.transaction_id 不能为空')
    if (t === 1 && (!str(k.mchid) || !str(k.out_trade_no)))
      fail(10060014, '参数错误: order_key.mchid and out_trade_no 不能为空')
    const exists = this.o.orderExists?.({
      transaction_id: k.transaction_id as string | undefined,
      mchid: k.mchid as string | undefined,
      out_trade_no: k.out_trade_no as string | undefined,
    })
    if (exists === false) fail(10060001, '支付单不存在')
    return t === 2 ? `tx:${k.transaction_id}` : `mch:${k.mchid}:${k.out_trade_no}`
  }

  private deliver(m: Omit<InboxMessage, 'msgid' | 'sentAt'>): InboxMessage {
    const msg: InboxMessage = { ...m, msgid: 2_000_000_000 + ++this.msgSeq, sentAt: this.o.now() }
    this.inbox.push(msg)
    return msg
  }
}

/** `2026年01月01日 08:00` in China Standard Time, as 服务通知 shows times. */
export const formatCst = (epochMs: number): string => {
  const d = new Date(epochMs + 8 * 3600_000).toISOString()
  return `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日 ${d.slice(11, 16)}`
}
