import type { WechatApiConfigInput } from '../../../src/adapters/wechat-api/wechat-api.config'
import { SANDBOX_APP_SECRET, SANDBOX_APPID, SANDBOX_TEMPLATE_IDS } from './index'

/** The 消息推送 Token and EncodingAESKey set for the sandbox mini-program (sandbox-only values). */
export const SANDBOX_PUSH_TOKEN = 'linquanSandboxPushToken'
export const SANDBOX_ENCODING_AES_KEY = 'LinQuanSandboxEncodingAesKey0123456789abcde'

/** The production adapter's config pointed at a mounted sandbox (`baseUrl` from the registry's urlOf). */
export const wechatApiSandboxClientConfig = (baseUrl: string): WechatApiConfigInput => ({
  baseUrl,
  appid: SANDBOX_APPID,
  secret: SANDBOX_APP_SECRET,
  templates: SANDBOX_TEMPLATE_IDS,
  miniprogramState: 'developer',
  messagePush: { token: SANDBOX_PUSH_TOKEN, encodingAesKey: SANDBOX_ENCODING_AES_KEY },
})

/** Where the sandbox pushes (安全模式, as the client config expects): the local cloud's wechat-notify. */
export const sandboxMessagePush = (cloudUrl: string) => ({
  url: `${cloudUrl}/http/wechat-notify`,
  token: SANDBOX_PUSH_TOKEN,
  encodingAesKey: SANDBOX_ENCODING_AES_KEY,
})
