import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import type { Sandbox } from '../sandboxes'
import { type LocalCloud, startLocalCloud } from '../server'

/** A fresh temp folder per suite; removed by the returned cleanup. */
export const tempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `linquan-${label}-`))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A tiny valid PNG, for uploads. */
export const tinyPng = (): Buffer => {
  const png = new PNG({ width: 4, height: 4 })
  png.data.fill(200)
  return PNG.sync.write(png)
}

/**
 * A hand-written "built" function that records its calls on globalThis and reports whether the
 * local container was installed, so scheduler and gateway tests need no real bundle.
 */
export const writeFixtureFunction = (
  functionsDir: string,
  name: string,
  config: object,
  body = 'return { ok: true, data: { event, hasContainer } }',
) => {
  const dir = join(functionsDir, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'index.js'),
    `exports.main = async (event, context) => {
  const hasContainer = Boolean(globalThis[Symbol.for('linquan.container')])
  ;(globalThis.__fixtureCalls ??= []).push({ fn: ${JSON.stringify(name)}, event, context })
  ${body}
}\n`,
  )
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
}

export const fixtureCalls = (): {
  fn: string
  event: Record<string, unknown>
  context: Record<string, unknown>
}[] => ((globalThis as Record<string, unknown>).__fixtureCalls as never) ?? []

export const resetFixtureCalls = () => {
  ;(globalThis as Record<string, unknown>).__fixtureCalls = []
}

export const postJson = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

/**
 * A bare local cloud (no seed, no built functions, scheduler idle) with these sandboxes mounted,
 * on a free port: what the sandboxes' local-cloud tests need. `stop` closes it and its folder.
 */
export const startBareCloud = async (
  label: string,
  sandboxes: Sandbox[],
): Promise<LocalCloud & { stop: () => Promise<void> }> => {
  const tmp = tempDir(label)
  const cloud = await startLocalCloud({
    dataDir: join(tmp.dir, 'data'),
    functionsDir: join(tmp.dir, 'functions'),
    h5Dir: join(tmp.dir, 'h5'),
    port: 0,
    seed: false,
    schedulerIntervalMs: null,
    sandboxes,
    log: () => undefined,
  })
  return {
    ...cloud,
    stop: async () => {
      await cloud.close()
      tmp.cleanup()
    },
  }
}
