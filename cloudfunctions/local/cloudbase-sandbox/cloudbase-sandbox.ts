import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Sandbox } from '../sandboxes'
import { openStateFile, type StateFile } from '../sandboxes/state-file'
import { ACTIONS } from './actions'
import type { ActionContext } from './action-context'
import { exportState, importState, type SavedState } from './persistence'
import { SandboxCodes, SandboxError } from './sandbox-error'
import { SandboxStorage } from './storage'
import { Environment, type IndexDef } from './store'
import { verifyTc3, type Credentials } from './tc3-signature'
import { Transactions } from './transactions'

export interface CloudbaseSandboxOptions {
  /** The API keys it accepts: secretId → secretKey. */
  credentials: Credentials
  /** Indexes per collection name, applied when the collection is created (CloudBase: at deploy). */
  indexes?: Record<string, IndexDef[]>
  /** Keep the data in this JSON file across restarts. */
  stateFile?: string
  /** Epoch ms for the signature's freshness window; fixture tests pin it to the capture time. */
  now?: () => number
  transactionLifetimeMs?: number
}

const MAX_BODY = 5 * 1024 * 1024
const ENV_NAME = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The CloudBase database API as @cloudbase/node-sdk speaks it when `init({ serviceUrl })` points
 * here: one POST endpoint, a JSON body with `action` and its parameters, a TC3 signature, and an
 * answer `{ ...fields, requestId }` or `{ code, message, requestId }`. See README.md for exactly
 * what is implemented and what is refused.
 */
export class CloudbaseSandbox implements Sandbox {
  readonly vendor = 'cloudbase'
  readonly description =
    'CloudBase database API (node-sdk serviceUrl): mingo over in-memory collections'
  private readonly envs = new Map<string, Environment>()
  private readonly txs: Transactions
  private readonly state?: StateFile
  private readonly storage = new SandboxStorage()

  constructor(private readonly options: CloudbaseSandboxOptions) {
    this.txs = new Transactions(options.transactionLifetimeMs)
    if (options.stateFile)
      this.state = openStateFile<SavedState>({
        file: options.stateFile,
        vendor: this.vendor,
        exportState: () => exportState(this.envs),
        importState: (saved) => importState(this.envs, saved),
        reset: () => this.envs.clear(),
      })
  }

  async handle(req: IncomingMessage, res: ServerResponse, path = '/', url?: URL): Promise<void> {
    const where = url ?? new URL(req.url ?? '/', 'http://local')
    if (path.startsWith('/cos/')) {
      await this.storage.cos(req, res, path.slice(5), where, this.now())
      return
    }
    const requestId = randomUUID()
    let answer: Record<string, unknown>
    try {
      if (req.method !== 'POST') throw new SandboxError(SandboxCodes.INVALID_PARAM, 'POST only')
      const params = await readJson(req)
      // Where the sandbox is mounted, for the storage URLs it hands out.
      const mount =
        path === '/' ? where.pathname.replace(/\/$/, '') : where.pathname.slice(0, -path.length)
      answer = await this.run(req, params, `http://${req.headers.host}${mount}`)
    } catch (e) {
      if (!(e instanceof SandboxError)) throw e
      answer = { code: e.code, message: e.message }
    }
    const text = JSON.stringify({ ...answer, requestId })
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    })
    res.end(text)
  }

  close() {
    this.txs.closeAll()
    this.state?.save()
  }

  private now() {
    return this.options.now?.() ?? Date.now()
  }

  private async run(req: IncomingMessage, params: Record<string, unknown>, baseUrl: string) {
    const now = this.now()
    verifyTc3(
      { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, params },
      this.options.credentials,
      Math.floor(now / 1000),
    )
    const name = String(params.action)
    const action = ACTIONS[name]
    if (!action && !name.startsWith('storage.'))
      throw new SandboxError(SandboxCodes.INVALID_ACTION, `action ${name} is not supported`)
    const envName = params.envName
    if (typeof envName !== 'string' || !ENV_NAME.test(envName))
      throw new SandboxError(SandboxCodes.INVALID_PARAM, 'envName is required (init({ env }))')
    if (!action) return this.storage.action(name, params, { envName, baseUrl, nowMs: now })
    return action(params, this.context(envName))
  }

  private context(envName: string): ActionContext {
    let env = this.envs.get(envName)
    if (!env) this.envs.set(envName, (env = new Environment()))
    return {
      envName,
      env,
      txs: this.txs,
      indexesFor: (name) => this.options.indexes?.[name] ?? [],
      changed: () => this.state?.markDirty(),
    }
  }
}

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY)
      throw new SandboxError(SandboxCodes.INVALID_PARAM, 'request body over 5 MB')
    chunks.push(chunk as Buffer)
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (body && typeof body === 'object' && !Array.isArray(body)) return body
  } catch {
    // fall through
  }
  throw new SandboxError(SandboxCodes.INVALID_PARAM, 'the body must be a JSON object')
}
