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
const cruise = (outputType = 'err'): { code: number; report: string } => {
  try {
    const report = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        outputType,
        ...SCANNED,
      ],
      { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
    )
    return { code: 0, report }
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string }
    return { code: err.status, report: err.stdout + err.stderr }
  }
}

const MODULES = 'cloudfunctions/src/modules/'
const moduleOf = (path: string) =>
  path.startsWith(MODULES) ? (/^([^/]+)\//.exec(path.slice(MODULES.length))?.[1] ?? null) : null

/**
 * Cycles between module folders, type imports included. An edge into another module's ports/ does
 * not count: a port is an interface to an outside system that imports no module code, so it cannot
 * close a loop. Nor do tests (they may reach anything).
 */
const moduleCycles = (): string[][] => {
  const { report } = cruise('json')
  const result = JSON.parse(report) as {
    modules: { source: string; dependencies: { resolved: string }[] }[]
  }
  const edges = new Map<string, Set<string>>()
  for (const m of result.modules) {
    const from = moduleOf(m.source)
    if (!from || m.source.includes('__tests__')) continue
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved)
      if (!to || to === from || d.resolved.startsWith(`${MODULES}${to}/ports/`)) continue
      edges.set(from, (edges.get(from) ?? new Set()).add(to))
    }
  }
  const cycles: string[][] = []
  const visit = (node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      const at = path.indexOf(next)
      if (at >= 0) cycles.push([...path.slice(at), next])
      else visit(next, [...path, next])
    }
  }
  for (const start of edges.keys()) visit(start, [start])
  return cycles
}

const withProbe = <T>(file: string, text: string, run: () => T): T => {
  const probe = join(ROOT, file)
  writeFileSync(probe, text)
  try {
    return run()
  } finally {
    rmSync(probe)
  }
}

describe('layering (ARCHITECTURE.md §2)', () => {
  it('has no dependency violations', () => {
    const { code, report } = cruise()
    expect(report).toContain('no dependency violations')
    expect(code).toBe(0)
  }, 60_000)

  /** One planted file per rule, all cruised in one run: each must be reported under its rule. */
  const PROBES: [rule: string, file: string, text: string][] = [
    [
      'shared-is-pure',
      'shared/layering-probe.ts',
      "import Database from 'better-sqlite3'\nexport const probe = Database\n",
    ],
    [
      'core-imports-no-feature-module',
      'cloudfunctions/src/modules/core/ports/layering-probe.ts',
      "import type { OrderRecord } from '../../order/domain/order.record'\nexport type Probe = OrderRecord\n",
    ],
    [
      'other-modules-through-index-or-ports',
      'cloudfunctions/src/modules/payments/application/layering-probe.ts',
      "import { Orders } from '../../order/domain/order.record'\nexport const probe = Orders\n",
    ],
    [
      'no-circular',
      'cloudfunctions/src/modules/order/application/layering-probe.ts',
      "import * as self from './layering-probe'\nexport const probe = self\n",
    ],
    [
      'domain-never-imports-application',
      'cloudfunctions/src/modules/order/domain/layering-probe.ts',
      "import { takeTransition } from '../application/take-transition'\nexport const probe = takeTransition\n",
    ],
  ]

  it('catches each rule when a violation is planted', () => {
    for (const [, file, text] of PROBES) writeFileSync(join(ROOT, file), text)
    try {
      const { code, report } = cruise()
      expect(code).not.toBe(0)
      for (const [rule, file] of PROBES) expect(report).toContain(`${rule}: ${file}`)
    } finally {
      for (const [, file] of PROBES) rmSync(join(ROOT, file))
    }
  }, 60_000)

  it('has no cycles between module folders', () => {
    expect(moduleCycles()).toEqual([])
  }, 60_000)

  it('catches a cycle between module folders (listing reaching up into order)', () => {
    const cycles = withProbe(
      'cloudfunctions/src/modules/listing/application/layering-probe.ts',
      "import { loadOrder } from '../../order'\nexport const probe = loadOrder\n",
      moduleCycles,
    )
    expect(cycles).toContainEqual(expect.arrayContaining(['listing', 'order']))
  }, 60_000)

  it("keeps every module's tables behind its index: no index exports a collection", () => {
    const dir = join(ROOT, MODULES)
    const load = (file: string) => require(file) as Record<string, unknown>
    const collectionsIn = (exported: Record<string, unknown>) =>
      Object.entries(exported).flatMap(([key, value]) => {
        const v = value as { name?: unknown; indexes?: unknown } | null
        return v && typeof v === 'object' && typeof v.name === 'string' && Array.isArray(v.indexes)
          ? [key]
          : []
      })
    // The detector itself: a record file does export its collection.
    expect(collectionsIn(load(join(dir, 'order', 'domain', 'order.record.ts')))).toContain('Orders')
    const leaks: string[] = []
    for (const name of readdirSync(dir)) {
      if (!statSync(join(dir, name)).isDirectory()) continue
      const index = join(dir, name, 'index.ts')
      try {
        statSync(index)
      } catch {
        leaks.push(`${name}: no index.ts`)
        continue
      }
      leaks.push(...collectionsIn(load(index)).map((key) => `${name}.${key}`))
    }
    expect(leaks).toEqual([])
  })

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
