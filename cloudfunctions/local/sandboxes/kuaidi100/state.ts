import {
  COMPANIES,
  companiesFor,
  formatTime,
  STATE_NAMES,
} from '../../../src/adapters/courier/kuaidi100.protocol'
import {
  PICKUP_DAYS,
  slotEndsAt,
  slotStartsAt,
  type PickupSlot,
} from '../../../../shared/domain/pickup'
import type { SandboxClock } from '../sandbox-clock'
import type { Kuaidi100Notifier } from './notifier'
import { bandOf, type City, findCity, priceOf, RATES } from './rates'

type Json = Record<string, unknown>

/** An error answer in kuaidi100's shape: {result:false, returnCode, message}. */
export class K100Error extends Error {
  constructor(
    readonly returnCode: string,
    message: string,
  ) {
    super(message)
  }
}

export type Outcome = 'normal' | 'trouble' | 'returned' | 'lost'

interface PlannedEvent {
  at: number
  /** kuaidi100 state code. */
  code: string
  context: string
  area: string
}

interface Parcel {
  company: string
  waybillNo: string
  from: City
  to: City
  /** Recipient's and sender's mobiles: SF answers only with the last four digits of one. */
  phones: string[]
  /** The courier who came to the door for a booked pickup (揽收 names them). */
  collector?: string
  plan: PlannedEvent[]
  outcome: Outcome
  /** Set for a lost parcel: kuaidi100 stops monitoring with status abort. */
  abortAt?: number
  /** Cancels the push tasks of the current plan when the plan changes. */
  cancels: (() => void)[]
}

interface Subscription {
  company: string
  waybillNo: string
  url: string
  salt: string
  at: number
  /** What the last push to it said (events seen + monitor), so one change is pushed once. */
  lastSent?: string
}

interface PickupOrder {
  taskId: string
  orderId: string
  kuaidicom: string
  callBackUrl: string
  /** Signs the order-status callbacks, MD5(param + salt); none are sent without it. */
  salt: string
  /** 0 下单成功, 1 已接单, 10 已取件, 99 已取消. */
  status: string
  kuaidinum?: string
  from: City
  to: City
  weightKg: number
  freightFen: number
  phones: string[]
  createdAt: number
  /** From booking to collection, in world time (compressed by `scale` like every duration). */
  collectAfterMs: number
}

type Saved<T> = Omit<T, 'from' | 'to' | 'cancels'> & { from: string; to: string }

export interface EngineState {
  seq: number
  parcels: Saved<Parcel>[]
  subscriptions: Subscription[]
  orders: Saved<PickupOrder>[]
}

export interface EngineOptions {
  clock: SandboxClock
  notifier: Kuaidi100Notifier
  /** From order to courier collecting the parcel (sandbox time). */
  pickupDelayMs: number
  /**
   * Real timers compress the world itself: every duration is multiplied by this (1/timeFactor),
   * so event times stay real times and a parcel is 签收 minutes, not days, after 揽收.
   */
  scale?: number
}

/** Line-haul hours by distance band (same city … remote province). */
const TRANSIT_H = [2, 8, 20, 36, 72]
const COURIERS = ['王师傅', '李师傅', '张师傅', '刘师傅']
/** A booked courier accepts the order within minutes. */
const ACCEPT_MS = 5 * 60_000

const cityLabel = (c: City) => `【${c.province === c.city ? c.city : c.province + c.city}市】`

/**
 * The kuaidi100 world: pickup orders that become waybills, parcels whose tracking events appear
 * as sandbox time passes, and subscriptions that get a push whenever an event appears.
 */
export class Engine {
  readonly parcels = new Map<string, Parcel>()
  subscriptions: Subscription[] = []
  readonly orders = new Map<string, PickupOrder>()
  private seq = 0

  constructor(private readonly o: EngineOptions) {}

  // ---- 商家寄件 -------------------------------------------------------------------------------

