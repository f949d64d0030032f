import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ErrorCodes } from '@shared/errors/error-codes'
import { HttpError, sendJson } from './http-utils'

/**
 * A vendor sandbox speaks the vendor's real protocol (signatures, encryption, callbacks), so the
 * production adapter runs unchanged against it. Each is mounted under `/sandbox/<vendor>/`.
 */
export interface Sandbox {
  /** URL segment, e.g. `wechat-pay`, `wechat-api`, `kuaidi100`. */
  vendor: string
  /** One line for `GET /sandbox`. */
  description: string
  /**
   * Handles a request below the mount point. `path` is what follows `/sandbox/<vendor>`, starting
   * with `/` (the vendor's own API path, e.g. `/v3/pay/partner/transactions/jsapi`).
   */
  handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): void | Promise<void>
  /** Releases timers and files when the local cloud stops. */
  close?(): void | Promise<void>
}

const VENDOR = /^[a-z0-9][a-z0-9-]{0,39}$/

export class SandboxRegistry {
  private readonly mounted = new Map<string, Sandbox>()

  constructor(private baseUrl = '') {}

  /** Set once the server knows its port, so `urlOf` gives adapters an absolute base URL. */
  setBaseUrl(url: string): void {
    this.baseUrl = url
  }

  mount(sandbox: Sandbox): void {
    if (!VENDOR.test(sandbox.vendor)) throw new Error(`bad sandbox vendor name: ${sandbox.vendor}`)
    if (this.mounted.has(sandbox.vendor))
      throw new Error(`sandbox ${sandbox.vendor} is already mounted`)
    this.mounted.set(sandbox.vendor, sandbox)
  }

  /** Whether a sandbox for this vendor is mounted. */
  has(vendor: string): boolean {
    return this.mounted.has(vendor)
  }

  /** Where an adapter should send its requests, e.g. `http://127.0.0.1:8787/sandbox/wechat-pay`. */
  urlOf(vendor: string): string {
    return `${this.baseUrl}/sandbox/${vendor}`
  }

  list(): { vendor: string; description: string; url: string }[] {
    return [...this.mounted.values()].map((s) => ({
      vendor: s.vendor,
      description: s.description,
      url: this.urlOf(s.vendor),
    }))
  }

  /** `rest` is the path after `/sandbox/`. */
  async dispatch(req: IncomingMessage, res: ServerResponse, rest: string, url: URL): Promise<void> {
    const slash = rest.indexOf('/')
    const vendor = slash < 0 ? rest : rest.slice(0, slash)
    const sandbox = this.mounted.get(vendor)
    if (!sandbox) {
      req.resume()
      throw new HttpError(404, ErrorCodes.NOT_FOUND, `没有挂载沙箱 ${vendor}`, {
        mounted: [...this.mounted.keys()],
      })
    }
    await sandbox.handle(req, res, slash < 0 ? '/' : rest.slice(slash), url)
  }

  async closeAll(): Promise<void> {
    for (const s of this.mounted.values()) await s.close?.()
  }
}

export const handleSandboxList = (res: ServerResponse, registry: SandboxRegistry) =>
  sendJson(res, 200, { sandboxes: registry.list() })

/**
 * One sandbox on its own HTTP port, without the rest of the local cloud (tests and benches):
 * `url` is what the adapter's base URL takes; `close` stops the sandbox and the server.
 */
export const serveSandbox = async (
  sandbox: Sandbox,
): Promise<{ url: string; close: () => Promise<void> }> => {
  const registry = new SandboxRegistry()
  registry.mount(sandbox)
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    registry.dispatch(req, res, url.pathname.slice('/sandbox/'.length), url).catch((e) => {
      res.writeHead(500)
      res.end(String(e))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  registry.setBaseUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  return {
    url: registry.urlOf(sandbox.vendor),
    close: async () => {
      await sandbox.close?.()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
