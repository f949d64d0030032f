import { withStateFile } from '../state-file'
import type { Sandbox } from '../../sandboxes'
import { MediaChecks, type MediaCheckOptions, type MessagePushSettings } from './media-check'
import { createSandboxClock, type SandboxClock, type SandboxTimerOptions } from '../sandbox-clock'
import { Faults } from './faults'
import { openWechatApiStateFile } from './persistence'
import { handleRequest, type RouteContext } from './routes'
import { Engine, type EngineOptions } from './state'
import { SANDBOX_TEMPLATES, type TemplateDef } from './templates'
import { GroupOpenData } from './group-open-data'
import type { ShareSandbox } from './share-control'
import { UpdatableCards } from './updatable-cards'
import { DEFAULT_PUBLISHED_PAGES } from './wxacode'

export { SANDBOX_TEMPLATES, SANDBOX_TEMPLATE_IDS } from './templates'
export { TOKEN_OVERLAP_MS } from './state'
export type { InboxMessage, ShippingRecord } from './state'
export type { FaultSettings } from './faults'
export type { UpdatableCard, CardChange } from './updatable-cards'
export { cardLabel, ACTIVITY_TTL_MS } from './updatable-cards'
export type { SandboxGroup } from './group-open-data'
export { SEEDED_GROUPS, CLOUD_ID_TTL_MS } from './group-open-data'
export type { WxacodeRecord, WxacodeDecoded } from './wxacode'
export { parseWxacodeContent, WXACODE_CONTENT_ORIGIN, DEFAULT_PUBLISHED_PAGES } from './wxacode'

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
  /** How long an activity_id lives (WeChat: 24 h). */
  activityTtlMs?: number
  /** How long a group cloudID can be traded for its openGId (CloudBase: 5 minutes). */
  cloudIdTtlMs?: number
  /** Pages a check_path=true 小程序码 may open (default DEFAULT_PUBLISHED_PAGES). */
  publishedPages?: string[]
  /**
   * Keep subscriptions, the inbox and shipping infos in this JSON file across restarts
   * (`npm start`). Tests leave it unset and get a fresh sandbox every time.
   */
  stateFile?: string
  /** Where load/save problems are reported (default console.warn). */
  warn?: (line: string) => void
  /** The mini-program's 消息推送 settings: where image-check results are pushed (also `POST /control/media-push`). */
  messagePush?: MessagePushSettings
  /** From media_check_async to its push, in sandbox time (default 3 s). */
  mediaCheckDelayMs?: number
  /** How media_url is read (default fetch). */
  fetchMedia?: MediaCheckOptions['fetchMedia']
}

export interface WechatApiSandbox extends Sandbox {
  engine: Engine
  /** Updatable cards, groups and cloudIDs, 小程序码 drawn. */
  share: ShareSandbox
  faults: Faults
  clock: SandboxClock
  /** mediaCheckAsync: the pushes sent (log), the push settings, the push faults. */
  media: MediaChecks
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
  const appid = options.appid ?? SANDBOX_APPID
  const now = () => clock.now()
  const cards = new UpdatableCards(now, options.activityTtlMs)
  const groups = new GroupOpenData({
    appid,
    secret: options.secret ?? SANDBOX_APP_SECRET,
    now,
    ttlMs: options.cloudIdTtlMs,
  })
  const share: ShareSandbox = {
    appid,
    cards,
    groups,
    publishedPages: options.publishedPages ?? DEFAULT_PUBLISHED_PAGES,
    wxacodes: [],
    reset() {
      cards.reset()
      groups.reset()
      this.wxacodes.splice(0)
    },
  }
  const stateFile = options.stateFile
    ? openWechatApiStateFile(options.stateFile, engine, share, options.warn)
    : undefined
  const media = new MediaChecks({
    appid,
    clock,
    delayMs: options.mediaCheckDelayMs,
    push: options.messagePush,
    fetchMedia: options.fetchMedia,
  })
  const ctx: RouteContext = { engine, faults, clock, share, media }
  return {
    vendor: 'wechat-api',
    description:
      '微信服务端 API 沙箱（access_token、发货信息录入、确认收货提醒、订阅消息、动态消息、小程序码、群聊 cloudID；服务通知收件箱 /inbox?openid=、故障注入）',
    ...withStateFile(
      () => stateFile,
      clock,
      (req, res, path, url) => handleRequest(ctx, req, res, path, url),
    ),
    saveState: () => stateFile?.save(),
    engine,
    share,
    faults,
    clock,
    media,
  }
}
