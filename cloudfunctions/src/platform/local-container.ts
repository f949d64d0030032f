import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { systemClock } from '../adapters/clock/system-clock'
import { AesGcmSecretBox } from '../adapters/crypto/aes-gcm-secret-box'
import { cryptoSecretCodes } from '../adapters/crypto/crypto-secret-codes'
import { LocalDiskFiles } from '../adapters/files/local-disk-files'
import type { WechatPayConfigInput } from '../adapters/payments/wechat-pay.config'
import { WechatPayGateway } from '../adapters/payments/wechat-pay.gateway'
import { ulidIds } from '../adapters/ids/ulid-ids'
import type { WechatApiConfigInput } from '../adapters/wechat-api/wechat-api.config'
import { WechatApiClient } from '../adapters/wechat-api/wechat-api.client'
import { WechatApiTransport } from '../adapters/wechat-api/wechat-api.transport'
import { WechatShareClient } from '../adapters/wechat-api/wechat-share.client'
import type { WechatShareApi } from '../modules/share/ports/wechat-share.port'
import { WechatContentSecurityClient } from '../adapters/wechat-api/wechat-content-security.client'
import {
  PushSignatureError,
  type ContentSecurity,
} from '../modules/risk/ports/content-security.port'
import type { Kuaidi100ConfigInput } from '../adapters/courier/kuaidi100.config'
import { Kuaidi100Courier } from '../adapters/courier/kuaidi100.courier'
import { CourierError, type Courier } from '../modules/delivery/ports/courier.port'
import { SqliteListingSearch } from '../adapters/search/sqlite-listing-search'
import { SqliteDocumentStore } from '../adapters/store/sqlite-document-store'
import type { CloudbaseDocumentStore } from '../adapters/store/cloudbase-document-store'
import { cloudbaseDatabase } from './cloudbase-database'
import { DocumentStoreRateLimiter } from '../adapters/rate-limit/document-store-rate-limiter'
import { DEFAULT_COMMISSION } from '@shared/domain/commission'
import type { Clock } from '../modules/core/ports/clock.port'
import {
  PaymentGatewayError,
  type PaymentGateway,
} from '../modules/payments/ports/payment-gateway.port'
import { WechatApiError, type WechatApi } from '../modules/messaging/ports/wechat-api.port'
import { localIdentity } from './caller-identity'
import type { Container } from './container'
import { moduleHooks } from '../modules/hooks'
import { InProcessChatSignal } from '../adapters/realtime/in-process-chat-signal'
import { sharpPhotoHasher } from '../adapters/images/sharp-photo-hasher'

export interface LocalContainerOptions {
  /** Folder for the SQLite file (linquan.db) and uploaded files (files/). */
  dataDir: string
  /** Where the gateway serves files, e.g. `/files`. */
  publicBaseUrl: string
  sessionSecret: string
  clock?: Clock
  /** WeChat Pay (the local sandbox); without it every payment call fails with NOT_CONFIGURED. */
  wechatPay?: WechatPayConfigInput
  /**
   * WeChat server API (the local sandbox), for order messages and for sharing alike (one
   * access_token); without it every call fails with NOT_CONFIGURED.
   */
  wechatApi?: WechatApiConfigInput
  /** kuaidi100 (the local sandbox); without it every courier call fails with NOT_CONFIGURED. */
  kuaidi100?: Kuaidi100ConfigInput
  /**
   * The key that seals personal data at rest (64 hex digits; tests may pass a passphrase). Its own
   * secret, never derived from the session secret: `npm start` keeps it in .data/secret-box-key.
   */
  secretKey: string
  /** Keys of earlier rotations, still needed to open what they sealed (see AesGcmSecretBox). */
  oldSecretKeys?: string[]
  /**
   * Keep documents and the search index in a CloudBase database (the local cloud's CloudBase
   * sandbox) through the production adapters, instead of SQLite in dataDir.
   */
  cloudbase?: LocalCloudbaseConfig
}

/** What `cloudbase.init` needs to reach a CloudBase database that is not the function's own. */
export interface LocalCloudbaseConfig {
  serviceUrl: string
  env: string
  secretId: string
  secretKey: string
}

/** Stands in when no kuaidi100 is configured: calls reject, verifyPush and pushAnswer throw. */
const notConfiguredCourier = () =>
  new CourierError(
    'transport',
    'NOT_CONFIGURED',
    'no kuaidi100 configured for this local container',
    false,
  )
const unconfiguredCourier = new Proxy({} as Courier, {
  get: (_t, name) => {
    // Not thenable: `await deps.courier` (or returning it from an async function) must not hang.
    if (name === 'then' || typeof name === 'symbol') return undefined
    if (name === 'verifyPush' || name === 'verifyPickupPush' || name === 'pushAnswer')
      return () => {
        throw notConfiguredCourier()
      }
    return () => Promise.reject(notConfiguredCourier())
  },
})

/** Stands in when no WeChat Pay is configured, so unrelated tests need no sandbox. */
const unconfiguredPayments = new Proxy({} as PaymentGateway, {
  get: () => () => {
    throw new PaymentGatewayError(
      0,
      'NOT_CONFIGURED',
      'no WeChat Pay configured for this local container',
      false,
      'transport',
    )
  },
})