  price(p: Json): Json {
    const company = this.company(p.kuaidicom)
    const from = this.city(p.sendManPrintAddr, '寄件')
    const to = this.city(p.recManPrintAddr, '收件')
    const weight = this.weight(p.weight)
    const price = priceOf(company, from, to, weight)!
    const yuan = (fen: number) => (fen / 100).toFixed(2)
    return {
      serviceType: String(p.serviceType ?? '标准快递'),
      kuaidiCom: company,
      firstPrice: yuan(price.firstFen),
      overPrice: yuan(price.overFen),
      price: yuan(price.totalFen),
      defFirstPrice: yuan(price.firstFen),
      defOverPrice: yuan(price.overFen),
      defPrice: yuan(price.totalFen),
    }
  }

  bOrder(p: Json): Json {
    const company = this.company(p.kuaidicom)
    for (const f of [
      'recManName',
      'recManMobile',
      'sendManName',
      'sendManMobile',
      'cargo',
      'callBackUrl',
    ])
      if (typeof p[f] !== 'string' || !p[f]) throw new K100Error('400', `缺少参数 ${f}`)
    const from = this.city(p.sendManPrintAddr, '寄件')
    const to = this.city(p.recManPrintAddr, '收件')
    const weightKg = this.weight(p.weight)
    const collectAfterMs = this.collectAfter(p)
    const callBackUrl = String(p.callBackUrl)
    // Sandbox assumption: the same callback URL (which carries the caller's own order key) is the
    // same order, so a retried bOrder finds it instead of booking a second courier.
    const existing = [...this.orders.values()].find(
      (o) => o.callBackUrl === callBackUrl && o.kuaidicom === company && o.status !== '99',
    )
    if (existing)
      return {
        taskId: existing.taskId,
        orderId: existing.orderId,
        kuaidinum: existing.kuaidinum ?? '',
      }
    const n = ++this.seq
    const order: PickupOrder = {
      taskId: `SBX${this.o.clock.now().toString(16).toUpperCase()}${String(n).padStart(6, '0')}`,
      orderId: String(30_000_000 + n),
      kuaidicom: company,
      callBackUrl,
      salt: typeof p.salt === 'string' ? p.salt : '',
      status: '0',
      from,
      to,
      weightKg,
      freightFen: priceOf(company, from, to, weightKg)!.totalFen,
      phones: [String(p.recManMobile), String(p.sendManMobile)],
      createdAt: this.o.clock.now(),
      collectAfterMs,
    }
    this.orders.set(order.taskId, order)
    const scale = this.o.scale ?? 1
    this.o.clock.schedule(Math.min(ACCEPT_MS, collectAfterMs / 2) * scale, () => {
      if (order.status !== '0') return
      order.status = '1'
      this.orderChanged(order, '已接单')
    })
    this.o.clock.schedule(collectAfterMs * scale, () => this.collect(order))
    return { taskId: order.taskId, orderId: order.orderId, kuaidinum: '' }
  }

  /**
   * The courier comes `pickupDelayMs` after the booking, but not before the window the sender
   * chose (dayType 今天/明天/后天 with pickupStartTime–pickupEndTime, China time) and, when the
   * booking leaves time, by its end. No window: the usual delay.
   */
  private collectAfter(p: Json): number {
    const delay = this.o.pickupDelayMs
    const day = String(p.dayType ?? '')
    if (!day && !p.pickupStartTime && !p.pickupEndTime) return delay
    const slot = { day, start: String(p.pickupStartTime ?? ''), end: String(p.pickupEndTime ?? '') }
    if (
      !(PICKUP_DAYS as readonly string[]).includes(day) ||
      !/^\d{2}:\d{2}$/.test(slot.start) ||
      !/^\d{2}:\d{2}$/.test(slot.end) ||
      slot.start >= slot.end
    )
      throw new K100Error(
        '400',
        '预约时间不正确（dayType 今天/明天/后天，pickupStartTime–pickupEndTime HH:mm）',
      )
    const now = this.o.clock.now()
    const opens = slotStartsAt(slot as PickupSlot, now)
    const ends = slotEndsAt(slot as PickupSlot, now)
    if (ends <= now) throw new K100Error('400', '预约时间已过')
    // Booked too late for the usual delay: the courier still makes it by the window's end.
    return Math.min(Math.max(now + delay, opens), Math.max(ends, now + ACCEPT_MS)) - now
  }

