import { createHash } from 'node:crypto'
import { Books, type BooksState, NotEnough } from './books'
import type { SandboxClock } from '../sandbox-clock'
import { oaepDecrypt } from './crypto'
import type { Notifier } from './notifier'
import { rfc3339 } from './notifier'

/**
 * The sandbox's merchant state and rules: applyments, partner JSAPI transactions, ecommerce
 * profit sharing, returns, refunds and withdrawals. Every state change is keyed by the caller's
 * out_* number: a repeat with the same body answers the first result and moves no money.
 */

/** A WeChat API v3 error: HTTP status plus `{ code, message }`. */
export class WxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const APPLYMENT_STATES = ['CHECKING', 'ACCOUNT_NEED_VERIFY', 'NEED_SIGN', 'FINISH'] as const
/** The reject_reason of an applyment whose id-card name contains 驳回, worded as WeChat Pay's audit. */
export const ID_NAME_MISMATCH = '身份证姓名与号码不一致，请核对后重新提交'

interface Applyment {
  applyment_id: number
  out_request_no: string
  stage: number
  stageSince: number
  rejected?: string
  sub_mchid?: string
  merchant_shortname: string
}

interface Transaction {
  sp_appid: string
  sp_mchid: string
  sub_mchid: string
  out_trade_no: string
  description: string
  notify_url: string
  total: number
  currency: string
  sp_openid: string
  profit_sharing: boolean
  time_expire?: number
  attach?: string
  prepay_id: string
  bodyHash: string
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'
  transaction_id?: string
  success_time?: number
  /** Still frozen for this transaction (profit sharing). */
  frozen: number
  refunded: number
  sharingFinished: boolean
}

interface SharingOrder {
  sub_mchid: string
  transaction_id: string
  out_order_no: string
  order_id: string
  bodyHash: string
  kind: 'share' | 'finish'
  amount: number
  returned: number
  receivers: { type: string; receiver_account: string; amount: number; description: string }[]
  finish_time: number
  finishAmount: number
}

interface ReturnOrder {
  sub_mchid: string
  order_id: string
  out_order_no: string
  out_return_no: string
  return_no: string
  return_mchid: string
  amount: number
  description: string
  finish_time: number
  bodyHash: string
}

interface Refund {
  refund_id: string
  out_refund_no: string
  sub_mchid: string
  out_trade_no: string
  transaction_id: string
  amount: number
  total: number
  reason?: string
  notify_url?: string
  status: 'PROCESSING' | 'SUCCESS'
  create_time: number
  success_time?: number
  bodyHash: string
}

interface Withdrawal {
  sub_mchid: string
  out_request_no: string
  withdraw_id: string
  amount: number
  remark?: string
  bank_memo?: string
  create_time: number
  bodyHash: string
}

export interface EngineOptions {
  spMchid: string
  clock: SandboxClock
  notifier: Notifier
  platformPrivateKey: string
  /** Sandbox time each applyment stage takes before moving on (default 60 s). */
  applymentStepMs: number
  /** Sandbox time between a refund's acceptance and its success notification (default 5 s). */
  refundDelayMs: number
  /** Sub-merchants that exist without an applyment. */
  knownSubMchids: string[]
  /** The platform's 垫付 deposit for advance refunds (先行赔付). */
  advanceDepositFen: number
}

type Json = Record<string, unknown>

/**
 * Everything WeChat would remember, as plain JSON (what `Engine.exportState` writes and
 * `importState` reads). The prepay_id / transaction_id indexes are not saved: they are rebuilt.
 */
export interface EngineState {
  version: 1
  seq: number
  subMchids: string[]
  applyments: Applyment[]
  transactions: Transaction[]
  sharing: SharingOrder[]
  returns: ReturnOrder[]
  refunds: Refund[]
  withdrawals: Withdrawal[]
  books: BooksState
}

export class Engine {
  readonly books: Books
  private readonly applyments = new Map<string, Applyment>()
  private readonly subMchids = new Set<string>()
  private readonly transactions = new Map<string, Transaction>()
  private readonly byPrepay = new Map<string, Transaction>()
  private readonly byTransactionId = new Map<string, Transaction>()
  private readonly sharing = new Map<string, SharingOrder>()
  private readonly returns = new Map<string, ReturnOrder>()
  private readonly refunds = new Map<string, Refund>()
  private readonly withdrawals = new Map<string, Withdrawal>()
  private seq = 0

  constructor(private readonly o: EngineOptions) {
    this.books = new Books(o.advanceDepositFen)
    for (const s of o.knownSubMchids) this.subMchids.add(s)
  }

  private next() {
    return ++this.seq
  }

  private id(prefix: string, width = 20) {
    const n = String(this.next())
    const stamp = new Date(this.o.clock.now()).toISOString().slice(0, 10).replace(/-/g, '')
    return `${prefix}${stamp}${n.padStart(width - prefix.length - 8, '0')}`
  }

