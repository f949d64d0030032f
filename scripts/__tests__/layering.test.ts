import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const SCANNED = ['shared', 'cloudfunctions/src', 'cloudfunctions/local', 'miniprogram/src'].filter(
  (p) => {
    try {
      return statSync(join(ROOT, p)).isDirectory()
    } catch {
      return false
    }
  },
)

/** Runs dependency-cruiser with the project's rules; returns its exit code and report. */
const cruise = (): { code: number; report: string } => {
  try {
    const report = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'err',
        ...SCANNED,
      ],
      { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
    )
    return { code: 0, report }
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string }
    return { code: err.status, report: err.stdout + err.stderr }
  }
}

describe('layering (ARCHITECTURE.md §2)', () => {
  it('has no dependency violations', () => {
    const { code, report } = cruise()
    expect(report).toContain('no dependency violations')
    expect(code).toBe(0)
  }, 60_000)

  it('catches a violation when one is introduced', () => {
    const probe = join(ROOT, 'shared', 'layering-probe.ts')
    writeFileSync(probe, "import Database from 'better-sqlite3'\nexport const probe = Database\n")
    try {
      const { code, report } = cruise()
      expect(code).not.toBe(0)
      expect(report).toMatch(/shared-is-pure: shared\/layering-probe\.ts/)
    } finally {
      rmSync(probe)
    }
  }, 60_000)

  it.each([
    [
      'core-imports-no-feature-module',
      'cloudfunctions/src/modules/core/ports/layering-probe.ts',
      "import type { OrderRecord } from '../../order/domain/order.record'\nexport type Probe = OrderRecord\n",
    ],
    [
      'domain-never-imports-application',
      'cloudfunctions/src/modules/order/domain/layering-probe.ts',
      "import { takeTransition } from '../application/take-transition'\nexport const probe = takeTransition\n",
    ],
  ])(
    'catches %s',
    (rule, file, text) => {
      const probe = join(ROOT, file)
      writeFileSync(probe, text)
      try {
        const { code, report } = cruise()
        expect(code).not.toBe(0)
        expect(report).toContain(`${rule}: ${file}`)
      } finally {
        rmSync(probe)
      }
    },
    60_000,
  )

  it('declares collections only in a module’s domain/*.record(s).ts (adapters keep their own tables)', () => {
    const dir = join(ROOT, 'cloudfunctions', 'src')
    const offenders: string[] = []
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const full = join(d, name)
        const rel = relative(ROOT, full)
        if (statSync(full).isDirectory()) walk(full)
        else if (
          /\.ts$/.test(name) &&
          !/__tests__/.test(rel) &&
          !/^cloudfunctions\/src\/adapters\//.test(rel) &&
          !/\/domain\/[\w-]+\.records?\.ts$/.test(rel)
        ) {
          if (
            /defineCollection[<(]/.test(readFileSync(full, 'utf8')) &&
            !rel.endsWith('document-store.port.ts')
          )
            offenders.push(rel)
        }
      }
    }
    walk(dir)
    expect(offenders).toEqual([])
  })

  it('calls the backend from the mini-program only through services/', () => {
    const dir = join(ROOT, 'miniprogram', 'src')
    const offenders: string[] = []
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const full = join(d, name)
        if (statSync(full).isDirectory()) walk(full)
        else if (/\.(tsx?|jsx?)$/.test(name) && !relative(dir, full).startsWith('services')) {
          const text = readFileSync(full, 'utf8')
          if (/\b(Taro|wx)\.(request|uploadFile|cloud)\b|\bfetch\(|XMLHttpRequest/.test(text))
            offenders.push(relative(ROOT, full))
        }
      }
    }
    try {
      walk(dir)
    } catch {
      return // no mini-program sources yet
    }
    expect(offenders).toEqual([])
  })
})
