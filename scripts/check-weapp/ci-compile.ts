/**
 * WeChat's own compiler on dist/weapp, offline: miniprogram-ci's local compile (what DevTools runs
 * before an upload) with a throwaway RSA key and the project attributes given locally, so it never
 * asks WeChat's servers for them. It checks app.json and page JSON against WeChat's schemas and
 * compiles the JS; it does NOT reject a malformed WXML (TOOLCHAIN.md), which is why check:weapp
 * also compiles every template with wcc and renders every page.
 */
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from '../repo-paths'

export interface CiCompileResult {
  ok: boolean
  /** Files the compile produced (what an upload would pack). */
  files: number
  ms: number
  /** What miniprogram-ci printed meanwhile (it logs its own network attempts). */
  logs: string[]
  error: string | null
}

/** DevTools' switches from project.config.json, so the compile is the one an upload would run. */
const projectSetting = (): Record<string, unknown> => {
  try {
    const config = JSON.parse(readFileSync(path.join(REPO_ROOT, 'project.config.json'), 'utf8'))
    return config.setting ?? {}
  } catch {
    return {}
  }
}

/** A local compile never signs anything WeChat checks: any well-formed appid and key do. */
const THROWAWAY_APPID = 'wx0000000000000000'

export const ciCompile = async (dist: string): Promise<CiCompileResult> => {
  const started = Date.now()
  const temp = mkdtempSync(path.join(os.tmpdir(), 'check-weapp-ci-'))
  const logs: string[] = []
  const keep = { log: console.log, info: console.info, warn: console.warn, error: console.error }
  const capture =
    (level: string) =>
    (...args: unknown[]) =>
      logs.push(
        `${level}: ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`,
      )
  try {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const privateKeyPath = path.join(temp, 'private.throwaway.key')
    writeFileSync(privateKeyPath, privateKey, { mode: 0o600 })

    console.log = capture('log')
    console.info = capture('info')
    console.warn = capture('warn')
    console.error = capture('error')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ci = require('miniprogram-ci') as typeof import('miniprogram-ci')
    const project = new ci.Project({
      appid: process.env.WEAPP_APPID ?? THROWAWAY_APPID,
      type: 'miniProgram',
      projectPath: dist,
      privateKeyPath,
      ignores: ['node_modules/**/*'],
      // Without it, miniprogram-ci fetches the project's attributes from WeChat's servers.
      attr: async () => ({ ...ci.DefaultProjectAttr }),
    } as ConstructorParameters<typeof ci.Project>[0])
    type CompileOptions = Parameters<typeof ci.getCompiledResult>[0]
    const out = path.join(temp, 'compiled')
    const result = await ci.getCompiledResult(
      {
        project,
        setting: projectSetting(),
        onProgressUpdate: () => undefined,
      } as unknown as CompileOptions,
      out,
    )
    return {
      ok: true,
      files: Object.keys(result).length,
      ms: Date.now() - started,
      logs,
      error: null,
    }
  } catch (e) {
    const error = e instanceof Error ? e.message : JSON.stringify(e)
    return { ok: false, files: 0, ms: Date.now() - started, logs, error }
  } finally {
    Object.assign(console, keep)
    rmSync(temp, { recursive: true, force: true })
  }
}
