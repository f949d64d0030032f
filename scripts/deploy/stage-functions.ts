import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoPaths, REPO_ROOT } from '../repo-paths'
import type { CloudbaseRc } from './cloudbaserc.types'
import { readCommittedCloudbaseRc } from './cloudbaserc-file'

/**
 * npm run deploy:stage: the folders the CLI uploads, one per deployed function, under
 * dist/cloudbase (cloudbaserc.json `functionRoot`). Each is a copy of its build folder; a function
 * split per timer (cron-orders …) gets the bundle of the function it came from and a config.json
 * with its one trigger. Kept out of dist/cloudfunctions, which the local cloud loads as is.
 */
export const stageFunctions = (root = REPO_ROOT, config?: CloudbaseRc): string[] => {
  const rc = config ?? (JSON.parse(readCommittedCloudbaseRc(root)) as CloudbaseRc)
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