  detail(p: Json): Json {
    const order = this.order(p.taskId)
    return {
      taskId: order.taskId,
      orderId: order.orderId,
      kuaidicom: order.kuaidicom,
      kuaidinum: order.kuaidinum ?? '',
      status: order.status,
      weight: String(order.weightKg),
      freight: order.status === '10' ? (order.freightFen / 100).toFixed(2) : '',
      createTime: formatTime(order.createdAt),
    }
  }

  cancel(p: Json): Json {
    const order = this.order(p.taskId)
    if (p.orderId !== undefined && String(p.orderId) !== order.orderId)
      throw new K100Error('30001', '订单不存在')
    if (order.status === '10') throw new K100Error('30002', '快递员已取件，不能取消')
    order.status = '99'
    this.orderChanged(order, '已取消')
    return {}
  }

  /** The courier collects the parcel: a waybill number, and its tracking starts with 揽收. */
  private collect(order: PickupOrder) {
    if (order.status === '99') return
    order.status = '10'
    order.kuaidinum = this.newWaybill(order.kuaidicom)
    const collector = COURIERS[Number(order.orderId) % COURIERS.length]
    this.createParcel({
      company: order.kuaidicom,
      waybillNo: order.kuaidinum,
      from: order.from,
      to: order.to,
      phones: order.phones,
      collector,
    })
    this.orderChanged(order, '已取件')
  }

  /** 商家寄件 order-status callback: taskId, param and sign = MD5(param + salt) to callBackUrl. */
  private orderChanged(order: PickupOrder, message: string) {
    if (!order.salt) return
    const collected = order.status === '10'
    const param = JSON.stringify({
      kuaidicom: order.kuaidicom,
      kuaidinum: order.kuaidinum ?? '',
      status: order.status,
      message,
      data: {
        orderId: order.orderId,
        status: Number(order.status),
        courierName:
          order.status === '1' || collected
            ? COURIERS[Number(order.orderId) % COURIERS.length]!
            : '',
        courierMobile: order.status === '1' || collected ? '13800138000' : '',
        weight: collected ? String(order.weightKg) : '',
        freight: collected ? (order.freightFen / 100).toFixed(2) : '',
        updateTime: formatTime(this.o.clock.now()),
      },
    })
    this.o.notifier.push(
      order.callBackUrl,
      order.salt,
      order.kuaidinum ?? order.taskId,
      `order-${order.status}`,
      order.status,
      param,
      { taskId: order.taskId },
    )
  }

  private newWaybill(company: string): string {
    const digits = (len: number) =>
      String(this.o.clock.now() % 10 ** 8)
        .padStart(8, '0')
        .concat(String(++this.seq).padStart(len, '0'))
        .slice(-len)
    const make: Record<string, () => string> = {
      shunfeng: () => `SF${digits(13)}`,
      zhongtong: () => `7${digits(11)}`,
      yuantong: () => `YT${digits(13)}`,
      yunda: () => `43${digits(11)}`,
      shentong: () => `77${digits(13)}`,
      jtexpress: () => `JT${digits(13)}`,
      jd: () => `JDVA${digits(11)}`,
      ems: () => `1${digits(12)}`,
    }
    return (make[company] ?? (() => `SBX${digits(12)}`))()
  }

  // ---- parcels and tracking --------------------------------------------------------------------

