import { timingSafeEqual } from 'node:crypto'
import {
  CourierError,
  type Courier,
  type CourierErrorCode,
  type CourierErrorKind,
  type CourierPush,
  type MonitorStatus,
  type Pickup,
  type PickupInput,
  type PickupPlaced,
  type PickupPush,
  type PickupStatus,
  type Quote,
  type QuoteInput,
  type RawPush,
  type SubscribeInput,
  type Tracking,
  type TrackingEvent,
  type TrackingState,
} from '../../modules/delivery/ports/courier.port'
import { REFUSED, RETRY, type ProviderVerdict } from '../../modules/core/ports/provider-error'
import {
  type Kuaidi100Config,
  type Kuaidi100ConfigInput,
  Kuaidi100ConfigSchema,
} from './kuaidi100.config'
import {
  borderSign,
  COMPANIES,
  COMPANY_CODE,
  parseTime,
  pushSign,
  querySign,
  WAYBILL_NO,
} from './kuaidi100.protocol'

// kuaidi100 answers loosely typed JSON; each field is checked where it is read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

/** kuaidi100 state codes → ours. */
const STATES: Record<string, TrackingState> = {
  '0': 'in-transit',
  '1': 'collected',
  '2': 'trouble',
  '3': 'delivered',
  '4': 'returned',
  '5': 'out-for-delivery',
  '6': 'returning',
  '7': 'in-transit',
  '8': 'in-transit',
  '14': 'refused',
}
const STATE_BY_NAME: Record<string, TrackingState> = {
  在途: 'in-transit',
  揽收: 'collected',
  疑难: 'trouble',
  签收: 'delivered',
  退签: 'returned',
  派件: 'out-for-delivery',
  退回: 'returning',
  转投: 'in-transit',
  清关: 'in-transit',
  拒签: 'refused',
}

/** 商家寄件 order status codes → ours (0 下单成功, 1 已接单, 2 收件中, 10 已取件, 9/99 取消, 11 揽货失败, ...). */
const PICKUP_STATUS: Record<string, PickupStatus> = {
  '0': 'placed',
  '1': 'accepted',
  '2': 'accepted',
  '9': 'cancelled',
  '99': 'cancelled',
  '10': 'picked-up',
  '13': 'picked-up',
  '11': 'failed',
}

const yuanToFen = (v: unknown): number => Math.round(Number(v) * 100)

export interface Kuaidi100CourierOptions {
  config: Kuaidi100ConfigInput
  /** For `t` in 商家寄件 signatures. */
  clock?: { now(): number }
  fetch?: typeof fetch
}

/** The Courier port over kuaidi100's HTTP API: form-encoded POSTs signed with MD5. */
export class Kuaidi100Courier implements Courier {
  private readonly config: Kuaidi100Config
  private readonly clock: { now(): number }
  private readonly fetchImpl: typeof fetch

  constructor(options: Kuaidi100CourierOptions) {
    this.config = Kuaidi100ConfigSchema.parse(options.config)
    this.clock = options.clock ?? Date
    this.fetchImpl = options.fetch ?? fetch
  }

  async quote(input: QuoteInput): Promise<Quote[]> {
    if (!(input.weightKg > 0 && input.weightKg <= 100))
      throw invalid('INVALID_ARGUMENT', 'weightKg must be in (0, 100]')
    const companies = input.company ? [checkCompany(input.company)] : this.config.quoteCompanies
    const results = await Promise.allSettled(
      companies.map((company) =>
        this.border('price', {
          kuaidicom: company,
          sendManPrintAddr: input.fromCity,
          recManPrintAddr: input.toCity,
          weight: String(input.weightKg),
          serviceType: '标准快递',
        }),
      ),
    )
    const quotes: Quote[] = []
    for (const [i, r] of results.entries()) {
      if (r.status === 'rejected') {
        // One company not serving the route must not hide the others' prices; asking one company
        // (or every one failing) still surfaces the reason.
        if (input.company || results.every((x) => x.status === 'rejected')) throw r.reason
        continue
      }
      const d = (r.value.data ?? {}) as Json
      quotes.push({
        company: String(d.kuaidiCom ?? companies[i]),
        priceFen: yuanToFen(d.price),
        firstWeightFen: yuanToFen(d.firstPrice ?? d.defFirstPrice),
        continuedWeightFen: yuanToFen(d.overPrice ?? d.defOverPrice),
        serviceType: String(d.serviceType ?? '标准快递'),
      })
    }
    if (quotes.some((q) => !Number.isSafeInteger(q.priceFen)))
      throw badResponse('price is not a number')
    return quotes.sort((a, b) => a.priceFen - b.priceFen)
  }