  registerSubMerchant(subMchid: string) {
    this.subMchids.add(subMchid)
  }

  // ---------------------------------------------------------------- persistence

  exportState(): EngineState {
    // structuredClone: the saved state must not change when later calls mutate the records.
    return structuredClone({
      version: 1 as const,
      seq: this.seq,
      subMchids: [...this.subMchids],
      applyments: [...this.applyments.values()],
      transactions: [...this.transactions.values()],
      sharing: [...this.sharing.values()],
      returns: [...this.returns.values()],
      refunds: [...this.refunds.values()],
      withdrawals: [...this.withdrawals.values()],
      books: this.books.exportState(),
    })
  }

  /**
   * Replaces the state with a saved one (after a restart). Refunds still PROCESSING get their
   * success scheduled again for what is left of their delay; applyments need nothing, since they
   * advance by elapsed time whenever they are looked at. Throws, changing nothing, on a bad state.
   */
  importState(state: EngineState) {
    if (typeof state !== 'object' || state === null || state.version !== 1)
      throw new Error('saved sandbox state: unknown version')
    if (!Number.isSafeInteger(state.seq) || state.seq < 0)
      throw new Error('saved sandbox state: bad seq')
    const keyed = <T>(
      list: T[],
      what: string,
      key: keyof T & string,
      also: (keyof T & string)[] = [],
    ) => {
      if (!Array.isArray(list)) throw new Error(`saved sandbox state: ${what} is not a list`)
      const out = new Map<string, T>()
      for (const item of list) {
        if (typeof item !== 'object' || item === null)
          throw new Error(`saved sandbox state: a ${what} entry is not an object`)
        for (const k of [key, ...also])
          if (typeof item[k] !== 'string')
            throw new Error(`saved sandbox state: a ${what} entry has no ${k}`)
        out.set(item[key] as string, structuredClone(item))
      }
      return out
    }
    if (!Array.isArray(state.subMchids) || state.subMchids.some((s) => typeof s !== 'string'))
      throw new Error('saved sandbox state: bad subMchids')
    const applyments = keyed(state.applyments, 'applyment', 'out_request_no')
    const transactions = keyed(state.transactions, 'transaction', 'out_trade_no', [
      'prepay_id',
      'sub_mchid',
      'state',
    ])
    const sharing = keyed(state.sharing, 'sharing order', 'out_order_no', [
      'sub_mchid',
      'transaction_id',
    ])
    const returns = keyed(state.returns, 'return order', 'out_return_no', ['sub_mchid'])
    const refunds = keyed(state.refunds, 'refund', 'out_refund_no', ['sub_mchid', 'status'])
    const withdrawals = keyed(state.withdrawals, 'withdrawal', 'out_request_no', ['sub_mchid'])
    // Books last among the checks: it is the only part that can still refuse.
    this.books.importState(state.books)
    this.seq = state.seq
    // Sub-merchants given in the options stay known even if the file predates them.
    for (const s of state.subMchids) this.subMchids.add(s)
    const replace = <T>(target: Map<string, T>, from: Map<string, T>) => {
      target.clear()
      for (const [k, v] of from) target.set(k, v)
    }
    replace(this.applyments, applyments)
    replace(this.transactions, transactions)
    replace(this.sharing, sharing)
    replace(this.returns, returns)
    replace(this.refunds, refunds)
    replace(this.withdrawals, withdrawals)
    this.byPrepay.clear()
    this.byTransactionId.clear()
    for (const t of transactions.values()) {
      this.byPrepay.set(t.prepay_id, t)
      if (t.transaction_id) this.byTransactionId.set(t.transaction_id, t)
    }
    for (const r of refunds.values())
      if (r.status === 'PROCESSING')
        this.scheduleRefundSuccess(r, r.create_time + this.o.refundDelayMs - this.o.clock.now())
  }

  // ---------------------------------------------------------------- applyments (二级商户进件)

