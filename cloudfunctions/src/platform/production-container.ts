import cloudbase from '@cloudbase/node-sdk'
import { DEFAULT_COMMISSION } from '@shared/domain/commission'
import { systemClock } from '../adapters/clock/system-clock'
import { kuaidi100ConfigFromEnv } from '../adapters/courier/kuaidi100.config'
import { Kuaidi100Courier } from '../adapters/courier/kuaidi100.courier'
import { secretBoxFromEnv } from '../adapters/crypto/aes-gcm-secret-box'
import { cryptoSecretCodes } from '../adapters/crypto/crypto-secret-codes'
import { CloudbaseFiles, type CbStorageApp } from '../adapters/files/cloudbase-files'
import { ulidIds } from '../adapters/ids/ulid-ids'
import { sharpPhotoHasher } from '../adapters/images/sharp-photo-hasher'
import { wechatPayConfigFromEnv } from '../adapters/payments/wechat-pay.config'
import { WechatPayGateway } from '../adapters/payments/wechat-pay.gateway'
import { DocumentStoreRateLimiter } from '../adapters/rate-limit/document-store-rate-limiter'
import { wechatApiConfigFromEnv } from '../adapters/wechat-api/wechat-api.config'
import { WechatApiClient } from '../adapters/wechat-api/wechat-api.client'
import { WechatApiTransport } from '../adapters/wechat-api/wechat-api.transport'
import { WechatContentSecurityClient } from '../adapters/wechat-api/wechat-content-security.client'
import { WechatShareClient } from '../adapters/wechat-api/wechat-share.client'
import { quietChatSignal } from '../modules/chat/ports/chat-signal.port'
import { moduleHooks } from '../modules/hooks'
import { cloudbaseIdentity } from './caller-identity'
import { cloudbaseDatabase } from './cloudbase-database'
import type { Container } from './container'

type Env = Record<string, string | undefined>

/**
 * The variables every function needs (README "Deploy it" has what each is; the others have
 * defaults). scripts/deploy checks this list against its catalogue, so the two cannot drift.
 */
export const REQUIRED_ENV = [
  'LINQUAN_SECRET_BOX_KEY',
  ...[
    'SP_MCHID',
    'SP_APPID',
    'MERCHANT_SERIAL_NO',
    'MERCHANT_PRIVATE_KEY_FILE',
    'APIV3_KEY',
    'NOTIFY_URL_PAYMENT',
    'NOTIFY_URL_REFUND',
  ].map((n) => `WECHATPAY_${n}`),
  ...['KEY', 'CUSTOMER', 'SECRET', 'SALT', 'CALLBACK_URL'].map((n) => `KUAIDI100_${n}`),
  'WECHAT_APPID',
  'WECHAT_SECRET',
  'WECHAT_PUSH_TOKEN',
  ...[
    'ORDER_PAID',
    'ORDER_SHIPPED',
    'ORDER_DELIVERED',
    'REFUND',
    'AUTO_RECEIVE_REMINDER',
    'CHAT_MESSAGE',
    'REVIEW_REMINDER',
  ].map((n) => `WECHAT_TEMPLATE_${n}`),
]

/** A reader's complaint in one line (zod's are JSON lists of issues): never a value. */
const oneLine = (e: unknown) => {
  const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues
  return issues
    ? issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')
    : (e as Error).message
}

/**
 * Reads every vendor's configuration from the environment at once, so a deploy missing several
 * variables is told all of them in one message instead of one per cold start.
 */
const configsFrom = (env: Env, codeDir: string) => {
  // By name from REQUIRED_ENV (tested against deploy's catalogue), not a read deploy:check must follow.
  const given = new Map(Object.entries(env))
  const missing = REQUIRED_ENV.filter((name) => !given.get(name)?.trim())
  if (missing.length > 0)
    throw new Error(
      `This function cannot start: environment variable(s) not set: ${missing.join(', ')} (see README "Deploy it")`,
    )
  const problems: string[] = []
  const read = <T>(what: string, reader: (env: Env) => T): T | null => {
    try {
      return reader(env)
    } catch (e) {
      problems.push(`${what}: ${oneLine(e)}`)
      return null
    }
  }
  const configs = {
    secrets: read('sealing key', secretBoxFromEnv),
    // The key files deploy:stage put beside the bundle, named relative to the function's folder.
    wechatPay: read('WeChat Pay', (e) => wechatPayConfigFromEnv(e, codeDir)),
    wechatApi: read('WeChat server API', wechatApiConfigFromEnv),
    kuaidi100: read('kuaidi100', kuaidi100ConfigFromEnv),
  }
  if (problems.length > 0)
    throw new Error(
      `This function cannot start; its environment is malformed (see README "Deploy it"):\n- ${problems.join('\n- ')}`,
    )
  return configs as { [K in keyof typeof configs]: NonNullable<(typeof configs)[K]> }
}

/**
 * Production (CloudBase): the document database, cloud storage and search in the listing
 * documents through @cloudbase/node-sdk, the caller from WX_OPENID (cloudbaseIdentity), and the
 * vendors from environment variables. Chat is realtime through the database's watch, so no server
 * streams: the chat signal is quiet. `cloudbase.SYMBOL_CURRENT_ENV` is the environment the
 * function runs in; the runtime supplies its credentials.
 */
export const createProductionContainer = (
  env: Env = process.env,
  // This module is bundled into the function's one index.js, so __dirname is the function's
  // folder, where deploy:stage put its files (secrets/…).
  codeDir: string = __dirname,
): Container => {
  const configs = configsFrom(env, codeDir)
  const clock = systemClock
  const app = cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV })
  const { store, search } = cloudbaseDatabase(app)
  // One transport: both WeChat clients spend one access_token, as one server would.
  const wechat = new WechatApiTransport({ config: configs.wechatApi, clock })
  return {
    store,
    search,
    files: new CloudbaseFiles(app as unknown as CbStorageApp),
    clock,
    ids: ulidIds(clock),
    codes: cryptoSecretCodes,
    payments: new WechatPayGateway({ config: configs.wechatPay, clock }),
    escrow: {
      spMchid: configs.wechatPay.spMchid,
      commission: DEFAULT_COMMISSION,
      maxUnpaidOrders: 3,
    },
    wechatApi: new WechatApiClient({ transport: wechat }),
    wechatShare: new WechatShareClient({ transport: wechat }),
    contentSecurity: new WechatContentSecurityClient({ transport: wechat }),
    photoHasher: sharpPhotoHasher,
    courier: new Kuaidi100Courier({ config: configs.kuaidi100, clock }),
    limits: new DocumentStoreRateLimiter(store, clock),
    chatSignal: quietChatSignal,
    secrets: configs.secrets,
    hooks: moduleHooks,
    identity: cloudbaseIdentity,
  }
}