  async placePickup(input: PickupInput): Promise<PickupPlaced> {
    const company = checkCompany(input.company)
    if (!input.orderKey || !/^[\w-]{1,64}$/.test(input.orderKey))
      throw invalid('INVALID_ARGUMENT', 'orderKey must be 1-64 word characters')
    if (!(input.weightKg > 0 && input.weightKg <= 100))
      throw invalid('INVALID_ARGUMENT', 'weightKg must be in (0, 100]')
    // kuaidi100 has no idempotency field on bOrder; business parameters belong on the callback
    // URL (its docs say so), and the order key there is what makes a retry find the same order.
    const callback = new URL(this.config.pickupCallbackUrl ?? this.config.callbackUrl)
    callback.searchParams.set('orderKey', input.orderKey)
    const r = await this.border('bOrder', {
      kuaidicom: company,
      recManName: input.recipient.name,
      recManMobile: input.recipient.mobile,
      recManPrintAddr: input.recipient.address,
      sendManName: input.sender.name,
      sendManMobile: input.sender.mobile,
      sendManPrintAddr: input.sender.address,
      callBackUrl: callback.toString(),
      cargo: input.cargo,
      payment: 'SHIPPER',
      serviceType: '标准快递',
      weight: String(input.weightKg),
      remark: input.remark ?? '',
      salt: this.config.salt,
      dayType: input.slot?.day ?? '',
      pickupStartTime: input.slot?.start ?? '',
      pickupEndTime: input.slot?.end ?? '',
    })
    const d = (r.data ?? {}) as Json
    if (typeof d.taskId !== 'string' || !d.taskId)
      throw badResponse('bOrder answered without taskId')
    return {
      taskId: d.taskId,
      orderId: String(d.orderId ?? ''),
      company,
      ...(d.kuaidinum ? { waybillNo: String(d.kuaidinum) } : {}),
    }
  }

  async pickupStatus(taskId: string): Promise<Pickup> {
    const r = await this.border('detail', { taskId })
    const d = (r.data ?? {}) as Json
    const status = PICKUP_STATUS[String(d.status)]
    if (!status) throw badResponse(`unknown pickup status ${String(d.status)}`)
    return {
      taskId: String(d.taskId ?? taskId),
      orderId: String(d.orderId ?? ''),
      company: String(d.kuaidicom ?? ''),
      status,
      ...(d.kuaidinum ? { waybillNo: String(d.kuaidinum) } : {}),
      ...(d.freight !== undefined && d.freight !== '' ? { freightFen: yuanToFen(d.freight) } : {}),
    }
  }

  async cancelPickup(input: { taskId: string; orderId: string; reason: string }): Promise<void> {
    await this.border('cancel', {
      taskId: input.taskId,
      orderId: input.orderId,
      cancelMsg: input.reason,
    })
  }

  async track(input: { company: string; waybillNo: string; phone?: string }): Promise<Tracking> {
    const company = checkCompany(input.company)
    const waybillNo = checkWaybill(company, input.waybillNo)
    // resultv2=4: status names plus routeInfo (origin, current and destination city).
    const param = JSON.stringify({
      com: company,
      num: waybillNo,
      phone: input.phone ?? '',
      resultv2: '4',
      show: '0',
      order: 'desc',
    })
    const body = await this.post(this.config.baseUrls.poll, '/poll/query.do', {
      customer: this.config.customer,
      sign: querySign(param, this.config.key, this.config.customer),
      param,
    })
    // Success is the tracking object itself (status "200"); failures are {result:false, returnCode}.
    if (body.result === false || (body.status !== undefined && String(body.status) !== '200'))
      throw vendorError(body)
    return parseTracking(body)
  }

