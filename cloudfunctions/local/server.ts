import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ErrorCodes } from '@shared/errors/error-codes'
import type { Clock } from '../src/modules/core/ports/clock.port'
import { finishedSubMchids } from '../src/modules/merchant/application/sub-merchant'
import {
  type CloudbaseLocalContainer,
  createLocalContainer,
  type LocalContainer,
} from '../src/platform/local-container'
import { cloudbaseSandboxClientConfig } from './cloudbase-sandbox/client-config'
import { handleAuth } from './auth-route'
import { ChatStreamSlots, handleChatEvents } from './chat-events-route'
import { loadSecretBoxKeys, loadSessionSecret } from './data-dir'
import { handleUpload, serveFile } from './files-route'
import { FunctionRunner } from './function-runner'
import { handleFunctionCall } from './gateway'
import { handleHttpTrigger } from './http-trigger-route'
import { HttpError, sendError, sendErrorAndHangUp, sendJson } from './http-utils'
import { type Sandbox, SandboxRegistry, handleSandboxList } from './sandboxes'
import type { WechatPaySandbox } from './sandboxes/wechat-pay'
import { sandboxClientConfig } from './sandboxes/wechat-pay/client-config'
import {
  sandboxMessagePush,
  wechatApiSandboxClientConfig,
} from './sandboxes/wechat-api/client-config'
import type { WechatApiSandbox } from './sandboxes/wechat-api'
import { kuaidi100SandboxClientConfig } from './sandboxes/kuaidi100/client-config'
import { handleScheduler, Scheduler } from './scheduler'
import { type SeedOptions, type SeedResult, seedIfEmpty } from './seed/seed-demo-data'
import { ensureDemoMerchants } from './seed/seed-merchants'
import { serveH5 } from './static'

export interface LocalCloudOptions {
  /** SQLite file, uploaded files and the session secret live here. */
  dataDir: string
  /** Built function folders (dist/cloudfunctions). */
  functionsDir: string
  /** The H5 build (dist/h5). */
  h5Dir: string
  host?: string
  /** 0 picks a free port (tests). */
  port?: number
  clock?: Clock
  /** Seed demo data into an empty database (default true); options tune the amount. */
  seed?: boolean | SeedOptions
  /** How often the scheduler polls; null leaves it to the caller to `tick()` (tests). */
  schedulerIntervalMs?: number | null
  sandboxes?: Sandbox[]
  log?: (line: string) => void
}

export interface LocalCloud {
  url: string
  port: number
  server: Server
  /** Documents in SQLite, or in the CloudBase sandbox when one is mounted. */
  container: LocalContainer | CloudbaseLocalContainer
  runner: FunctionRunner
  scheduler: Scheduler
  sandboxes: SandboxRegistry
  sessionSecret: string
  /** What seeding did, or null when the database already had users. */
  seeded: SeedResult | null
  close(): Promise<void>
}

interface Ready {
  container: LocalContainer | CloudbaseLocalContainer
  runner: FunctionRunner
  scheduler: Scheduler
}

/**
 * The local cloud: one HTTP server on one port serving the H5 app, the function gateway, files,
 * demo sign-in, the scheduler and vendor sandboxes. It listens first (the files' public URL needs
 * the port), then opens the database and seeds; requests that arrive meanwhile wait.
 */
