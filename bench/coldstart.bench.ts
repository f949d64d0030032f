/**
 * Cold start of every cloud function bundle, against the naive bundle measured in the same run.
 *   npm run bench:coldstart -- [--runs 7] [--why]
 * Builds each function twice into temporary folders: as build:functions does, and naively (the
 * same esbuild settings without the zod trims, so every zod locale and z.fromJSONSchema are bundled).
 * Each run requires one bundle in a fresh `node` process and reports the time `require` took
 * there (parse, compile and module initialisation: what a cold CloudBase instance pays before
 * `main` runs; process start-up itself is not the bundle's and is left out). Runs alternate
 * between the two builds so other load on the machine falls on both alike.
 *
 * Prints per function: bundle size, median and worst load time, and the naive median. With --why
 * also each bundle's largest parts (bytes per package or source folder, from esbuild's metafile)
 * and, since bytes are not load time, a third build with zod replaced by a do-nothing stand-in,
 * loaded in the same runs: its median is the load without zod's code and without the schemas the
 * contracts build with it (such a bundle only loads; it cannot answer a call). The last line on
 * stdout is one JSON object (zodlessMedianMs in a row with --why):
 * {"runs","functions":{name:{bytes,medianMs,worstMs,naiveBytes,naiveMedianMs}},
 *  "maxBytes","worstMedianMs","worstMs","naiveWorstMedianMs","ratio"}
 * where ratio = the naive bundles' summed medians / ours.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'esbuild'
import { buildFunctions, type BuiltFunction } from '../scripts/build-functions'
import { REPO_ROOT } from '../scripts/repo-paths'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = arg('runs', 7)
const WHY = process.argv.includes('--why')

/** The limits: a CloudBase bundle of at most 1 MB that loads in under 100 ms. */
const MAX_BYTES = 1024 * 1024
const MAX_LOAD_MS = 100

const LOAD_ONCE = `const t = process.hrtime.bigint(); require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`

const loadMs = (bundle: string) =>
  Number(execFileSync(process.execPath, ['-e', LOAD_ONCE, bundle], { encoding: 'utf8' }))

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const round = (ms: number) => Math.round(ms * 10) / 10

/** A bundle input's part: its package (node_modules/zod/…), or its source folder two levels deep. */
const partOf = (input: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)
  if (pkg) return pkg[1]!
  const parts = input.split('/')
  return parts.slice(0, parts[0] === 'cloudfunctions' ? 4 : 2).join('/')
}

const largestParts = (fn: BuiltFunction, top = 6) => {
  const bytes = new Map<string, number>()
  for (const [input, n] of Object.entries(fn.inputBytes))
    bytes.set(partOf(input), (bytes.get(partOf(input)) ?? 0) + n)
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([part, n]) => `${part} ${(n / 1024).toFixed(0)} KB`)
    .join(', ')
}

/**
 * zod as a do-nothing stand-in: every property and call answers the same chainable function, so
 * contracts "build" their schemas for free. Only for --why's measure of what zod costs at load.
 */
const zodStandIn: Plugin = {
  name: 'zod-stand-in',
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, () => ({ path: 'zod', namespace: 'zod-stand-in' }))
    b.onLoad({ filter: /.*/, namespace: 'zod-stand-in' }, () => ({
      contents:
        'const any = new Proxy(function () {}, { get: (_t, key) => ' +
        "(key === Symbol.toPrimitive ? () => '' : any), apply: () => any, construct: () => any })\n" +
        'export const z = any\nexport default any\n',
    }))
  },
}

const main = async () => {
  // Inside the repo, so the packages a bundle leaves external (installed beside it on CloudBase)
  // resolve from node_modules and their load counts too.
  mkdirSync(join(REPO_ROOT, 'dist'), { recursive: true })
  const ours = mkdtempSync(join(REPO_ROOT, 'dist', 'coldstart-'))
  const naive = mkdtempSync(join(REPO_ROOT, 'dist', 'coldstart-naive-'))
  const zodless = mkdtempSync(join(REPO_ROOT, 'dist', 'coldstart-zodless-'))
  try {
    const built = await buildFunctions({ outDir: ours })
    const naiveBuilt = new Map<string, BuiltFunction>(
      (await buildFunctions({ outDir: naive, plugins: [] })).map((b) => [b.name, b]),
    )
    const zodlessBuilt = WHY
      ? new Map<string, BuiltFunction>(
          (await buildFunctions({ outDir: zodless, plugins: [zodStandIn] })).map((b) => [
            b.name,
            b,
          ]),
        )
      : null
    const functions: Record<string, Record<string, number>> = {}
    for (const fn of built.sort((a, b) => a.name.localeCompare(b.name))) {
      const mine: number[] = []
      const theirs: number[] = []
      const withoutZod: number[] = []
      const zodlessDir = zodlessBuilt?.get(fn.name)?.dir
      for (let r = 0; r < RUNS; r++) {
        mine.push(loadMs(join(fn.dir, 'index.js')))
        theirs.push(loadMs(join(naiveBuilt.get(fn.name)!.dir, 'index.js')))
        if (zodlessDir) withoutZod.push(loadMs(join(zodlessDir, 'index.js')))
      }
      const row: Record<string, number> = {
        bytes: fn.bundleBytes,
        medianMs: round(median(mine)),
        worstMs: round(Math.max(...mine)),
        naiveBytes: naiveBuilt.get(fn.name)!.bundleBytes,
        naiveMedianMs: round(median(theirs)),
        ...(zodlessDir ? { zodlessMedianMs: round(median(withoutZod)) } : {}),
      }
      functions[fn.name] = row
      const flag = row.bytes! > MAX_BYTES || row.medianMs! > MAX_LOAD_MS ? '  OVER LIMIT' : ''
      console.error(
        `${fn.name.padEnd(15)} ${(row.bytes! / 1024).toFixed(0).padStart(5)} KB  load median ` +
          `${row.medianMs} ms, worst ${row.worstMs} ms  (naive ${(row.naiveBytes! / 1024).toFixed(0)} KB, ` +
          `${row.naiveMedianMs} ms)${flag}`,
      )
      if (row.zodlessMedianMs !== undefined) {
        const zodMs = row.medianMs! - row.zodlessMedianMs
        console.error(
          `${''.padEnd(15)} zod and its schemas: ${round(zodMs)} ms of ${row.medianMs} ` +
            `(${Math.round((zodMs / row.medianMs!) * 100)}%; without them ${row.zodlessMedianMs} ms)` +
            `\n${''.padEnd(15)} largest: ${largestParts(fn)}`,
        )
      }
    }
    const rows = Object.values(functions)
    const sum = (key: string) => rows.reduce((s, r) => s + r[key]!, 0)
    console.log(
      JSON.stringify({
        runs: RUNS,
        functions,
        maxBytes: Math.max(...rows.map((r) => r.bytes!)),
        worstMedianMs: Math.max(...rows.map((r) => r.medianMs!)),
        worstMs: Math.max(...rows.map((r) => r.worstMs!)),
        naiveWorstMedianMs: Math.max(...rows.map((r) => r.naiveMedianMs!)),
        ratio: Math.round((sum('naiveMedianMs') / sum('medianMs')) * 100) / 100,
      }),
    )
  } finally {
    rmSync(ours, { recursive: true, force: true })
    rmSync(naive, { recursive: true, force: true })
    rmSync(zodless, { recursive: true, force: true })
  }
}

void main()
