import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createWechatPaySandbox,
  type WechatPaySandbox,
  type WechatPaySandboxOptions,
} from '../../cloudfunctions/local/sandboxes/wechat-pay'
import {
  createWechatApiSandbox,
  type WechatApiSandbox,
} from '../../cloudfunctions/local/sandboxes/wechat-api'
import {
  createKuaidi100Sandbox,
  type Kuaidi100Sandbox,
  type Kuaidi100SandboxOptions,
} from '../../cloudfunctions/local/sandboxes/kuaidi100'
import {
  type LocalCloud,
  type LocalCloudOptions,
  startLocalCloud,
} from '../../cloudfunctions/local/server'
import { createCloudbaseSandbox } from '../../cloudfunctions/local/cloudbase-sandbox/client-config'
import { buildFunctions } from '../../scripts/build-functions'
import { sandboxIndexes } from '../../scripts/deploy/collections'
import { buildH5IfStale } from '../../scripts/build-h5-if-stale'
import { REPO_ROOT, repoPaths } from '../../scripts/repo-paths'

export interface JourneyCloudOptions {
  /**
   * Mount the WeChat Pay sandbox: `true` runs its timers 60× faster, as in `npm start`; options
   * (e.g. manual timers) to drive WeChat's side step by step.
   */
  wechatPay?: boolean | WechatPaySandboxOptions
  /** Mount the WeChat server API sandbox (shipping info, subscribe messages, the 服务通知 inbox). */
  wechatApi?: boolean
  /** Mount the kuaidi100 sandbox: `true` runs its timers 600× faster, as in `npm start`; options (e.g. manual timers) to step parcels. */
  kuaidi100?: boolean | Kuaidi100SandboxOptions
  seed?: LocalCloudOptions['seed']
  /**
   * Where documents live: SQLite (the default) or the CloudBase sandbox, as `npm start -- --store`.
   * E2E_STORE=cloudbase-sandbox runs every journey on the sandbox.
   */
  store?: 'sqlite' | 'cloudbase-sandbox'
}

export type JourneyCloud = LocalCloud & {
  dataDir: string
  wechatPay: WechatPaySandbox | null
  wechatApi: WechatApiSandbox | null
  kuaidi100: Kuaidi100Sandbox | null
  stop: () => Promise<void>
}

/**
 * The same local cloud `npm start` runs, on a free port with its own seeded data folder, so a
 * journey never depends on (or changes) the developer's .data/.
 */
export const startJourneyCloud = async (
  options: JourneyCloudOptions = {},
): Promise<JourneyCloud> => {
  const paths = repoPaths(REPO_ROOT)
  await buildFunctions({ root: REPO_ROOT })
  buildH5IfStale(REPO_ROOT)
  const dataDir = mkdtempSync(join(tmpdir(), 'linquan-e2e-'))
  const wechatPay = options.wechatPay
    ? createWechatPaySandbox(
        options.wechatPay === true ? { timers: 'real', timeFactor: 60 } : options.wechatPay,
      )
    : null
  const wechatApi = options.wechatApi ? createWechatApiSandbox({ timers: 'real' }) : null
  const kuaidi100 = options.kuaidi100
    ? createKuaidi100Sandbox(
        options.kuaidi100 === true ? { timers: 'real', timeFactor: 600 } : options.kuaidi100,
      )
    : null
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: paths.functionsDist,
    h5Dir: paths.h5Dist,
    port: 0,
    seed: options.seed,
    sandboxes: [
      // In memory: the data folder is thrown away with the journey anyway.
      (options.store ?? process.env.E2E_STORE) === 'cloudbase-sandbox'
        ? createCloudbaseSandbox({ indexes: sandboxIndexes(REPO_ROOT) })
        : null,
      wechatPay,
      wechatApi,
      kuaidi100,
    ].filter((s) => s !== null),
    // E2E_LOG=1 prints the local cloud's log (timers, unexpected errors) while debugging a journey.
    log: process.env.E2E_LOG ? (line) => console.error(line) : () => undefined,
  })
  return {
    ...cloud,
    dataDir,
    wechatPay,
    wechatApi,
    kuaidi100,
    stop: async () => {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
