import type { WechatApiConfigInput } from '../../../src/adapters/wechat-api/wechat-api.config'
import { SANDBOX_APP_SECRET, SANDBOX_APPID, SANDBOX_TEMPLATE_IDS } from './index'

/** The production adapter's config pointed at a mounted sandbox (`baseUrl` from the registry's urlOf). */
export const wechatApiSandboxClientConfig = (baseUrl: string): WechatApiConfigInput => ({
  baseUrl,
  appid: SANDBOX_APPID,
  secret: SANDBOX_APP_SECRET,
  templates: SANDBOX_TEMPLATE_IDS,
  miniprogramState: 'developer',
})