  submitApplyment(body: Json, signedSerial: string | undefined, platformSerial: string): Json {
    const out_request_no = str(body, 'out_request_no', 1, 124)
    const existing = this.applyments.get(out_request_no)
    if (existing) return { applyment_id: existing.applyment_id, out_request_no }
    const orgType = str(body, 'organization_type', 1, 8)
    const idCard = obj(body, 'id_card_info')
    const account = obj(body, 'account_info')
    const contact = (body.contact_info as Json | undefined) ?? {}
    if (!signedSerial || signedSerial.toUpperCase() !== platformSerial)
      throw new WxError(
        400,
        'PARAM_ERROR',
        '请求头 Wechatpay-Serial 须为加密敏感信息所用的平台证书序列号',
      )
    // Sensitive fields are RSA-OAEP encrypted to the platform certificate; decrypting proves it.
    // The plaintext is only used for the deterministic rules below and is never logged or kept.
    const decrypt = (o: Json, key: string, required = true) => {
      const v = o[key]
      if (v === undefined && !required) return undefined
      if (typeof v !== 'string' || !v) throw new WxError(400, 'PARAM_ERROR', `缺少敏感字段 ${key}`)
      try {
        return oaepDecrypt(v, this.o.platformPrivateKey)
      } catch {
        throw new WxError(400, 'PARAM_ERROR', `敏感字段 ${key} 未用平台证书加密或解密失败`)
      }
    }
    const idName = decrypt(idCard, 'id_card_name')!
    const idNumber = decrypt(idCard, 'id_card_number')!
    decrypt(account, 'account_name')
    decrypt(account, 'account_number')
    decrypt(contact, 'contact_name', false)
    decrypt(contact, 'mobile_phone', false)
    let rejected: string | undefined
    if (!['2401', '2500', '4', '2', '3', '1708'].includes(orgType)) rejected = '主体类型不支持'
    // The sandbox's rule for a rejection (a name containing 驳回, see README); the reason reads as
    // WeChat's own, because the app shows it to the seller as it comes.
    else if (idName.includes('驳回')) rejected = ID_NAME_MISMATCH
    else if (!/^\d{17}[\dXx]$/.test(idNumber)) rejected = '身份证号码格式不正确'
    const a: Applyment = {
      applyment_id: 2000000000000000 + this.next(),
      out_request_no,
      stage: 0,
      stageSince: this.o.clock.now(),
      rejected,
      merchant_shortname:
        typeof body.merchant_shortname === 'string' ? body.merchant_shortname : '',
    }
    this.applyments.set(out_request_no, a)
    return { applyment_id: a.applyment_id, out_request_no }
  }

  /** Moves an applyment along with time: each stage lasts applymentStepMs. */
  private settleApplyment(a: Applyment, force = false) {
    const step = this.o.applymentStepMs
    const last = a.rejected ? 1 : APPLYMENT_STATES.length - 1
    const advance = () => {
      a.stage += 1
      if (!a.rejected && a.stage === last) {
        a.sub_mchid = String(1900100000 + a.applyment_id - 2000000000000000)
        this.subMchids.add(a.sub_mchid)
      }
    }
    while (a.stage < last && this.o.clock.now() - a.stageSince >= step) {
      a.stageSince += step
      advance()
    }
    if (force && a.stage < last) {
      a.stageSince = this.o.clock.now()
      advance()
    }
  }

