import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listFunctions } from '../build-functions'
import { repoPaths } from '../repo-paths'
import type { CloudbaseRc } from './cloudbaserc.types'
import { collectCollections, declaredNamesInSource, declaringFiles } from './collections'
import type { DeployFacts } from './deploy-checks'
import { readFunctionSource } from './deploy-sources'
import { scanEnvReferences, type SourceFile } from './env-references'
import { ENV_VARS } from './env-vars'

/** Text files git tracks (binary and very large files skipped: no secret hides in a PNG we scan). */
export const trackedTextFiles = (root: string): SourceFile[] =>
  execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\0')
    .filter(Boolean)
    .filter((path) => {
      const full = join(root, path)
      return existsSync(full) && statSync(full).isFile() && statSync(full).size < 2_000_000
    })
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }))
    .filter(({ text }) => !text.includes('\0'))

/** The deployed code's sources: cloudfunctions/src without tests. */
const deployedSources = (root: string): SourceFile[] => {
  const out: SourceFile[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) {
        if (name !== '__tests__') walk(full)
      } else if (name.endsWith('.ts') && !name.endsWith('.test.ts'))
        out.push({ path: full.slice(root.length + 1), text: readFileSync(full, 'utf8') })
    }
  }
  walk(join(root, 'cloudfunctions', 'src'))
  return out
}

const bundleSizes = (root: string): Record<string, number> => {
  const dist = repoPaths(root).functionsDist
  const sizes: Record<string, number> = {}
  if (!existsSync(dist)) return sizes
  for (const name of readdirSync(dist)) {
    const file = join(dist, name, 'index.js')
    if (existsSync(file)) sizes[name] = statSync(file).size
  }
  return sizes
}

/** Everything deploy:check looks at, read from the repository and dist/ (no network). */
export const gatherDeployFacts = async (
  root: string,
  config: CloudbaseRc,
): Promise<DeployFacts> => {
  const functionNames = await listFunctions(root)
  const functions = await Promise.all(functionNames.map((n) => readFunctionSource(root, n)))
  const sources = deployedSources(root)
  return {
    config,
    bundles: bundleSizes(root),
    functionNames,
    httpFunctions: functions.filter((f) => f.http).map((f) => f.name),
    collections: collectCollections(root),
    collectionNamesInCode: declaredNamesInSource(
      declaringFiles(root).map((file) => readFileSync(file, 'utf8')),
    ),
    envVars: ENV_VARS,
    envReferences: scanEnvReferences(sources),
    readme: readFileSync(join(root, 'README.md'), 'utf8'),
    trackedFiles: trackedTextFiles(root),
  }
}
