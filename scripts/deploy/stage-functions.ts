import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { repoPaths, REPO_ROOT } from '../repo-paths'
import type { CloudbaseRc } from './cloudbaserc.types'
import { readCommittedCloudbaseRc } from './cloudbaserc-file'
import { ENV_VARS, type EnvVar } from './env-vars'

type Env = Record<string, string | undefined>

/**
 * The files the catalogue carries as files (the WeChat Pay key…), read from the operator's paths:
 * staged path → content. Nothing is printed; a missing one is named with what it is.
 */
export const filesToStage = (env: Env, vars: EnvVar[] = ENV_VARS): Map<string, string> => {
  const files = new Map<string, string>()
  const missing: string[] = []
  for (const v of vars) {
    if (!v.file) continue
    const path = env[v.name]
    if (!path) {
      if (v.mayBeEmpty) files.set(v.file.stagedAs, v.file.whenEmpty ?? '')
      else missing.push(`${v.name} (${v.what})`)
      continue
    }
    try {
      files.set(v.file.stagedAs, readFileSync(resolve(path), 'utf8'))
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unreadable'
      throw new Error(`${v.name}: cannot read ${resolve(path)} (${code})`)
    }
  }
  if (missing.length > 0)
    throw new Error(`deploy:stage needs the path of each of: ${missing.join('; ')}`)
  return files
}

/**
 * npm run deploy:stage: the folders the CLI uploads, one per deployed function, under
 * dist/cloudbase (cloudbaserc.json `functionRoot`). Each is a copy of its build folder; a function
 * split per timer (cron-orders …) gets the bundle of the function it came from and a config.json
 * with its one trigger. Kept out of dist/cloudfunctions, which the local cloud loads as is.
 * Each also gets the catalogue's files (secrets/…, read from the operator's paths in `env`), which
 * its environment names by their relative path; dist/ is never tracked.
 */
export const stageFunctions = (
  root = REPO_ROOT,
  config?: CloudbaseRc,
  { env = process.env, vars = ENV_VARS }: { env?: Env; vars?: EnvVar[] } = {},
): string[] => {
  const rc = config ?? (JSON.parse(readCommittedCloudbaseRc(root)) as CloudbaseRc)
  // Read before anything is removed or copied: a missing key stops the stage with nothing half-done.
  const files = filesToStage(env, vars)
  const built = repoPaths(root).functionsDist
  const stage = join(root, rc.functionRoot)
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  for (const fn of rc.functions) {
    const from = join(built, rc.linquan.functionSources[fn.name] ?? fn.name)
    if (!existsSync(join(from, 'index.js')))
      throw new Error(`no bundle in ${from}: run npm run build:functions first`)
    const to = join(stage, fn.name)
    cpSync(from, to, { recursive: true })
    // The build's config.json (its 云调用 permissions and all) with this function's own trigger.
    const configFile = join(to, 'config.json')
    const buildConfig = existsSync(configFile)
      ? (JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>)
      : { permissions: { openapi: [] } }
    const { timeout, memorySize, triggers } = fn
    writeFileSync(
      configFile,
      JSON.stringify({ ...buildConfig, timeout, memorySize, triggers }, null, 2) + '\n',
    )
    for (const [path, content] of files) {
      const file = join(to, path)
      mkdirSync(dirname(file), { recursive: true })
      // Readable by the function's runtime user, whatever the operator's own file mode was.
      writeFileSync(file, content, { mode: 0o644 })
    }
  }
  return rc.functions.map((fn) => fn.name)
}

if ((require as unknown as NodeJS.Require).main === module) {
  try {
    const staged = stageFunctions()
    console.log(
      `Staged ${staged.length} function folder(s) in dist/cloudbase: ${staged.join(', ')}`,
    )
  } catch (e) {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  }
}