  /** A parcel handed to the courier now (pickup, or `POST /control/parcels` for a counter drop-off). */
  createParcel(input: {
    company: string
    waybillNo: string
    from: City
    to: City
    phones: string[]
    collector?: string
    outcome?: Outcome
  }) {
    if (!COMPANIES[input.company]) throw new K100Error('400', `找不到对应公司 ${input.company}`)
    if (!COMPANIES[input.company].waybill.test(input.waybillNo))
      throw new K100Error('400', `${input.waybillNo} 不是${COMPANIES[input.company].name}的单号`)
    if (this.parcels.has(input.waybillNo))
      throw new K100Error('400', `单号 ${input.waybillNo} 已存在`)
    const parcel: Parcel = { ...input, plan: [], outcome: 'normal', cancels: [] }
    this.parcels.set(input.waybillNo, parcel)
    this.replan(parcel, input.outcome ?? 'normal')
    return this.view(parcel)
  }

  /** Changes what happens to a parcel from now on (疑难 / 退签 / lost); what already happened stays. */
  force(waybillNo: string, outcome: Outcome) {
    const parcel = this.parcels.get(waybillNo)
    if (!parcel) throw new K100Error('500', '查询无结果，请隔段时间再查')
    this.replan(parcel, outcome)
    return this.view(parcel)
  }

  private replan(parcel: Parcel, outcome: Outcome) {
    const now = this.o.clock.now()
    for (const c of parcel.cancels) c()
    parcel.cancels = []
    parcel.outcome = outcome
    parcel.abortAt = undefined
    const kept = parcel.plan.filter((e) => e.at <= now)
    const { from, to } = parcel
    const name = COMPANIES[parcel.company]?.name ?? parcel.company
    const H = 3600_000 * (this.o.scale ?? 1)
    const transit = TRANSIT_H[bandOf(from, to)] * H
    const courier =
      COURIERS[parcel.waybillNo.charCodeAt(parcel.waybillNo.length - 1) % COURIERS.length]
    const steps: [number, string, string, City][] = [
      [0, '1', `${cityLabel(from)}${name}快递员 ${parcel.collector ?? courier} 已揽收`, from],
      [3 * H, '0', `${cityLabel(from)}快件已发往 ${from.city}转运中心`, from],
      [
        6 * H,
        '0',
        `${cityLabel(from)}快件已到达 ${from.city}转运中心，正发往 ${to.city}转运中心`,
        from,
      ],
      [6 * H + transit, '0', `${cityLabel(to)}快件已到达 ${to.city}转运中心`, to],
      [
        12 * H + transit,
        '5',
        `${cityLabel(to)}${to.city}营业部 快递员 ${courier}（138****0000）正在派件`,
        to,
      ],
      [15 * H + transit, '3', `${cityLabel(to)}已签收，签收人凭取件码签收。感谢使用${name}`, to],
    ]
    const start = kept.length ? kept[0].at : now
    let plan: PlannedEvent[] = steps.map(([dt, code, context, c]) => ({
      at: start + dt,
      code,
      context,
      area: areaOf(c),
    }))
    if (outcome !== 'normal') {
      // The unhappy path starts one hour from now, after whatever has already happened.
      const base = Math.max(now, kept.at(-1)?.at ?? now)
      const t = (h: number) => base + h * H
      const happened = kept.length
      if (outcome === 'trouble') {
        plan = [
          ...kept,
          {
            at: t(1),
            code: '2',
            context: `${cityLabel(to)}收件人电话无人接听，快件滞留在 ${to.city}营业部，请联系收件人`,
            area: areaOf(to),
          },
          {
            at: t(25),
            code: '5',
            context: `${cityLabel(to)}${to.city}营业部 快递员 ${courier}（138****0000）再次派件`,
            area: areaOf(to),
          },
          {
            at: t(28),
            code: '3',
            context: `${cityLabel(to)}已签收，签收人凭取件码签收。`,
            area: areaOf(to),
          },
        ]
      } else if (outcome === 'returned') {
        plan = [
          ...kept,
          {
            at: t(1),
            code: '14',
            context: `${cityLabel(to)}收件人拒收，快件将退回寄件人`,
            area: areaOf(to),
          },
          {
            at: t(4),
            code: '6',
            context: `${cityLabel(to)}快件已退回，正发往 ${from.city}`,
            area: areaOf(to),
          },
          {
            at: t(4) + transit,
            code: '6',
            context: `${cityLabel(from)}退回件已到达 ${from.city}转运中心`,
            area: areaOf(from),
          },
          {
            at: t(10) + transit,
            code: '4',
            context: `${cityLabel(from)}退回件已由寄件人签收`,
            area: areaOf(from),
          },
        ]
      } else {
        const hub = happened >= 3 ? to : from
        plan = [
          ...kept,
          {
            at: t(2),
            code: '2',
            context: `${cityLabel(hub)}快件在 ${hub.city}转运中心 遗失，客服已介入处理`,
            area: areaOf(hub),
          },
        ]
        parcel.abortAt = t(2)
      }
    } else {
      // A fresh parcel takes the whole plan (揽收 is now); one already moving keeps its past.
      if (kept.length) plan = [...kept, ...plan.filter((e) => e.at > now)]
    }
    parcel.plan = plan
    // One task per future event: when it falls due, subscribers get a push.
    for (const e of plan) {
      if (e.at <= now && kept.includes(e)) continue
      parcel.cancels.push(this.o.clock.schedule(e.at - now, () => this.changed(parcel)))
    }
  }

