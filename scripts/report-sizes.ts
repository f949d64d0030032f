import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { REPO_ROOT, repoPaths } from './repo-paths'

/** WeChat's limits: the main package must stay under 2 MB, the whole app under 20 MB. */
export const WEAPP_MAIN_LIMIT = 2 * 1024 * 1024
export const WEAPP_TOTAL_LIMIT = 20 * 1024 * 1024

export interface FunctionSize {
  name: string
  bytes: number
  /** What travels on deploy is a zip; gzip is a close, cheap estimate. */
  gzipBytes: number
}

export interface WeappSize {
  mainBytes: number
  totalBytes: number
  subPackages: { root: string; bytes: number }[]
}

export interface SizeReport {
  functions: FunctionSize[]
  weapp: WeappSize | null
}

export const collectSizes = async (root = REPO_ROOT): Promise<SizeReport> => {
  const paths = repoPaths(root)
  return {
    functions: await functionSizes(paths.functionsDist),
    weapp: await weappSizes(paths.weappDist),
  }
}

const functionSizes = async (dir: string): Promise<FunctionSize[]> => {
  if (!existsSync(dir)) return []
  const out: FunctionSize[] = []
  for (const name of (await readdir(dir)).sort()) {
    const file = join(dir, name, 'index.js')
    if (!existsSync(file)) continue
    const bytes = await readFile(file)
    out.push({ name, bytes: bytes.length, gzipBytes: gzipSync(bytes).length })
  }
  return out
}

/** Main package = every file not under a subPackages root that dist/weapp/app.json declares. */
export const weappSizes = async (dir: string): Promise<WeappSize | null> => {
  const appJson = join(dir, 'app.json')
  if (!existsSync(appJson)) return null
  const app = JSON.parse(await readFile(appJson, 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) =>
    p.root.replace(/^\/+|\/+$/g, ''),
  )
  const subBytes = new Map(roots.map((r) => [r, 0]))
  let total = 0
  let main = 0
  for (const file of await walk(dir)) {
    const size = (await stat(file)).size
    total += size
    const rel = relative(dir, file).split(sep).join('/')
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    if (owner) subBytes.set(owner, (subBytes.get(owner) ?? 0) + size)
    else main += size
  }
  return {
    mainBytes: main,
    totalBytes: total,
    subPackages: roots.map((root) => ({ root, bytes: subBytes.get(root) ?? 0 })),
  }
}

const walk = async (dir: string): Promise<string[]> => {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(full)))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

export const formatBytes = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(2)} MB`

const pct = (n: number, limit: number) =>
  `${((n / limit) * 100).toFixed(1)}% of ${formatBytes(limit)}`

export const formatSizeReport = (report: SizeReport): string => {
  const rows: [string, string, string][] = []
  for (const f of report.functions) {
    rows.push([
      `cloud function ${f.name}`,
      `${f.bytes} B (${formatBytes(f.bytes)})`,
      `gzip ${formatBytes(f.gzipBytes)}`,
    ])
  }
  if (report.functions.length === 0)
    rows.push(['cloud functions', 'not built', 'npm run build:functions'])
  if (report.weapp) {
    const w = report.weapp
    rows.push([
      'mini-program main package',
      `${w.mainBytes} B (${formatBytes(w.mainBytes)})`,
      pct(w.mainBytes, WEAPP_MAIN_LIMIT),
    ])
    for (const s of w.subPackages) rows.push([`  subpackage ${s.root}`, formatBytes(s.bytes), ''])
    rows.push([
      'mini-program total',
      `${w.totalBytes} B (${formatBytes(w.totalBytes)})`,
      pct(w.totalBytes, WEAPP_TOTAL_LIMIT),
    ])
  } else {
    rows.push(['mini-program', 'not built', 'npm run build:weapp'])
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return ['Sizes', ...rows.map(line)].join('\n')
}

// Run as a script (tsx): the cast because tsconfig's webpack-env types shadow Node's `require`.
if ((require as unknown as NodeJS.Require).main === module) {
  collectSizes()
    .then((report) => console.log(formatSizeReport(report)))
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