export const startLocalCloud = async (options: LocalCloudOptions): Promise<LocalCloud> => {
  const log = options.log ?? ((line: string) => console.log(line))
  const sessionSecret = loadSessionSecret(options.dataDir)
  const sandboxes = new SandboxRegistry()
  for (const s of options.sandboxes ?? []) sandboxes.mount(s)
  const chatStreams = new ChatStreamSlots()

  let resolveReady!: (r: Ready) => void
  let rejectReady!: (e: unknown) => void
  const ready = new Promise<Ready>((res, rej) => {
    resolveReady = res
    rejectReady = rej
  })
  ready.catch(() => undefined)

  const server = createServer((req, res) => {
    void handle(req, res, ready, {
      h5Dir: options.h5Dir,
      sessionSecret,
      sandboxes,
      chatStreams,
      log,
    })
  })
  // Malformed HTTP (not just bad JSON) gets a 400 and the connection closes; the server lives on.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  sandboxes.setBaseUrl(url)

  let container: LocalContainer | CloudbaseLocalContainer | undefined
  // Outside Tencent Cloud the SDK probes metadata.tencentyun.com before each request; this is its
  // own switch to skip the probe (serviceUrl still decides where requests go).
  if (sandboxes.has('cloudbase')) process.env.TENCENTCLOUD ??= 'true'
  try {
    const secretKeys = loadSecretBoxKeys(options.dataDir)
    container = createLocalContainer({
      dataDir: options.dataDir,
      publicBaseUrl: `${url}/files`,
      sessionSecret,
      secretKey: secretKeys.current,
      oldSecretKeys: secretKeys.old,
      clock: options.clock,
      // With the CloudBase sandbox mounted, documents and search live there, through the
      // production adapters (files stay on disk: the local files route serves them).
      cloudbase: sandboxes.has('cloudbase')
        ? cloudbaseSandboxClientConfig(sandboxes.urlOf('cloudbase'))
        : undefined,
      // With the WeChat Pay sandbox mounted, the production adapter talks to it over HTTP.
      wechatPay: sandboxes.has('wechat-pay')
        ? sandboxClientConfig(sandboxes.urlOf('wechat-pay'), url)
        : undefined,
      // Likewise the WeChat server API adapter (shipping info, subscribe messages) and its sandbox.
      wechatApi: sandboxes.has('wechat-api')
        ? wechatApiSandboxClientConfig(sandboxes.urlOf('wechat-api'))
        : undefined,
      // Tracking pushes go to the HTTP-triggered courier-notify function.
      kuaidi100: sandboxes.has('kuaidi100')
        ? kuaidi100SandboxClientConfig(sandboxes.urlOf('kuaidi100'), url)
        : undefined,
    })
    // Image checks' results are pushed to the HTTP-triggered wechat-notify function.
    const wechatApiSandbox = options.sandboxes?.find((s) => s.vendor === 'wechat-api') as
      WechatApiSandbox | undefined
    if (wechatApiSandbox && !wechatApiSandbox.media.push)
      wechatApiSandbox.media.push = sandboxMessagePush(url)
    const seedOptions =
      options.seed === false ? null : options.seed === true || !options.seed ? {} : options.seed
    const seeded = seedOptions ? await seedIfEmpty(container, seedOptions) : null
    if (seeded) {
      log(
        `seeded ${seeded.users} demo users, ${seeded.listings} listings, ${seeded.photos} photos in ${seeded.ms} ms`,
      )
    }
    // The WeChat Pay sandbox keeps its sub-merchants in memory: after a restart, tell it again
    // which sellers finished 开通收款 so their buyers can still pay.
    const pay = options.sandboxes?.find((s) => s.vendor === 'wechat-pay') as
      WechatPaySandbox | undefined
    if (seedOptions && !seeded) await ensureDemoMerchants(container)
    if (pay)
      for (const sub of await finishedSubMchids(container)) pay.engine.registerSubMerchant(sub)
    const runner = new FunctionRunner(options.functionsDir, container)
    const scheduler = new Scheduler({
      clock: container.clock,
      configs: () => Object.fromEntries(runner.list().map((fn) => [fn, runner.config(fn)])),
      invoke: (fn, event, context) => runner.invoke(fn, event, context),
      log,
    })
    scheduler.load()
    if (options.schedulerIntervalMs !== null) scheduler.start(options.schedulerIntervalMs ?? 1000)
    resolveReady({ container, runner, scheduler })

    let closed: Promise<void> | undefined
    const close = () =>
      (closed ??= (async () => {
        scheduler.stop()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        await sandboxes.closeAll()
        container!.close()
      })())
    return {
      url,
      port,
      server,
      container,
      runner,
      scheduler,
      sandboxes,
      sessionSecret,
      seeded,
      close,
    }
  } catch (e) {
    rejectReady(e)
    server.closeAllConnections()
    server.close()
    container?.close()
    throw e
  }
}

interface HandleOptions {
  h5Dir: string
  sessionSecret: string
  sandboxes: SandboxRegistry
  /** Open chat event streams per user, capped. */
  chatStreams: ChatStreamSlots
  log: (line: string) => void
}

const handle = async (
  req: IncomingMessage,
  res: ServerResponse,
  ready: Promise<Ready>,
  options: HandleOptions,
): Promise<void> => {
  try {
    allowLocalOrigins(req, res)
    if (req.method === 'OPTIONS') {
      res.writeHead(204)
      res.end()
      return
    }
    const url = new URL(req.url ?? '/', 'http://local')
    const path = url.pathname
    if (path === '/health') return sendJson(res, 200, { ok: true })
    // Sandboxes need nothing of the container, and the CloudBase one must answer while the
    // container seeds through it.
    if (path === '/sandbox' || path === '/sandbox/')
      return handleSandboxList(res, options.sandboxes)
    if (path.startsWith('/sandbox/'))
      return await options.sandboxes.dispatch(req, res, path.slice(9), url)
    const { container, runner, scheduler } = await ready

    if (path.startsWith('/fn/')) {
      return await handleFunctionCall(
        req,
        res,
        decodeURIComponent(path.slice(4)),
        runner,
        options.log,
      )
    }
    if (path.startsWith('/http/')) {
      return await handleHttpTrigger(
        req,
        res,
        path.slice('/http/'.length),
        url,
        runner,
        options.log,
      )
    }
    if (path.startsWith('/auth/')) {
      return await handleAuth(req, res, path.slice(6), container, options.sessionSecret)
    }
    if (path === '/events/chat')
      return await handleChatEvents(req, res, url, container, options.sessionSecret, {
        slots: options.chatStreams,
      })
    if (path === '/files/upload')
      return await handleUpload(req, res, container, options.sessionSecret)
    if (path.startsWith('/files/')) return await serveFile(req, res, path.slice(7), container.files)
    if (path === '/scheduler' || path.startsWith('/scheduler/')) {
      return await handleScheduler(
        req,
        res,
        path.slice('/scheduler/'.length),
        scheduler,
        container.clock,
      )
    }
    return await serveH5(req, res, path, options.h5Dir)
  } catch (e) {
    if (e instanceof HttpError && e.options.hangUp) return sendErrorAndHangUp(req, res, e)
    req.resume()
    if (e instanceof HttpError)
      return sendError(res, e.status, e.code, e.message, e.details, e.options.headers)
    if (e instanceof URIError) return sendError(res, 400, ErrorCodes.VALIDATION, '路径编码不正确')
    options.log(
      `local cloud: unexpected error on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : e}`,
    )
    if (!res.headersSent) sendError(res, 500, ErrorCodes.INTERNAL, '本地云内部错误')
    else res.destroy()
  }
}

/**
 * The Taro H5 dev server runs on its own port; let pages from this machine call the gateway.
 * Only loopback origins: nothing on the network can drive the local cloud from a browser.
 */
const allowLocalOrigins = (req: IncomingMessage, res: ServerResponse) => {
  const origin = req.headers.origin
  if (
    typeof origin !== 'string' ||
    !/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin)
  )
    return
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Vary', 'Origin')
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
  res.setHeader('Access-Control-Max-Age', '600')
}
