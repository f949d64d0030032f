import { withStateFile } from '../state-file'
import type { Sandbox } from '../../sandboxes'
import { createSandboxClock, type SandboxClock, type SandboxTimerOptions } from '../sandbox-clock'
import { Faults } from './faults'
import { openWechatApiStateFile } from './persistence'
import { handleRequest, type RouteContext } from './routes'
import { Engine, type EngineOptions } from './state'
import { SANDBOX_TEMPLATES, type TemplateDef } from './templates'

export { SANDBOX_TEMPLATES, SANDBOX_TEMPLATE_IDS } from './templates'
export { TOKEN_OVERLAP_MS } from './state'
export type { InboxMessage, ShippingRecord } from './state'
export type { FaultSettings } from './faults'

/** The mini-program identity the sandbox accepts at /cgi-bin/token (sandbox-only values). */
export const SANDBOX_APPID = 'wx0sandbox0linquan'
export const SANDBOX_APP_SECRET = 'linquan-sandbox-app-secret-0123456789ab'

export interface WechatApiSandboxOptions extends SandboxTimerOptions {
  appid?: string
  secret?: string
  /** Default 7200 s, as WeChat. */
  tokenTtlMs?: number
  templates?: TemplateDef[]
  /** Whether a paid order exists (upload_shipping_info answers 10060001 otherwise); default all do. */
  orderExists?: EngineOptions['orderExists']
  /**
   * Keep subscriptions, the inbox and shipping infos in this JSON file across restarts
   * (`npm start`). Tests leave it unset and get a fresh sandbox every time.
   */
  stateFile?: string
  /** Where load/save problems are reported (default console.warn). */
  warn?: (line: string) => void
}

export interface WechatApiSandbox extends Sandbox {
  engine: Engine
  faults: Faults
  clock: SandboxClock
  /** With `stateFile`: writes pending changes now (e.g. after calling the engine directly). */
  saveState(): void
}

export const createWechatApiSandbox = (options: WechatApiSandboxOptions = {}): WechatApiSandbox => {
  const clock = createSandboxClock(options)
  const faults = new Faults()
  const engine = new Engine({
    appid: options.appid ?? SANDBOX_APPID,
    secret: options.secret ?? SANDBOX_APP_SECRET,
    now: () => clock.now(),
    tokenTtlMs: options.tokenTtlMs ?? 7200_000,
    templates: options.templates ?? Object.values(SANDBOX_TEMPLATES),
    orderExists: options.orderExists,
  })
  const stateFile = options.stateFile
    ? openWechatApiStateFile(options.stateFile, engine, options.warn)
    : undefined
  const ctx: RouteContext = { engine, faults, clock }
  return {
    vendor: 'wechat-api',
    description:
      '微信服务端 API 沙箱（access_token、发货信息录入、确认收货提醒、订阅消息；服务通知收件箱 /inbox?openid=、故障注入）',
    ...withStateFile(
      () => stateFile,
      clock,
      (req, res, path, url) => handleRequest(ctx, req, res, path, url),
    ),
    saveState: () => stateFile?.save(),
    engine,
    faults,
    clock,
  }
}