  /** kuaidi100's tracking answer (query.do), newest first unless `order` is asc. */
  view(parcel: Parcel, order: 'asc' | 'desc' = 'desc'): Json {
    const now = this.o.clock.now()
    const seen = parcel.plan.filter((e) => e.at <= now)
    const last = seen.at(-1)
    const state = last?.code ?? '0'
    const data = seen.map((e) => ({
      time: formatTime(e.at),
      ftime: formatTime(e.at),
      context: e.context,
      location: e.area,
      areaName: e.area,
      status: STATE_NAMES[e.code] ?? '在途',
      statusCode: e.code,
    }))
    if (order === 'desc') data.reverse()
    return {
      message: 'ok',
      nu: parcel.waybillNo,
      ischeck: state === '3' || state === '4' ? '1' : '0',
      condition: 'F00',
      com: parcel.company,
      status: '200',
      state,
      data,
    }
  }

  /** 实时查询. */
  query(p: Json): Json {
    const com = String(p.com ?? '')
    const num = String(p.num ?? '')
    if (!com || !num) throw new K100Error('400', '提交的数据不完整，或者贵公司没授权')
    if (!COMPANIES[com]) throw new K100Error('400', '找不到对应公司')
    if (!COMPANIES[com].waybill.test(num)) throw new K100Error('400', '快递单号不符合规则')
    const parcel = this.parcels.get(num)
    if (!parcel || parcel.company !== com || !parcel.plan.some((e) => e.at <= this.o.clock.now()))
      throw new K100Error('500', '查询无结果，请隔段时间再查')
    if (com === 'shunfeng') {
      const phone = String(p.phone ?? '')
      if (!phone || !parcel.phones.some((m) => m.endsWith(phone.slice(-4)) && phone.length >= 4))
        throw new K100Error(
          '408',
          '您提交的手机号码后四位不正确（顺丰单号须提供收件人或寄件人手机号）',
        )
    }
    const view = this.view(parcel, p.order === 'asc' ? 'asc' : 'desc')
    // resultv2=4 (开通行政解析…返回出发、目的及当前城市信息): routeInfo with from, cur and to.
    return String(p.resultv2 ?? '') === '4' ? { ...view, routeInfo: this.routeInfo(parcel) } : view
  }

  /** Where the parcel comes from, is now and goes to, as `province,city` names. */
  private routeInfo(parcel: Parcel): Json {
    const place = (c: City) => ({ number: '', name: `${c.province},${c.city}市` })
    const seen = parcel.plan.filter((e) => e.at <= this.o.clock.now())
    const delivered = seen.some((e) => e.code === '3')
    return {
      from: place(parcel.from),
      cur: place(delivered ? parcel.to : parcel.from),
      to: place(parcel.to),
    }
  }