  async subscribe(input: SubscribeInput): Promise<void> {
    const company = checkCompany(input.company)
    const waybillNo = checkWaybill(company, input.waybillNo)
    const param = JSON.stringify({
      company,
      number: waybillNo,
      from: input.fromCity ?? '',
      to: input.toCity ?? '',
      key: this.config.key,
      parameters: {
        callbackurl: this.config.callbackUrl,
        salt: this.config.salt,
        resultv2: '1',
        phone: input.phone ?? '',
      },
    })
    const body = await this.post(this.config.baseUrls.poll, '/poll', { schema: 'json', param })
    // 501 重复订阅: the earlier subscription is still there, which is all we wanted.
    if (body.result === true || String(body.returnCode) === '501') return
    throw vendorError(body)
  }

  verifyPush(raw: RawPush): CourierPush {
    const body = this.signedParam(raw)
    if (
      typeof body !== 'object' ||
      body === null ||
      typeof body.lastResult !== 'object' ||
      body.lastResult === null
    )
      throw failure('verification', 'PUSH_MALFORMED', 'push has no lastResult', REFUSED)
    const monitor = String(body.status) as MonitorStatus
    if (!['polling', 'shutdown', 'abort', 'updateall'].includes(monitor))
      throw failure('verification', 'PUSH_MALFORMED', `unknown push status ${monitor}`, REFUSED)
    let tracking: Tracking
    try {
      tracking = parseTracking(body.lastResult as Json)
    } catch {
      throw failure('verification', 'PUSH_MALFORMED', 'push lastResult does not parse', REFUSED)
    }
    const latestAt = tracking.events.at(-1)?.at ?? 0
    return {
      monitor,
      message: String(body.message ?? ''),
      tracking,
      latestAt,
      dedupeKey: `${tracking.company}:${tracking.waybillNo}:${latestAt}:${tracking.state}:${tracking.events.length}:${monitor}`,
    }
  }

  verifyPickupPush(raw: RawPush): PickupPush {
    const fields = 'body' in raw ? Object.fromEntries(new URLSearchParams(raw.body)) : raw.fields
    const body = this.signedParam(raw)
    const d = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Json
    const status = PICKUP_STATUS[String(body.status ?? d.status)]
    if (typeof fields.taskId !== 'string' || !fields.taskId || !status)
      throw failure(
        'verification',
        'PUSH_MALFORMED',
        'pickup push without taskId or a known status',
        REFUSED,
      )
    const at = parseTime(String(d.updateTime ?? ''))
    return {
      taskId: fields.taskId,
      orderId: String(d.orderId ?? ''),
      company: String(body.kuaidicom ?? ''),
      status,
      at: Number.isFinite(at) ? at : 0,
      ...(body.kuaidinum ? { waybillNo: String(body.kuaidinum) } : {}),
      ...(d.freight ? { freightFen: yuanToFen(d.freight) } : {}),
      ...(d.courierName ? { courierName: String(d.courierName) } : {}),
      ...(d.courierMobile ? { courierMobile: String(d.courierMobile) } : {}),
    }
  }

  /** The JSON of a push's param once its sign, MD5(param + salt), checks out. */
  private signedParam(raw: RawPush): Json {
    const fields = 'body' in raw ? Object.fromEntries(new URLSearchParams(raw.body)) : raw.fields
    const param = fields.param
    const sign = fields.sign
    if (typeof param !== 'string' || !param)
      throw failure('verification', 'PUSH_MALFORMED', 'push has no param', REFUSED)
    if (
      typeof sign !== 'string' ||
      !safeEqual(sign.toUpperCase(), pushSign(param, this.config.salt))
    )
      throw failure(
        'verification',
        'PUSH_SIGNATURE_INVALID',
        'push signature does not match our salt',
        REFUSED,
      )
    try {
      const body = JSON.parse(param) as unknown
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new Error('not an object')
      return body as Json
    } catch {
      throw failure('verification', 'PUSH_MALFORMED', 'push param is not a JSON object', REFUSED)
    }
  }

