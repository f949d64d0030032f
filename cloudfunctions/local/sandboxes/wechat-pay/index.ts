import { withStateFile } from '../state-file'
import type { Sandbox } from '../../sandboxes'
import {
  createSandboxClock,
  observedClock,
  type SandboxClock,
  type SandboxTimerOptions,
} from '../sandbox-clock'
import { Faults } from './faults'
import { MediaStore } from './media'
import { SANDBOX_APIV3_KEY, SANDBOX_SP_MCHID, sandboxKeys } from './keys'
import { Notifier } from './notifier'
import { openWechatPayStateFile, type StateFile } from './persistence'
import { handleRequest, type RouteContext } from './routes'
import { Engine } from './state'

export {
  SANDBOX_APIV3_KEY,
  SANDBOX_SP_APPID,
  SANDBOX_SP_MCHID,
  FIXTURES_DIR,
  sandboxKeys,
} from './keys'
export { RETRY_SCHEDULE_MS } from './notifier'
export type { FaultSettings } from './faults'

export interface WechatPaySandboxOptions extends SandboxTimerOptions {
  /** Real timers only: delays divided by this (60 makes WeChat's 15 s retry take 0.25 s). Default 1. */
  timeFactor?: number
  spMchid?: string
  apiV3Key?: string
  applymentStepMs?: number
  refundDelayMs?: number
  /** The platform's 垫付 deposit for advance refunds (default ¥100,000). */
  advanceDepositFen?: number
  /** Sub-merchants that exist from the start, without onboarding. */
  subMchids?: string[]
  /** Where the sandbox is mounted (for the cashier page's own calls). */
  mount?: string
  fetch?: typeof fetch
  /**
   * Keep the state in this JSON file across restarts (`npm start`): loaded at creation if it
   * exists (unreadable or corrupt: a warning, then empty), saved shortly after each change and on
   * close. Tests and e2e leave it unset and get a fresh sandbox every time.
   */
  stateFile?: string
  /** Where load/save problems are reported (default console.warn). */
  warn?: (line: string) => void
}

export interface WechatPaySandbox extends Sandbox {
  engine: Engine
  /** Uploaded images (media ids applyments may use). */
  media: MediaStore
  books: Engine['books']
  faults: Faults
  clock: SandboxClock
  notifier: Notifier
  /** The buyer confirms the payment (what the cashier's 确认支付 does). */
  pay(out_trade_no: string): Record<string, unknown>
  /** With `stateFile`: writes pending changes now (e.g. after calling the engine directly). */
  saveState(): void
}

export const createWechatPaySandbox = (options: WechatPaySandboxOptions = {}): WechatPaySandbox => {
  const keys = sandboxKeys()
  const baseClock = createSandboxClock(options, options.timeFactor ?? 1)
  // Set once the engine exists; fired tasks (refund success, retries) change state too.
  let stateFile: StateFile | undefined
  const clock = options.stateFile
    ? observedClock(baseClock, () => stateFile?.markDirty())
    : baseClock
  const faults = new Faults()
  const apiV3Key = options.apiV3Key ?? SANDBOX_APIV3_KEY
  if (Buffer.byteLength(apiV3Key) !== 32) throw new Error('the APIv3 key must be 32 bytes')
  const spMchid = options.spMchid ?? SANDBOX_SP_MCHID
  const notifier = new Notifier(
    clock,
    faults,
    {
      apiV3Key,
      platformKey: keys.platform.privateKey,
      platformSerial: keys.platform.serial,
      wrongKey: keys.wrong.privateKey,
    },
    options.fetch,
  )
  const engine = new Engine({
    spMchid,
    clock,
    notifier,
    platformPrivateKey: keys.platform.privateKey,
    applymentStepMs: options.applymentStepMs ?? 60_000,
    refundDelayMs: options.refundDelayMs ?? 5_000,
    knownSubMchids: options.subMchids ?? [],
    advanceDepositFen: options.advanceDepositFen ?? 10_000_000,
  })
  const media = new MediaStore()
  if (options.stateFile)
    stateFile = openWechatPayStateFile(options.stateFile, engine, media, options.warn)
  const ctx: RouteContext = {
    engine,
    media,
    faults,
    clock,
    notifier,
    spMchid,
    apiV3Key,
    merchant: keys.merchant,
    platform: keys.platform,
    mount: options.mount ?? '/sandbox/wechat-pay',
    maxSkewMs: 5 * 60_000,
  }
  return {
    vendor: 'wechat-pay',
    description:
      '微信支付 API v3 平台收付通沙箱（进件、JSAPI 下单、分账、退款、余额提现、平台证书；签名、加密、通知重试、故障注入）',
    ...withStateFile(
      () => stateFile,
      clock,
      (req, res, path, url) => handleRequest(ctx, req, res, path, url),
    ),
    engine,
    media,
    books: engine.books,
    faults,
    clock,
    notifier,
    pay: (out_trade_no) => {
      const view = engine.pay(out_trade_no)
      stateFile?.markDirty()
      return view
    },
    saveState: () => stateFile?.save(),
  }
}