  /** 订阅: pushes to `parameters.callbackurl` on every change. */
  subscribe(p: Json, key: string): Json {
    if (p.key !== key) throw new K100Error('600', '您不是合法的订阅者（即授权Key出错）')
    const company = String(p.company ?? '')
    const number = String(p.number ?? '')
    const parameters = (p.parameters ?? {}) as Json
    const url = String(parameters.callbackurl ?? '')
    if (!number || !/^https?:\/\//.test(url))
      throw new K100Error(
        '700',
        '订阅方的订阅数据存在错误（如不支持的快递公司、单号为空、单号超长等）或错误的回调地址',
      )
    if (!COMPANIES[company])
      throw new K100Error(
        companiesFor(number).length ? '701' : '702',
        '拒绝订阅的快递公司或识别不到该单号对应的快递公司',
      )
    if (!COMPANIES[company].waybill.test(number))
      throw new K100Error('700', '订阅方的订阅数据存在错误（单号不符合规则）')
    if (this.subscriptions.some((s) => s.company === company && s.waybillNo === number))
      throw new K100Error('501', '重复订阅')
    const sub: Subscription = {
      company,
      waybillNo: number,
      url,
      salt: String(parameters.salt ?? ''),
      at: this.o.clock.now(),
    }
    this.subscriptions.push(sub)
    // Sandbox choice: a parcel that already moved gets a first push right away, as kuaidi100's
    // first poll after subscribing would find it.
    // Sandbox choice: a waybill nobody booked through us (the seller took it to a courier station
    // themselves) becomes a parcel on its way between the subscription's from and to cities.
    if (!this.parcels.has(number)) {
      const from = findCity(String(p.from ?? '')) ?? findCity('上海')!
      const to = findCity(String(p.to ?? '')) ?? from
      const phone = String(parameters.phone ?? '')
      this.createParcel({ company, waybillNo: number, from, to, phones: phone ? [phone] : [] })
    }
    const parcel = this.parcels.get(number)
    if (parcel && parcel.company === company && parcel.plan.some((e) => e.at <= this.o.clock.now()))
      this.pushTo(sub, parcel)
    return { result: true, returnCode: '200', message: '提交成功' }
  }

  /** 智能单号识别. */
  autonumber(num: string): Json[] {
    return companiesFor(num).map((code) => ({
      comCode: code,
      name: COMPANIES[code].name,
      lengthPre: num.length,
      noPre: num.slice(0, 4),
    }))
  }

  /** Everything, for GET /control/state. */
  /** Everything worth keeping across restarts (see persistence.ts). */
  exportState(): EngineState {
    return {
      seq: this.seq,
      parcels: [...this.parcels.values()].map(({ cancels: _c, from, to, ...p }) => ({
        ...p,
        from: from.city,
        to: to.city,
      })),
      subscriptions: this.subscriptions.map((s) => ({ ...s })),
      orders: [...this.orders.values()].map(({ from, to, ...o }) => ({
        ...o,
        from: from.city,
        to: to.city,
      })),
    }
  }

  /**
   * Replaces the state with a saved one, checking it all first. Future events and pending pickups
   * are scheduled again; pushes for events that fell due while the sandbox was down are not sent
   * (a receiver recovers those by polling, as after any lost push).
   */
  importState(state: EngineState) {
    const city = (name: unknown) => {
      const c = typeof name === 'string' ? findCity(name) : undefined
      if (!c) throw new Error(`unknown city ${String(name)}`)
      return c
    }
    if (
      !state ||
      !Array.isArray(state.parcels) ||
      !Array.isArray(state.subscriptions) ||
      !Array.isArray(state.orders)
    )
      throw new Error('not a kuaidi100 sandbox state')
    const parcels = state.parcels.map((p): Parcel => {
      if (typeof p.waybillNo !== 'string' || !Array.isArray(p.plan)) throw new Error('bad parcel')
      return { ...p, from: city(p.from), to: city(p.to), cancels: [] }
    })
    const orders = state.orders.map((o): PickupOrder => {
      if (typeof o.taskId !== 'string') throw new Error('bad pickup order')
      return { ...o, from: city(o.from), to: city(o.to) }
    })
    for (const p of this.parcels.values()) for (const c of p.cancels) c()
    this.parcels.clear()
    this.orders.clear()
    this.seq = Number(state.seq) || 0
    this.subscriptions = state.subscriptions.map((s) => ({ ...s }))
    const now = this.o.clock.now()
    for (const p of parcels) {
      this.parcels.set(p.waybillNo, p)
      for (const e of p.plan)
        if (e.at > now) p.cancels.push(this.o.clock.schedule(e.at - now, () => this.changed(p)))
    }
    const scale = this.o.scale ?? 1
    for (const o of orders) {
      this.orders.set(o.taskId, o)
      if (o.status === '0' || o.status === '1')
        this.o.clock.schedule(
          Math.max(0, o.createdAt + (o.collectAfterMs ?? this.o.pickupDelayMs) * scale - now),
          () => this.collect(o),
        )
    }
  }

  snapshot(): Json {
    return {
      now: this.o.clock.now(),
      parcels: [...this.parcels.values()].map((p) => ({
        ...this.view(p, 'asc'),
        outcome: p.outcome,
        from: p.from.city,
        to: p.to.city,
      })),
      orders: [...this.orders.values()].map((o) => ({ ...o, from: o.from.city, to: o.to.city })),
      subscriptions: this.subscriptions.map((s) => ({
        company: s.company,
        waybillNo: s.waybillNo,
        url: s.url,
      })),
    }
  }

  private changed(parcel: Parcel) {
    for (const sub of this.subscriptions)
      if (sub.waybillNo === parcel.waybillNo && sub.company === parcel.company)
        this.pushTo(sub, parcel)
  }

  private pushTo(sub: Subscription, parcel: Parcel) {
    const lastResult = this.view(parcel, 'desc')
    const aborted = parcel.abortAt !== undefined && parcel.abortAt <= this.o.clock.now()
    const monitor = aborted ? 'abort' : lastResult.ischeck === '1' ? 'shutdown' : 'polling'
    const said = `${(lastResult.data as unknown[]).length}:${monitor}`
    if (sub.lastSent === said) return
    sub.lastSent = said
    const param = JSON.stringify({
      status: monitor,
      billstatus: lastResult.ischeck === '1' ? 'check' : 'got',
      message: aborted ? '快件遗失，停止监控' : '',
      autoCheck: '0',
      comOld: '',
      comNew: '',
      lastResult,
    })
    this.o.notifier.push(
      sub.url,
      sub.salt,
      parcel.waybillNo,
      monitor,
      String(lastResult.state),
      param,
    )
  }

  private company(v: unknown): string {
    const c = String(v ?? '')
    if (!RATES[c]) throw new K100Error('400', `暂不支持该快递公司 ${c}`)
    return c
  }

  private city(v: unknown, who: string): City {
    const c = typeof v === 'string' ? findCity(v) : undefined
    if (!c) throw new K100Error('400', `${who}地址不在服务范围或无法解析：${String(v ?? '')}`)
    return c
  }

  private weight(v: unknown): number {
    const w = Number(v)
    if (!(w > 0 && w <= 100)) throw new K100Error('400', '重量不正确（0-100 公斤）')
    return w
  }

  private order(taskId: unknown): PickupOrder {
    const o = this.orders.get(String(taskId ?? ''))
    if (!o) throw new K100Error('30001', '订单不存在')
    return o
  }
}

const areaOf = (c: City) => (c.province === c.city ? `${c.city}市` : `${c.province},${c.city}市`)