/** Stands in when no WeChat server API is configured; `templates` reads as unset ids. */
const unconfiguredWechatApi: WechatApi = {
  templates: {
    orderPaid: 'unconfigured',
    orderShipped: 'unconfigured',
    orderDelivered: 'unconfigured',
    refund: 'unconfigured',
    autoReceiveReminder: 'unconfigured',
    chatMessage: 'unconfigured',
    reviewReminder: 'unconfigured',
  },
  ...Object.fromEntries(
    (['uploadShippingInfo', 'notifyConfirmReceive', 'sendSubscribeMessage'] as const).map(
      (name) => [
        name,
        () =>
          Promise.reject(
            new WechatApiError(
              'NOT_CONFIGURED',
              'no WeChat server API configured for this local container',
              false,
              'not-configured',
            ),
          ),
      ],
    ),
  ),
} as WechatApi

/** Stands in for the sharing APIs when no WeChat server API is configured. */
const unconfiguredWechatShare = Object.fromEntries(
  (['createActivityId', 'sendUpdatableMessage', 'getUnlimitedQrCode', 'openGroupId'] as const).map(
    (name) => [
      name,
      () =>
        Promise.reject(
          new WechatApiError(
            'NOT_CONFIGURED',
            'no WeChat server API configured for this local container',
            false,
            'not-configured',
          ),
        ),
    ],
  ),
) as unknown as WechatShareApi

/** Stands in for content security when no WeChat server API is configured: the lexicon alone decides. */
const unconfiguredContentSecurity = Object.fromEntries([
  // No token to check a push against: every push is refused (synchronously, as the port says).
  ...(['verifyPush', 'answerUrlCheck'] as const).map((name) => [
    name,
    () => {
      throw new PushSignatureError('no WeChat message push configured for this local container')
    },
  ]),
  ...(['checkText', 'checkImageAsync'] as const).map((name) => [
    name,
    () =>
      Promise.reject(
        new WechatApiError(
          'NOT_CONFIGURED',
          'no WeChat server API configured for this local container',
          false,
          'not-configured',
        ),
      ),
  ]),
]) as unknown as ContentSecurity

type LocalContainerOf<S> = Container & {
  store: S
  files: LocalDiskFiles
  /** Closes the database (SQLite's file; nothing to close over HTTP). */
  close(): void
}
/** The default: documents in SQLite, whose connection tests and benches may read. */
export type LocalContainer = LocalContainerOf<SqliteDocumentStore>
export type CloudbaseLocalContainer = LocalContainerOf<CloudbaseDocumentStore>

/**
 * Outside Tencent Cloud, the SDK pointed at a database by URL and keys (the caller sets
 * TENCENTCLOUD, or the SDK probes Tencent's metadata host before each request).
 */
const openCloudbase = (config: LocalCloudbaseConfig) => {
  // Required here: the SDK loads only when a local cloud asks for it, never in SQLite runs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloudbase = require('@cloudbase/node-sdk') as typeof import('@cloudbase/node-sdk')
  const { serviceUrl, env, secretId, secretKey } = config
  return cloudbaseDatabase(cloudbase.init({ env, serviceUrl, secretId, secretKey }))
}

/**
 * The local cloud's wiring: SQLite or a CloudBase database (documents and search index), disk
 * files, signed demo sessions.
 */
export function createLocalContainer(
  options: LocalContainerOptions & { cloudbase?: undefined },
): LocalContainer
export function createLocalContainer(
  options: LocalContainerOptions,
): LocalContainer | CloudbaseLocalContainer
export function createLocalContainer(
  options: LocalContainerOptions,
): LocalContainer | CloudbaseLocalContainer {
  // No fallback: a key made from the session secret would fall with it.
  if (!options.secretKey)
    throw new Error('createLocalContainer needs secretKey (the SecretBox key), its own secret')
  const clock = options.clock ?? systemClock
  const filesDir = join(options.dataDir, 'files')
  mkdirSync(filesDir, { recursive: true })
  const sqlite = options.cloudbase
    ? null
    : new SqliteDocumentStore(join(options.dataDir, 'linquan.db'))
  const { store, search } = sqlite
    ? // The index shares the store's connection: listing and index writes commit together.
      { store: sqlite, search: new SqliteListingSearch(sqlite.connection) }
    : openCloudbase(options.cloudbase!)
  // Both WeChat adapters spend one access_token, as one server would.
  const wechat = options.wechatApi
    ? new WechatApiTransport({ config: options.wechatApi, clock })
    : undefined
  return {
    store,
    search,
    close: () => sqlite?.close(),
    files: new LocalDiskFiles(filesDir, options.publicBaseUrl),
    clock,
    ids: ulidIds(clock),
    codes: cryptoSecretCodes,
    payments: options.wechatPay
      ? new WechatPayGateway({ config: options.wechatPay, clock })
      : unconfiguredPayments,
    escrow: {
      spMchid: options.wechatPay?.spMchid ?? 'unconfigured',
      commission: DEFAULT_COMMISSION,
      maxUnpaidOrders: 3,
    },
    wechatApi: wechat ? new WechatApiClient({ transport: wechat }) : unconfiguredWechatApi,
    wechatShare: wechat ? new WechatShareClient({ transport: wechat }) : unconfiguredWechatShare,
    contentSecurity: wechat
      ? new WechatContentSecurityClient({ transport: wechat })
      : unconfiguredContentSecurity,
    photoHasher: sharpPhotoHasher,
    courier: options.kuaidi100
      ? new Kuaidi100Courier({ config: options.kuaidi100, clock })
      : unconfiguredCourier,
    limits: new DocumentStoreRateLimiter(store, clock),
    chatSignal: new InProcessChatSignal(),
    secrets: AesGcmSecretBox.fromText(options.secretKey, options.oldSecretKeys),
    hooks: moduleHooks,
    identity: localIdentity(options.sessionSecret, () => clock.now()),
    // One store kind or the other, as `sqlite` says; TypeScript cannot see the pairing.
  } as LocalContainer | CloudbaseLocalContainer
}
