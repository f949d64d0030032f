import type { Kuaidi100ConfigInput } from '../../../src/adapters/courier/kuaidi100.config'
import {
  SANDBOX_KUAIDI100_CUSTOMER,
  SANDBOX_KUAIDI100_KEY,
  SANDBOX_KUAIDI100_SECRET,
} from './index'

/** The salt our adapter asks kuaidi100 to sign pushes with (sandbox-only value). */
export const SANDBOX_KUAIDI100_SALT = 'LinQuanSandboxPushSalt0123456789'

/**
 * The adapter configuration that points Kuaidi100Courier at this sandbox: every kuaidi100 host is
 * the sandbox's mount, and pushes go to the local cloud's HTTP-triggered courier-notify function.
 */
export const kuaidi100SandboxClientConfig = (
  sandboxUrl: string,
  notifyBase: string,
): Kuaidi100ConfigInput => ({
  baseUrls: { poll: sandboxUrl, autonumber: sandboxUrl },
  key: SANDBOX_KUAIDI100_KEY,
  customer: SANDBOX_KUAIDI100_CUSTOMER,
  secret: SANDBOX_KUAIDI100_SECRET,
  salt: SANDBOX_KUAIDI100_SALT,
  callbackUrl: `${notifyBase}/http/courier-notify/kuaidi100`,
})