  pushAnswer(accepted: boolean) {
    // kuaidi100 treats anything but result=true/returnCode 200 as a failed delivery and pushes again.
    const body = accepted
      ? { result: true, returnCode: '200', message: '成功' }
      : { result: false, returnCode: '500', message: '失败' }
    return {
      status: 200,
      contentType: 'application/json;charset=utf-8',
      body: JSON.stringify(body),
    }
  }

  async detectCompany(waybillNo: string): Promise<string[]> {
    const num = waybillNo.trim().toUpperCase()
    if (!WAYBILL_NO.test(num))
      throw invalid('INVALID_WAYBILL', `waybill number ${waybillNo} has the wrong shape`)
    const raw = await this.postRaw(this.config.baseUrls.autonumber, '/autonumber/auto', {
      num,
      key: this.config.key,
    })
    if (Array.isArray(raw)) {
      const codes = raw
        .map((c: Json) => String(c.comCode ?? ''))
        .filter((c) => COMPANY_CODE.test(c))
      return [...new Set(codes)]
    }
    throw vendorError(raw as Json)
  }

  /** One 商家寄件 call: method/key/t/sign/param, sign = MD5(param + t + key + secret). */
  private async border(method: string, param: Json): Promise<Json> {
    const paramText = JSON.stringify(param)
    const t = String(this.clock.now())
    const body = await this.post(this.config.baseUrls.poll, '/order/borderapi.do', {
      method,
      key: this.config.key,
      t,
      sign: borderSign(paramText, t, this.config.key, this.config.secret),
      param: paramText,
    })
    if (body.result !== true) throw vendorError(body)
    return body
  }

  private async post(base: string, path: string, form: Record<string, string>): Promise<Json> {
    const raw = await this.postRaw(base, path, form)
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw badResponse(`unexpected answer from ${path}`)
    return raw as Json
  }

  private async postRaw(
    base: string,
    path: string,
    form: Record<string, string>,
  ): Promise<unknown> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs)
    let status: number
    let text: string
    try {
      const res = await this.fetchImpl(base.replace(/\/+$/, '') + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(form).toString(),
        signal: controller.signal,
      })
      status = res.status
      text = await res.text()
    } catch (e) {
      if (controller.signal.aborted)
        throw failure('transport', 'TIMEOUT', `kuaidi100 ${path} timed out`, RETRY)
      throw failure(
        'transport',
        'NETWORK',
        `kuaidi100 ${path}: ${e instanceof Error ? e.message : String(e)}`,
        RETRY,
      )
    } finally {
      clearTimeout(timer)
    }
    if (status === 429)
      throw failure('vendor', 'RATE_LIMITED', `kuaidi100 ${path} rate limited`, RETRY, '429')
    if (status >= 500)
      throw failure(
        'vendor',
        'VENDOR_ERROR',
        `kuaidi100 ${path} answered HTTP ${status}`,
        RETRY,
        String(status),
      )
    try {
      return JSON.parse(text)
    } catch {
      throw badResponse(`kuaidi100 ${path} answered HTTP ${status} with non-JSON`)
    }
  }
}

const invalid = (code: CourierErrorCode, message: string) =>
  failure('invalid-argument', code, message, REFUSED)
const badResponse = (message: string) => failure('transport', 'BAD_RESPONSE', message, RETRY)

const checkCompany = (company: string): string => {
  if (!COMPANY_CODE.test(company))
    throw invalid('UNKNOWN_COMPANY', `unknown courier company code ${company}`)
  return company
}

/** Checks the shape before asking: a typo should not cost a (paid) query. */
const checkWaybill = (company: string, waybillNo: string): string => {
  const num = waybillNo.trim().toUpperCase()
  const known = COMPANIES[company]
  if (!WAYBILL_NO.test(num) || (known && !known.waybill.test(num)))
    throw invalid(
      'INVALID_WAYBILL',
      `${waybillNo} is not a ${known?.name ?? company} waybill number`,
    )
  return num
}

/**
 * kuaidi100's returnCode table (API 文档 > 返回码) → our code and whether it is worth asking again:
 * 500 (no result yet), 501 (server error) and 502 (over the query limit) may succeed later; bad
 * input, a missing phone, a bad signature, an unknown company, a task that does not exist or can
 * no longer be cancelled are its final answer. An unknown returnCode counts as refused.
 */