  /** Control endpoint: moves an applyment to its next state now. */
  advanceApplyment(out_request_no: string): Json {
    const a = this.applyments.get(out_request_no)
    if (!a) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '申请单不存在')
    this.settleApplyment(a, true)
    return this.queryApplyment(out_request_no)
  }

  queryApplyment(out_request_no: string): Json {
    const a = this.applyments.get(out_request_no)
    if (!a) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '申请单不存在')
    this.settleApplyment(a)
    const state = a.rejected && a.stage >= 1 ? 'REJECTED' : APPLYMENT_STATES[a.stage]
    const desc: Record<string, string> = {
      CHECKING: '资料校验中',
      ACCOUNT_NEED_VERIFY: '待账户验证',
      NEED_SIGN: '待签约',
      FINISH: '完成',
      REJECTED: '已驳回',
    }
    const out: Json = {
      applyment_state: state,
      applyment_state_desc: desc[state],
      applyment_id: a.applyment_id,
      out_request_no,
      sign_state:
        state === 'FINISH' ? 'SIGNED' : state === 'NEED_SIGN' ? 'UNSIGNED' : 'NOT_SIGNABLE',
    }
    if (state === 'REJECTED')
      out.audit_detail = [
        { field: 'id_card_name', field_name: '身份证姓名', reject_reason: a.rejected },
      ]
    if (state === 'ACCOUNT_NEED_VERIFY')
      out.account_validation = {
        pay_amount: 1,
        destination_account_number: '7222223333322332',
        // What WeChat would send: the app shows these on its own page, so no sandbox words in them.
        destination_account_name: '财付通支付科技有限公司',
        destination_account_bank: '招商银行深圳分行大冲支行',
        city: '深圳市',
        remark: `账户验证 ${a.applyment_id}`,
        deadline: rfc3339(a.stageSince + 7 * 86400_000),
      }
    if (state === 'NEED_SIGN')
      out.sign_url = `https://pay.weixin.qq.com/public/apply4ec_sign/s?applymentId=${a.applyment_id}&sandbox=1`
    if (state === 'FINISH') out.sub_mchid = a.sub_mchid
    return out
  }

  // ---------------------------------------------------------------- partner JSAPI transactions

  createJsapi(body: Json): Json {
    const out_trade_no = tradeNo(body, 'out_trade_no')
    const hash = hashOf(body)
    const existing = this.transactions.get(out_trade_no)
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        throw new WxError(400, 'ORDERPAID', '该订单已支付')
      if (existing.state === 'CLOSED') throw new WxError(400, 'ORDER_CLOSED', '该订单已关闭')
      if (existing.bodyHash !== hash)
        throw new WxError(400, 'INVALID_REQUEST', '商户订单号重复（201），请求参数与首次不一致')
      return { prepay_id: existing.prepay_id }
    }
    const sp_mchid = str(body, 'sp_mchid', 1, 32)
    if (sp_mchid !== this.o.spMchid)
      throw new WxError(400, 'PARAM_ERROR', 'sp_mchid 与请求签名的商户号不一致')
    const sub_mchid = this.knownSub(str(body, 'sub_mchid', 1, 32))
    const amount = obj(body, 'amount')
    const total = int(amount, 'total', 1, 10_000_000_00)
    const currency = amount.currency === undefined ? 'CNY' : amount.currency
    if (currency !== 'CNY') throw new WxError(400, 'PARAM_ERROR', 'amount.currency 仅支持 CNY')
    const payer = obj(body, 'payer')
    const sp_openid =
      typeof payer.sp_openid === 'string'
        ? payer.sp_openid
        : typeof payer.sub_openid === 'string'
          ? payer.sub_openid
          : ''
    if (!sp_openid)
      throw new WxError(400, 'PARAM_ERROR', 'payer.sp_openid 与 payer.sub_openid 必填其一')
    const settle = (body.settle_info as Json | undefined) ?? {}
    let time_expire: number | undefined
    if (body.time_expire !== undefined) {
      time_expire =
        typeof body.time_expire === 'string' &&
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(body.time_expire)
          ? Date.parse(body.time_expire)
          : NaN
      if (!Number.isFinite(time_expire))
        throw new WxError(400, 'PARAM_ERROR', 'time_expire 须为 RFC 3339 格式')
    }
    const notify_url = str(body, 'notify_url', 1, 256)
    if (!/^https?:\/\/[^\s?#]+$/.test(notify_url))
      throw new WxError(400, 'PARAM_ERROR', 'notify_url 须为不带参数的 http(s) 地址')
    const t: Transaction = {
      sp_appid: str(body, 'sp_appid', 1, 32),
      sp_mchid,
      sub_mchid,
      out_trade_no,
      description: str(body, 'description', 1, 127),
      notify_url,
      total,
      currency,
      sp_openid,
      profit_sharing: settle.profit_sharing === true,
      time_expire,
      attach: typeof body.attach === 'string' ? body.attach : undefined,
      prepay_id: `wx${this.id('', 32)}`,
      bodyHash: hash,
      state: 'NOTPAY',
      frozen: 0,
      refunded: 0,
      sharingFinished: false,
    }
    this.transactions.set(out_trade_no, t)
    this.byPrepay.set(t.prepay_id, t)
    return { prepay_id: t.prepay_id }
  }

  transactionByPrepay(prepay_id: string) {
    return this.byPrepay.get(prepay_id)
  }

  private tx(out_trade_no: string, sub_mchid?: string): Transaction {
    const t = this.transactions.get(out_trade_no)
    if (!t || (sub_mchid !== undefined && t.sub_mchid !== sub_mchid))
      throw new WxError(404, 'ORDER_NOT_EXIST', '订单不存在')
    return t
  }

  /** The buyer confirms on the cashier: SUCCESS, money frozen, notification scheduled. */
  pay(out_trade_no: string): Json {
    const t = this.tx(out_trade_no)
    if (t.state === 'SUCCESS' || t.state === 'REFUND')
      throw new WxError(400, 'ORDERPAID', '该订单已支付')
    if (t.state === 'CLOSED') throw new WxError(400, 'ORDER_CLOSED', '该订单已关闭')
    if (t.time_expire !== undefined && this.o.clock.now() > t.time_expire)
      throw new WxError(400, 'ORDER_CLOSED', '订单已过支付期限')
    t.state = 'SUCCESS'
    t.transaction_id = this.id('42000', 28)
    t.success_time = this.o.clock.now()
    this.byTransactionId.set(t.transaction_id, t)
    this.books.pay(t.sub_mchid, t.total, t.profit_sharing)
    t.frozen = t.profit_sharing ? t.total : 0
    t.sharingFinished = !t.profit_sharing
    const view = this.transactionView(t)
    this.o.notifier.notify(t.notify_url, 'TRANSACTION.SUCCESS', '支付成功', 'transaction', view)
    return view
  }

  queryTransaction(out_trade_no: string, sub_mchid: string | null): Json {
    if (!sub_mchid) throw new WxError(400, 'PARAM_ERROR', '缺少参数 sub_mchid')
    return this.transactionView(this.tx(out_trade_no, sub_mchid))
  }

  private transactionView(t: Transaction): Json {
    const paid = t.state === 'SUCCESS' || t.state === 'REFUND'
    const desc = { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[
      t.state
    ]
    return {
      sp_appid: t.sp_appid,
      sp_mchid: t.sp_mchid,
      sub_mchid: t.sub_mchid,
      out_trade_no: t.out_trade_no,
      ...(paid
        ? {
            transaction_id: t.transaction_id,
            bank_type: 'OTHERS',
            success_time: rfc3339(t.success_time!),
          }
        : {}),
      trade_type: 'JSAPI',
      trade_state: t.state,
      trade_state_desc: desc,
      ...(t.attach !== undefined ? { attach: t.attach } : {}),
      payer: { sp_openid: t.sp_openid },
      amount: {
        total: t.total,
        currency: t.currency,
        ...(paid ? { payer_total: t.total, payer_currency: t.currency } : {}),
      },
    }
  }

  closeTransaction(out_trade_no: string, body: Json): void {
    const sub_mchid = str(body, 'sub_mchid', 1, 32)
    if (str(body, 'sp_mchid', 1, 32) !== this.o.spMchid)
      throw new WxError(400, 'PARAM_ERROR', 'sp_mchid 不正确')
    const t = this.tx(out_trade_no, sub_mchid)
    if (t.state === 'SUCCESS' || t.state === 'REFUND')
      throw new WxError(400, 'ORDERPAID', '该订单已支付，不能关闭')
    t.state = 'CLOSED'
  }

  // ---------------------------------------------------------------- profit sharing

  private txById(sub_mchid: string, transaction_id: string): Transaction {
    const t = this.byTransactionId.get(transaction_id)
    if (!t || t.sub_mchid !== sub_mchid)
      throw new WxError(404, 'RESOURCE_NOT_EXISTS', '微信订单不存在')
    return t
  }

  createSharingOrder(body: Json): Json {
    const sub_mchid = str(body, 'sub_mchid', 1, 32)
    const out_order_no = tradeNo(body, 'out_order_no', 64)
    const hash = hashOf(body)
    const existing = this.sharing.get(out_order_no)
    if (existing) {
      if (
        existing.sub_mchid !== sub_mchid ||
        existing.bodyHash !== hash ||
        existing.kind !== 'share'
      )
        throw new WxError(400, 'INVALID_REQUEST', '商户分账单号重复，请求参数与首次不一致')
      return this.sharingView(existing)
    }
    const t = this.txById(sub_mchid, str(body, 'transaction_id', 1, 32))
    if (!t.profit_sharing) throw new WxError(400, 'INVALID_REQUEST', '该订单支付时未设置分账')
    if (t.sharingFinished)
      throw new WxError(400, 'INVALID_REQUEST', '该订单已完结分账，剩余资金已解冻')
    if (!Array.isArray(body.receivers) || body.receivers.length === 0 || body.receivers.length > 50)
      throw new WxError(400, 'PARAM_ERROR', 'receivers 须为 1–50 个接收方')
    const receivers = (body.receivers as unknown[]).map((r) => {
      if (typeof r !== 'object' || r === null)
        throw new WxError(400, 'PARAM_ERROR', 'receivers 格式错误')
      const rr = r as Json
      const type = str(rr, 'type', 1, 32)
      const receiver_account = str(rr, 'receiver_account', 1, 64)
      if (type !== 'MERCHANT_ID' || receiver_account !== this.o.spMchid)
        throw new WxError(400, 'PARAM_ERROR', '分账接收方不存在（沙箱只支持电商平台商户号本身）')
      return {
        type,
        receiver_account,
        amount: int(rr, 'amount', 1, 10_000_000_00),
        description: str(rr, 'description', 1, 80),
      }
    })
    const amount = receivers.reduce((s, r) => s + r.amount, 0)
    if (amount > t.frozen) throw new WxError(403, 'NOT_ENOUGH', '分账金额超过订单待分账金额')
    this.books.share(t.sub_mchid, amount)
    t.frozen -= amount
    let finishAmount = 0
    if (body.finish === true) {
      finishAmount = t.frozen
      this.books.unfreeze(t.sub_mchid, finishAmount)
      t.frozen = 0
      t.sharingFinished = true
    }
    const o: SharingOrder = {
      sub_mchid,
      transaction_id: t.transaction_id!,
      out_order_no,
      order_id: this.id('3008', 30),
      bodyHash: hash,
      kind: 'share',
      amount,
      returned: 0,
      receivers,
      finish_time: this.o.clock.now(),
      finishAmount,
    }
    this.sharing.set(out_order_no, o)
    return this.sharingView(o)
  }

  querySharingOrder(q: URLSearchParams): Json {
    const o = this.sharing.get(q.get('out_order_no') ?? '')
    if (!o || o.sub_mchid !== q.get('sub_mchid') || o.transaction_id !== q.get('transaction_id'))
      throw new WxError(404, 'RESOURCE_NOT_EXISTS', '分账单不存在')
    return this.sharingView(o)
  }

  private sharingView(o: SharingOrder): Json {
    return {
      sub_mchid: o.sub_mchid,
      transaction_id: o.transaction_id,
      out_order_no: o.out_order_no,
      order_id: o.order_id,
      status: 'FINISHED',
      receivers: [
        ...o.receivers.map((r) => ({
          receiver_mchid: r.receiver_account,
          amount: r.amount,
          description: r.description,
          result: 'SUCCESS',
          finish_time: rfc3339(o.finish_time),
          type: r.type,
          receiver_account: r.receiver_account,
        })),
        ...(o.kind === 'finish' || o.finishAmount > 0
          ? [
              {
                receiver_mchid: o.sub_mchid,
                amount: o.finishAmount,
                description: '解冻给分账方',
                result: 'SUCCESS',
                finish_time: rfc3339(o.finish_time),
                type: 'MERCHANT_ID',
                receiver_account: o.sub_mchid,
              },
            ]
          : []),
      ],
    }
  }

  finishSharing(body: Json): Json {
    const sub_mchid = str(body, 'sub_mchid', 1, 32)
    const out_order_no = tradeNo(body, 'out_order_no', 64)
    const transaction_id = str(body, 'transaction_id', 1, 32)
    const existing = this.sharing.get(out_order_no)
    if (existing) {
      if (
        existing.kind !== 'finish' ||
        existing.sub_mchid !== sub_mchid ||
        existing.transaction_id !== transaction_id
      )
        throw new WxError(400, 'INVALID_REQUEST', '商户分账单号重复，请求参数与首次不一致')
      return { sub_mchid, transaction_id, out_order_no, order_id: existing.order_id }
    }
    const t = this.txById(sub_mchid, transaction_id)
    if (!t.profit_sharing) throw new WxError(400, 'INVALID_REQUEST', '该订单支付时未设置分账')
    if (t.sharingFinished) throw new WxError(400, 'INVALID_REQUEST', '该订单已完结分账')
    const finishAmount = t.frozen
    this.books.unfreeze(t.sub_mchid, finishAmount)
    t.frozen = 0
    t.sharingFinished = true
    const o: SharingOrder = {
      sub_mchid,
      transaction_id,
      out_order_no,
      order_id: this.id('3008', 30),
      bodyHash: hashOf(body),
      kind: 'finish',
      amount: 0,
      returned: 0,
      receivers: [],
      finish_time: this.o.clock.now(),
      finishAmount,
    }
    this.sharing.set(out_order_no, o)
    return { sub_mchid, transaction_id, out_order_no, order_id: o.order_id }
  }

  createReturnOrder(body: Json): Json {
    const sub_mchid = str(body, 'sub_mchid', 1, 32)
    const out_return_no = tradeNo(body, 'out_return_no', 64)
    const hash = hashOf(body)
    const existing = this.returns.get(out_return_no)
    if (existing) {
      if (existing.bodyHash !== hash)
        throw new WxError(400, 'INVALID_REQUEST', '商户回退单号重复，请求参数与首次不一致')
      return this.returnView(existing)
    }
    const out_order_no = typeof body.out_order_no === 'string' ? body.out_order_no : undefined
    const order_id = typeof body.order_id === 'string' ? body.order_id : undefined
    const o = out_order_no
      ? this.sharing.get(out_order_no)
      : [...this.sharing.values()].find((s) => s.order_id === order_id)
    if (!o || o.sub_mchid !== sub_mchid || o.kind !== 'share')
      throw new WxError(404, 'RESOURCE_NOT_EXISTS', '分账单不存在')
    const return_mchid = str(body, 'return_mchid', 1, 32)
    if (return_mchid !== this.o.spMchid)
      throw new WxError(400, 'PARAM_ERROR', 'return_mchid 须为分账接收方（电商平台）商户号')
    const amount = int(body, 'amount', 1, 10_000_000_00)
    if (amount > o.amount - o.returned)
      throw new WxError(403, 'NOT_ENOUGH', '回退金额超过可回退金额')
    try {
      this.books.returnShare(sub_mchid, amount)
    } catch (e) {
      if (e instanceof NotEnough) throw new WxError(403, 'NOT_ENOUGH', '回退方余额不足')
      throw e
    }
    o.returned += amount
    const r: ReturnOrder = {
      sub_mchid,
      order_id: o.order_id,
      out_order_no: o.out_order_no,
      out_return_no,
      return_no: this.id('3008', 30),
      return_mchid,
      amount,
      description: str(body, 'description', 1, 80),
      finish_time: this.o.clock.now(),
      bodyHash: hash,
    }
    this.returns.set(out_return_no, r)
    return this.returnView(r)
  }

  queryReturnOrder(q: URLSearchParams): Json {
    const r = this.returns.get(q.get('out_return_no') ?? '')
    if (!r || r.sub_mchid !== q.get('sub_mchid'))
      throw new WxError(404, 'RESOURCE_NOT_EXISTS', '回退单不存在')
    return this.returnView(r)
  }

  private returnView(r: ReturnOrder): Json {
    const { bodyHash: _h, finish_time, ...rest } = r
    return { ...rest, result: 'SUCCESS', finish_time: rfc3339(finish_time) }
  }

  // ---------------------------------------------------------------- refunds

  applyRefund(body: Json): Json {
    const sub_mchid = str(body, 'sub_mchid', 1, 32)
    const out_refund_no = tradeNo(body, 'out_refund_no', 64)
    const hash = hashOf(body)
    const existing = this.refunds.get(out_refund_no)
    if (existing) {
      if (existing.bodyHash !== hash || existing.sub_mchid !== sub_mchid)
        throw new WxError(400, 'INVALID_REQUEST', '商户退款单号重复，请求参数与首次不一致')
      return this.refundApplyView(existing)
    }
    let t: Transaction
    if (typeof body.transaction_id === 'string') t = this.txById(sub_mchid, body.transaction_id)
    else t = this.tx(tradeNo(body, 'out_trade_no'), sub_mchid)
    if (t.state !== 'SUCCESS' && t.state !== 'REFUND')
      throw new WxError(400, 'INVALID_REQUEST', '订单未支付，不能退款')
    const amount = obj(body, 'amount')
    const refund = int(amount, 'refund', 1, 10_000_000_00)
    const total = int(amount, 'total', 1, 10_000_000_00)
    if (total !== t.total) throw new WxError(400, 'PARAM_ERROR', 'amount.total 与原订单金额不一致')
    if ((amount.currency ?? 'CNY') !== 'CNY')
      throw new WxError(400, 'PARAM_ERROR', 'amount.currency 仅支持 CNY')
    if (refund > t.total - t.refunded)
      throw new WxError(403, 'NOT_ENOUGH', '申请退款金额超过订单可退金额')
    let notify_url: string | undefined
    if (body.notify_url !== undefined) {
      notify_url = str(body, 'notify_url', 1, 256)
      if (!/^https?:\/\/[^\s?#]+$/.test(notify_url))
        throw new WxError(400, 'PARAM_ERROR', 'notify_url 须为不带参数的 http(s) 地址')
    }
    const refundAccount = body.refund_account ?? 'REFUND_SOURCE_SUB_MERCHANT'
    if (
      refundAccount !== 'REFUND_SOURCE_SUB_MERCHANT' &&
      refundAccount !== 'REFUND_SOURCE_PARTNER_ADVANCE'
    )
      throw new WxError(400, 'PARAM_ERROR', 'refund_account 不正确')
    let split = { fromFrozen: 0, fromAvailable: 0 }
    try {
      if (refundAccount === 'REFUND_SOURCE_PARTNER_ADVANCE') this.books.advanceRefund(refund)
      else split = this.books.refund(sub_mchid, refund, t.frozen)
    } catch (e) {
      if (e instanceof NotEnough)
        throw new WxError(
          403,
          'NOT_ENOUGH',
          refundAccount === 'REFUND_SOURCE_PARTNER_ADVANCE'
            ? '垫付账户余额不足'
            : '二级商户可用余额不足',
        )
      throw e
    }
    t.frozen -= split.fromFrozen
    t.refunded += refund
    t.state = 'REFUND'
    const r: Refund = {
      refund_id: this.id('50300', 29),
      out_refund_no,
      sub_mchid,
      out_trade_no: t.out_trade_no,
      transaction_id: t.transaction_id!,
      amount: refund,
      total: t.total,
      reason: typeof body.reason === 'string' ? body.reason : undefined,
      notify_url,
      status: 'PROCESSING',
      create_time: this.o.clock.now(),
      bodyHash: hash,
    }
    this.refunds.set(out_refund_no, r)
    this.scheduleRefundSuccess(r, this.o.refundDelayMs)
    return this.refundApplyView(r)
  }

  /** The bank's part of a refund: SUCCESS after `delayMs`, then REFUND.SUCCESS if a notify_url was given. */
  private scheduleRefundSuccess(r: Refund, delayMs: number) {
    this.o.clock.schedule(Math.max(0, delayMs), () => {
      r.status = 'SUCCESS'
      r.success_time = this.o.clock.now()
      if (r.notify_url)
        this.o.notifier.notify(r.notify_url, 'REFUND.SUCCESS', '退款成功', 'refund', {
          sp_mchid: this.o.spMchid,
          sub_mchid: r.sub_mchid,
          transaction_id: r.transaction_id,
          out_trade_no: r.out_trade_no,
          refund_id: r.refund_id,
          out_refund_no: r.out_refund_no,
          refund_status: 'SUCCESS',
          success_time: rfc3339(r.success_time),
          user_received_account: '支付用户零钱',
          amount: {
            total: r.total,
            refund: r.amount,
            payer_total: r.total,
            payer_refund: r.amount,
          },
        })
    })
  }

  private refundApplyView(r: Refund): Json {
    return {
      refund_id: r.refund_id,
      out_refund_no: r.out_refund_no,
      create_time: rfc3339(r.create_time),
      amount: { refund: r.amount, payer_refund: r.amount, discount_refund: 0, currency: 'CNY' },
    }
  }

  queryRefund(out_refund_no: string, sub_mchid: string | null): Json {
    if (!sub_mchid) throw new WxError(400, 'PARAM_ERROR', '缺少参数 sub_mchid')
    const r = this.refunds.get(out_refund_no)
    if (!r || r.sub_mchid !== sub_mchid)
      throw new WxError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
    return {
      refund_id: r.refund_id,
      out_refund_no: r.out_refund_no,
      transaction_id: r.transaction_id,
      out_trade_no: r.out_trade_no,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(r.success_time !== undefined ? { success_time: rfc3339(r.success_time) } : {}),
      create_time: rfc3339(r.create_time),
      status: r.status,
      amount: { refund: r.amount, payer_refund: r.amount, discount_refund: 0, currency: 'CNY' },
    }
  }

  // ---------------------------------------------------------------- balance and withdrawal

  balance(sub_mchid: string): Json {
    this.knownSub(sub_mchid)
    const b = this.books.balanceOf(sub_mchid)
    return {
      sub_mchid,
      account_type: 'BASIC',
      available_amount: b.available,
      pending_amount: b.frozen,
    }
  }

  withdraw(body: Json): Json {
    const sub_mchid = this.knownSub(str(body, 'sub_mchid', 1, 32))
    const out_request_no = tradeNo(body, 'out_request_no')
    const hash = hashOf(body)
    const existing = this.withdrawals.get(out_request_no)
    if (existing) {
      if (existing.bodyHash !== hash)
        throw new WxError(400, 'INVALID_REQUEST', '商户提现单号重复，请求参数与首次不一致')
      return { sub_mchid, withdraw_id: existing.withdraw_id, out_request_no }
    }
    const amount = int(body, 'amount', 1, 10_000_000_00)
    try {
      this.books.withdraw(sub_mchid, amount)
    } catch (e) {
      if (e instanceof NotEnough) throw new WxError(403, 'NOT_ENOUGH', '可用余额不足')
      throw e
    }
    const w: Withdrawal = {
      sub_mchid,
      out_request_no,
      withdraw_id: this.id('1', 32),
      amount,
      remark: typeof body.remark === 'string' ? body.remark : undefined,
      bank_memo: typeof body.bank_memo === 'string' ? body.bank_memo : undefined,
      create_time: this.o.clock.now(),
      bodyHash: hash,
    }
    this.withdrawals.set(out_request_no, w)
    return { sub_mchid, withdraw_id: w.withdraw_id, out_request_no }
  }

  queryWithdrawal(out_request_no: string, sub_mchid: string | null): Json {
    const w = this.withdrawals.get(out_request_no)
    if (!w || w.sub_mchid !== sub_mchid)
      throw new WxError(404, 'RESOURCE_NOT_EXISTS', '提现单不存在')
    return {
      sub_mchid: w.sub_mchid,
      sp_mchid: this.o.spMchid,
      status: 'SUCCESS',
      withdraw_id: w.withdraw_id,
      out_request_no,
      amount: w.amount,
      create_time: rfc3339(w.create_time),
      update_time: rfc3339(w.create_time),
      reason: '',
      remark: w.remark ?? '',
      bank_memo: w.bank_memo ?? '',
      account_type: 'BASIC',
      account_number: '****8888',
      account_bank: '沙箱银行',
      bank_name: '沙箱银行',
    }
  }

  private knownSub(sub_mchid: string) {
    if (!this.subMchids.has(sub_mchid))
      throw new WxError(400, 'PARAM_ERROR', `二级商户号 ${sub_mchid} 不存在或未完成进件`)
    return sub_mchid
  }
}

// ---------------------------------------------------------------- validation helpers

const str = (o: Json, key: string, min: number, max: number): string => {
  const v = o[key]
  if (typeof v !== 'string' || v.length < min || Buffer.byteLength(v) > max)
    throw new WxError(400, 'PARAM_ERROR', `参数 ${key} 缺失或长度不在 ${min}–${max} 之间`)
  return v
}

const obj = (o: Json, key: string): Json => {
  const v = o[key]
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new WxError(400, 'PARAM_ERROR', `参数 ${key} 须为对象`)
  return v as Json
}

const int = (o: Json, key: string, min: number, max: number): number => {
  const v = o[key]
  if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max)
    throw new WxError(400, 'PARAM_ERROR', `参数 ${key} 须为 ${min}–${max} 之间的整数（分）`)
  return v as number
}

const tradeNo = (o: Json, key: string, max = 32): string => {
  const v = str(o, key, 6, max)
  if (!/^[0-9A-Za-z_\-|*]+$/.test(v))
    throw new WxError(400, 'PARAM_ERROR', `参数 ${key} 只能是数字、大小写字母_-|*`)
  return v
}

/** Order-independent hash of a JSON body, for "same request again?" checks. */
const hashOf = (v: unknown): string => createHash('sha256').update(canonical(v)).digest('hex')
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : typeof v === 'object' && v !== null
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`)
          .join(',')}}`
      : JSON.stringify(v)
