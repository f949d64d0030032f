import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type Container, installContainer } from '../src/platform/container'

/** A built cloud function's `main`, with CloudBase's (event, context) signature. */
type Main = (event: unknown, context: unknown) => Promise<unknown>

export interface FunctionConfig {
  timeout?: number
  memorySize?: number
  triggers?: { name: string; type: string; config: string }[]
}

/** Names CloudBase accepts, and nothing that could walk out of the functions folder. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** What CloudBase uses when config.json sets no timeout. */
const DEFAULT_TIMEOUT_S = 3

export class FunctionTimeoutError extends Error {}

/**
 * Runs the BUILT bundles (dist/cloudfunctions/<fn>/index.js), not the sources: what runs locally
 * is byte for byte what gets deployed. A bundle is reloaded when its file changes, so
 * `npm run build:functions` in another terminal takes effect without a restart.
 */
export class FunctionRunner {
  private readonly loaded = new Map<string, { mtimeMs: number; main: Main }>()

  constructor(
    private readonly functionsDir: string,
    private readonly container: Container,
  ) {}

  /** Built function names. */
  list(): string[] {
    if (!existsSync(this.functionsDir)) return []
    return readdirSync(this.functionsDir)
      .filter((name) => FUNCTION_NAME.test(name) && existsSync(this.bundlePath(name)))
      .sort()
  }

  has(name: string): boolean {
    return FUNCTION_NAME.test(name) && existsSync(this.bundlePath(name))
  }

  config(name: string): FunctionConfig {
    const file = join(this.functionsDir, name, 'config.json')
    if (!FUNCTION_NAME.test(name) || !existsSync(file)) return {}
    return JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig
  }

  /**
   * Calls `main(event, context)` the way CloudBase would: a fresh requestId, the function's
   * configured timeout. The local container is installed first (the bundles look it up on
   * globalThis).
   */
  async invoke(
    name: string,
    event: unknown,
    context: Record<string, unknown> = {},
  ): Promise<unknown> {
    const main = this.load(name)
    installContainer(this.container)
    const timeoutMs = (this.config(name).timeout ?? DEFAULT_TIMEOUT_S) * 1000
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new FunctionTimeoutError(`云函数 ${name} 执行超时（${timeoutMs / 1000}s）`)),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([main(event, { requestId: randomUUID(), ...context }), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  private bundlePath(name: string) {
    return join(this.functionsDir, name, 'index.js')
  }

  private load(name: string): Main {
    if (!this.has(name)) throw new Error(`no built function ${name}`)
    const path = this.bundlePath(name)
    const { mtimeMs } = statSync(path)
    const cached = this.loaded.get(name)
    if (cached && cached.mtimeMs === mtimeMs) return cached.main
    // Forget the old build so require() reads the new file (cast: webpack-env types shadow Node's).
    delete (require as unknown as NodeJS.Require).cache[path]
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path) as { main?: unknown }
    if (typeof mod.main !== 'function') throw new Error(`${path} does not export main`)
    const main = mod.main as Main
    this.loaded.set(name, { mtimeMs, main })
    return main
  }
}