export const kuaidi100Verdict = (
  returnCode: string,
  message: string,
): [CourierErrorCode, ProviderVerdict] => {
  const map: Record<string, [CourierErrorCode, ProviderVerdict]> = {
    // kuaidi100 uses 400 for several kinds of bad input; only its message tells them apart.
    '400': [
      /公司/.test(message)
        ? 'UNKNOWN_COMPANY'
        : /单号/.test(message)
          ? 'INVALID_WAYBILL'
          : /地址|范围/.test(message)
            ? 'ADDRESS_NOT_SERVED'
            : 'INVALID_ARGUMENT',
      REFUSED,
    ],
    '408': ['PHONE_REQUIRED', REFUSED],
    '500': ['NO_RESULT', RETRY],
    '501': /重复/.test(message) ? ['ALREADY_SUBSCRIBED', REFUSED] : ['VENDOR_ERROR', RETRY],
    '502': ['RATE_LIMITED', RETRY],
    '503': ['SIGN_ERROR', REFUSED],
    '600': ['SIGN_ERROR', REFUSED],
    '601': ['SIGN_ERROR', REFUSED],
    '700': ['INVALID_ARGUMENT', REFUSED],
    '701': ['UNKNOWN_COMPANY', REFUSED],
    '702': ['UNKNOWN_COMPANY', REFUSED],
    '703': ['UNKNOWN_COMPANY', REFUSED],
    '30001': ['PICKUP_NOT_FOUND', REFUSED],
    '30002': ['PICKUP_NOT_CANCELLABLE', REFUSED],
  }
  return map[returnCode] ?? ['VENDOR_ERROR', REFUSED]
}

/**
 * Every CourierError this adapter throws: the verdict says whether to ask again and whether
 * kuaidi100 (or our own check of its push or our input) said no for good.
 */
const failure = (
  kind: CourierErrorKind,
  code: CourierErrorCode,
  message: string,
  verdict: ProviderVerdict,
  vendorCode?: string,
) => new CourierError(kind, code, message, verdict.retryable, vendorCode, verdict.permanent)

/** kuaidi100 returnCodes → ours. The message is kuaidi100's own (Chinese). */
const vendorError = (body: Json): CourierError => {
  const rc = String(body.returnCode ?? body.status ?? '')
  const message = `kuaidi100 ${rc}: ${String(body.message ?? 'error')}`
  const [code, verdict] = kuaidi100Verdict(rc, String(body.message ?? ''))
  return failure('vendor', code, message, verdict, rc)
}

const parseTracking = (r: Json): Tracking => {
  const data = Array.isArray(r.data) ? (r.data as Json[]) : []
  const events: TrackingEvent[] = data.map((e) => {
    const at = parseTime(String(e.ftime ?? e.time ?? ''))
    if (!Number.isFinite(at)) throw badResponse(`bad event time ${String(e.ftime ?? e.time)}`)
    const state =
      STATES[String(e.statusCode ?? '')] ?? STATE_BY_NAME[String(e.status ?? '')] ?? 'other'
    return {
      at,
      state,
      context: String(e.context ?? ''),
      ...(e.areaName ? { area: String(e.areaName) } : {}),
    }
  })
  // kuaidi100 lists newest first (query.do with order=desc, and pushes). Times have one-second
  // resolution, so reverse first and then sort stably: same-second events keep their order.
  const ordered = events.reverse().sort((a, b) => a.at - b.at)
  return {
    company: String(r.com ?? ''),
    waybillNo: String(r.nu ?? ''),
    state: STATES[String(r.state)] ?? 'other',
    finished: String(r.ischeck) === '1',
    events: ordered,
    ...routeOf(r.routeInfo),
  }
}

/** routeInfo.to.name is `省,市` (广东,深圳市); only the city is kept. */
const routeOf = (info: unknown): Pick<Tracking, 'destinationCity'> => {
  const name = (info as { to?: { name?: unknown } } | undefined)?.to?.name
  if (typeof name !== 'string' || !name.trim()) return {}
  return { destinationCity: name.split(',').at(-1)!.trim() }
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
