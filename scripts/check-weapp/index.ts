/**
 * `npm run check:weapp`: the mini-program as WeChat would take it.
 *   1. build       npm run build:weapp (taro build --type weapp, then the size report)
 *   2. ci compile  miniprogram-ci's local compile of dist/weapp, offline (ci-compile.ts)
 *   3. validate    app.json and every page's JSON, sizes, tab bar, privacy, wcc (validate-build.ts)
 *   4. render      the weapp-tests suite on that build: every page of app.json under
 *                  miniprogram-simulate with WeChat's template compiler, from a stubbed backend
 * Every step runs even after an earlier one failed (except a failed build), so one run lists
 * everything wrong; the exit code is 1 when anything failed.
 *
 * Flags: --no-build (check dist/weapp as it is), --no-ci, --no-render, --dist <dir>.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { formatBytes } from '../report-sizes'
import { REPO_ROOT, repoPaths } from '../repo-paths'
import { ciCompile } from './ci-compile'
import { validateBuild } from './validate-build'

const args = process.argv.slice(2)
const has = (flag: string) => args.includes(flag)
const distArg = args.indexOf('--dist')
const dist = path.resolve(distArg >= 0 ? args[distArg + 1] : repoPaths().weappDist)

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const failures: string[] = []
const timings: [string, number][] = []

const step = async (name: string, run: () => Promise<boolean> | boolean) => {
  console.log(`\n--- check:weapp ${name}`)
  const started = Date.now()
  const ok = await run()
  timings.push([name, Date.now() - started])
  if (!ok) failures.push(name)
  return ok
}

const npmRun = (script: string, env: Record<string, string> = {}) =>
  spawnSync('npm', ['run', script], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status === 0

const main = async () => {
  const started = Date.now()
  if (!has('--no-build')) {
    if (!(await step('build', () => npmRun('build:weapp')))) return finish(started)
  }

  if (!has('--no-ci'))
    await step('ci compile (miniprogram-ci, local)', async () => {
      const r = await ciCompile(dist)
      for (const line of r.logs) console.log(`  ci ${line}`)
      if (!r.ok) {
        console.log(`  FAIL miniprogram-ci rejects the build: ${r.error}`)
        return false
      }
      console.log(`  ok: ${r.files} files compiled in ${seconds(r.ms)}`)
      return true
    })

  await step('validate (app.json, page JSON, sizes, tab bar, privacy, wcc)', async () => {
    const report = await validateBuild(dist)
    const s = report.sizes
    console.log(
      `  ${report.routes.length} pages; main package ${formatBytes(s.mainBytes)}, total ${formatBytes(s.totalBytes)}; ` +
        s.subPackages.map((p) => `${p.root} ${formatBytes(p.bytes)}`).join(', '),
    )
    console.log(
      `  location APIs called: ${
        Object.entries(report.locationCalls)
          .map(([api, files]) => `${api} (${files.join(', ')})`)
          .join('; ') || 'none'
      }`,
    )
    for (const problem of report.problems) console.log(`  FAIL ${problem}`)
    if (report.problems.length === 0) console.log('  ok')
    return report.problems.length === 0
  })

  if (!has('--no-render'))
    await step('render (weapp-tests: every page of app.json, stubbed backend)', () =>
      npmRun('test:weapp', { WEAPP_DIST: dist }),
    )

  return finish(started)
}

const finish = (started: number) => {
  console.log('\n--- check:weapp summary')
  for (const [name, ms] of timings) console.log(`  ${seconds(ms).padStart(7)}  ${name}`)
  console.log(`  ${seconds(Date.now() - started).padStart(7)}  total`)
  if (failures.length) console.log(`  FAILED: ${failures.join('; ')}`)
  else console.log('  all checks passed')
  // miniprogram-ci leaves handles open (its compile workers): end explicitly.
  process.exit(failures.length ? 1 : 0)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
