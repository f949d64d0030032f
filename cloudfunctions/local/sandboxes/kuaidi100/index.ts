import { withStateFile } from '../state-file'
import type { Sandbox } from '../../sandboxes'
import {
  createSandboxClock,
  observedClock,
  type SandboxClock,
  type SandboxTimerOptions,
} from '../sandbox-clock'
import { Faults } from './faults'
import { Kuaidi100Notifier } from './notifier'
import { openKuaidi100StateFile, type StateFile } from './persistence'
import { findCity } from './rates'
import { handleRequest, type RouteContext } from './routes'
import { Engine, type Outcome } from './state'

export { PUSH_RETRY_MS } from './notifier'
export type { Kuaidi100Faults } from './faults'
export type { Outcome } from './state'

/** The sandbox's account: what KUAIDI100_KEY / _CUSTOMER / _SECRET hold locally (public, sandbox-only). */
export const SANDBOX_KUAIDI100_KEY = 'LinQuanSandboxKey'
export const SANDBOX_KUAIDI100_CUSTOMER = 'LQSANDBOXCUSTOMER0000000000000001'
export const SANDBOX_KUAIDI100_SECRET = 'LinQuanSandboxSecret'

export interface Kuaidi100SandboxOptions extends SandboxTimerOptions {
  /** Real timers only: durations divided by this (600: a cross-country parcel's two days take about five minutes). */
  timeFactor?: number
  key?: string
  customer?: string
  secret?: string
  /** From bOrder to the courier collecting the parcel (sandbox time; default one hour). */
  pickupDelayMs?: number
  fetch?: typeof fetch
  /**
   * Keep parcels, pickups and subscriptions in this JSON file across restarts (`npm start`);
   * tests and e2e leave it unset and get a fresh sandbox every time.
   */
  stateFile?: string
  /** Where load/save problems are reported (default console.warn). */
  warn?: (line: string) => void
}

export interface Kuaidi100Sandbox extends Sandbox {
  engine: Engine
  faults: Faults
  clock: SandboxClock
  notifier: Kuaidi100Notifier
  /** A parcel dropped off at a counter now (no pickup order): tracking starts with 揽收. */
  ship(input: {
    company: string
    waybillNo: string
    fromCity: string
    toCity: string
    phones?: string[]
    outcome?: Outcome
  }): Record<string, unknown>
}

export const createKuaidi100Sandbox = (options: Kuaidi100SandboxOptions = {}): Kuaidi100Sandbox => {
  // Real timers do not divide delays in the clock (as WeChat Pay's do): the engine compresses its
  // durations instead, so the times in tracking answers agree with the real clock.
  const manual = options.timers === 'manual'
  const scale = manual ? 1 : 1 / (options.timeFactor ?? 1)
  const baseClock = createSandboxClock(options)
  // Events falling due change what a save would write.
  let stateFile: StateFile | undefined
  const clock = options.stateFile
    ? observedClock(baseClock, () => stateFile?.markDirty())
    : baseClock
  const faults = new Faults()
  const notifier = new Kuaidi100Notifier(clock, faults, options.fetch, 5000, scale)
  const engine = new Engine({
    clock,
    notifier,
    pickupDelayMs: options.pickupDelayMs ?? 3600_000,
    scale,
  })
  if (options.stateFile) stateFile = openKuaidi100StateFile(options.stateFile, engine, options.warn)
  const ctx: RouteContext = {
    engine,
    faults,
    clock,
    notifier,
    key: options.key ?? SANDBOX_KUAIDI100_KEY,
    customer: options.customer ?? SANDBOX_KUAIDI100_CUSTOMER,
    secret: options.secret ?? SANDBOX_KUAIDI100_SECRET,
  }
  return {
    vendor: 'kuaidi100',
    description:
      '快递100 沙箱（实时查询、订阅推送、智能单号识别、商家寄件价格/下单/取消；MD5 签名、推送重试、疑难/退签/遗失与推送故障注入）',
    ...withStateFile(
      () => stateFile,
      clock,
      (req, res, path, url) => handleRequest(ctx, req, res, path, url),
    ),
    engine,
    faults,
    clock,
    notifier,
    ship: (input) => {
      const from = findCity(input.fromCity)
      const to = findCity(input.toCity)
      if (!from || !to) throw new Error(`unknown city ${from ? input.toCity : input.fromCity}`)
      const view = engine.createParcel({
        company: input.company,
        waybillNo: input.waybillNo,
        from,
        to,
        phones: input.phones ?? [],
        outcome: input.outcome,
      })
      stateFile?.markDirty()
      return view
    },
  }
}
