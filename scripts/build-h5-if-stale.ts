import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { repoPaths } from './repo-paths'

/** Newest modification time of any file below these folders (0 if none exist). */
const newestMtime = (dirs: string[]): number => {
  let newest = 0
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  for (const d of dirs) if (existsSync(d)) walk(d)
  return newest
}

/** Runs `npm run build:h5` when dist/h5 is missing or older than its sources (~20 s). */
export const buildH5IfStale = (root: string) => {
  const paths = repoPaths(root)
  const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((d) => join(root, d))
  if (!existsSync(sources[0])) {
    console.log('H5: miniprogram/src does not exist yet, skipping the H5 build')
    return
  }
  const index = join(paths.h5Dist, 'index.html')
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0
  if (builtAt > newestMtime(sources)) {
    console.log('H5: dist/h5 is up to date')
    return
  }
  const pkg = JSON.parse(readFileSync(paths.packageJson, 'utf8')) as {
    scripts?: Record<string, string>
  }
  if (!pkg.scripts?.['build:h5']) {
    console.log('H5: no "build:h5" script in package.json yet, skipping the H5 build')
    return
  }
  console.log(
    builtAt
      ? 'H5: sources changed, rebuilding (npm run build:h5)…'
      : 'H5: building (npm run build:h5)…',
  )
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0)
    console.warn('H5: build failed; the gateway still runs, / explains how to build')
}
