import type { LocalCloudbaseConfig } from '../../src/platform/local-container'
import { CloudbaseSandbox, type CloudbaseSandboxOptions } from './cloudbase-sandbox'

/** The only API key the local cloud's sandbox accepts (sandbox-only values, like kuaidi100's). */
export const SANDBOX_CLOUDBASE_SECRET_ID = 'AKIDlinquanlocalsandbox'
export const SANDBOX_CLOUDBASE_SECRET_KEY = 'LinQuanCloudbaseSandboxKey'
/** The environment the local cloud's documents live in. */
export const SANDBOX_CLOUDBASE_ENV = 'linquan-local'

/** The CloudBase database sandbox the local cloud mounts at /sandbox/cloudbase. */
export const createCloudbaseSandbox = (
  options: Omit<CloudbaseSandboxOptions, 'credentials'> = {},
): CloudbaseSandbox =>
  new CloudbaseSandbox({
    credentials: { [SANDBOX_CLOUDBASE_SECRET_ID]: SANDBOX_CLOUDBASE_SECRET_KEY },
    ...options,
  })

/** What the container's CloudBase adapters need to use that sandbox as their database. */
export const cloudbaseSandboxClientConfig = (sandboxUrl: string): LocalCloudbaseConfig => ({
  serviceUrl: sandboxUrl,
  env: SANDBOX_CLOUDBASE_ENV,
  secretId: SANDBOX_CLOUDBASE_SECRET_ID,
  secretKey: SANDBOX_CLOUDBASE_SECRET_KEY,
})
