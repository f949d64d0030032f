import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeClock } from '../src/adapters/clock/system-clock'
import { installContainer } from '../src/platform/container'
import {
  createLocalContainer,
  type LocalContainer,
  type LocalContainerOptions,
} from '../src/platform/local-container'
import { serveSandbox } from '../local/sandboxes'
import {
  createWechatPaySandbox,
  type WechatPaySandbox,
  type WechatPaySandboxOptions,
} from '../local/sandboxes/wechat-pay'
import { sandboxClientConfig } from '../local/sandboxes/wechat-pay/client-config'
import type { UploadKind } from '../src/modules/upload/domain/upload.record'
import { TEST_SECRET_KEY, TEST_SESSION_SECRET, contextOn, uploadAs } from './harness'

export { TEST_SECRET_KEY }

export interface PayCloudOptions {
  sandbox?: WechatPaySandboxOptions
  /** Where WeChat Pay notifications go (`<notifyBase>/http/pay-notify/...`); nowhere by default. */
  notifyBase?: string
  /** More adapters for the container (the courier, the WeChat API), pointed at their sandboxes. */
  container?: Pick<LocalContainerOptions, 'kuaidi100' | 'wechatApi'>
  /** Runs with every `advance(ms)`, so other sandboxes' clocks move along. */
  onAdvance?: (ms: number) => Promise<void>
}

/** When the test clock starts: after the sandbox certificates' notBefore (the adapter checks validity). */
export const PAY_CLOUD_START = Date.UTC(2027, 0, 15, 2, 0, 0)

/**
 * A local cloud wired to the WeChat Pay sandbox over real HTTP: the production adapter signs,
 * encrypts and verifies exactly as it would against api.mch.weixin.qq.com. Time is manual: the
 * container's FakeClock and the sandbox clock move together through `advance(ms)`.
 */
export const startPayCloud = async (options: PayCloudOptions = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'linquan-pay-test-'))
  const clock = new FakeClock(PAY_CLOUD_START)
  const sandbox: WechatPaySandbox = createWechatPaySandbox({
    timers: 'manual',
    startAt: clock.now(),
    ...options.sandbox,
  })
  const served = await serveSandbox(sandbox)
  const sandboxUrl = served.url

  const container: LocalContainer = createLocalContainer({
    dataDir: dir,
    publicBaseUrl: '/files',
    sessionSecret: TEST_SESSION_SECRET,
    secretKey: TEST_SECRET_KEY,
    clock,
    wechatPay: sandboxClientConfig(sandboxUrl, options.notifyBase ?? 'http://127.0.0.1:9'),
    ...options.container,
  })
  installContainer(container)

  /** Calls a sandbox control endpoint (unsigned: WeChat's reviewers, the buyer, time). */
  const control = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${sandboxUrl}/control/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  return {
    container,
    clock,
    sandbox,
    sandboxUrl,
    dataDir: dir,
    control,
    /** The context the gateway would pass for this OPENID. */
    contextFor: contextOn(clock),
    /** A PNG uploaded by `openid` as an ID photo (or `kind`), answering its fileId. */
    uploadPhoto: (openid: string, kind: UploadKind = 'id-cards') =>
      uploadAs(container, openid, kind),
    /** Moves our clock and the sandbox's together; due sandbox timers run. */
    advance: async (ms: number) => {
      clock.advance(ms)
      await sandbox.clock.advance!(ms)
      await options.onAdvance?.(ms)
    },
    stop: async () => {
      installContainer(undefined)
      await served.close()
      container.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type PayCloud = Awaited<ReturnType<typeof startPayCloud>>
