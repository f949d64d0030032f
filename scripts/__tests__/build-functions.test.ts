import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asciiOnly, buildFunctions, listFunctions, type BuiltFunction } from '../build-functions'
import { formatSizeReport, weappSizes } from '../report-sizes'

describe('build:functions', () => {
  const out = mkdtempSync(join(tmpdir(), 'linquan-build-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))
  let built: BuiltFunction[] = []

  it('bundles each function into its own folder with index.js, package.json and config.json', async () => {
    const names = await listFunctions()
    expect(names).toEqual(expect.arrayContaining(['user', 'listing']))
    built = await buildFunctions({ outDir: out })
    expect(built.map((b) => b.name).sort()).toEqual(names)
    for (const b of built) {
      for (const file of ['index.js', 'package.json', 'config.json'])
        expect(existsSync(join(out, b.name, file))).toBe(true)
      const pkg = JSON.parse(readFileSync(join(out, b.name, 'package.json'), 'utf8'))
      // Only what stays external may be listed, with the root package.json's version.
      const root = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'))
      for (const [dep, version] of Object.entries(pkg.dependencies))
        expect(root.dependencies[dep]).toBe(version)
      expect(Object.keys(pkg.dependencies)).not.toContain('zod')
      expect(pkg.main).toBe('index.js')
    }
    expect(JSON.parse(readFileSync(join(out, 'user', 'config.json'), 'utf8'))).toMatchObject({
      timeout: expect.any(Number),
      triggers: [],
    })
  }, 120_000) // esbuild bundles every function

  it('bundles no contract but the function’s own: a contract builds all its schemas at load', () => {
    expect(built.length).toBeGreaterThan(0)
    for (const fn of built) {
      const contracts = Object.entries(fn.inputBytes)
        .filter(
          ([path, bytes]) => /shared\/contracts\/[^/]+\.contract\.ts$/.test(path) && bytes > 0,
        )
        .map(([path]) => path.split('/').pop())
      expect([fn.name, contracts]).toEqual([
        fn.name,
        contracts.length ? [`${fn.name}.contract.ts`] : [],
      ])
    }
  })

  it('produces a CommonJS bundle whose main answers envelopes without any source files', async () => {
    const { main } = require(join(out, 'user', 'index.js'))
    expect(await main({ action: 'nope', input: {} }, {})).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION' },
    })
    const source = readFileSync(join(out, 'user', 'index.js'), 'utf8')
    expect(source).not.toMatch(/require\(["']zod["']\)/)
    expect(source).not.toMatch(/require\(["']@shared/)
  })

  it('writes ASCII-only bundles (one Chinese character makes the file a two-byte string to load)', () => {
    for (const name of ['chat', 'user', 'courier-notify']) {
      const source = readFileSync(join(out, name, 'index.js'), 'utf8')
      // The off-platform guard's and the courier adapter's rules are Chinese regular expressions.
      expect(source).toMatch(/\\u3002|\\u516C\\u53F8/)
      expect(source).toMatch(/^[\x20-\x7e\t\n\r]*$/)
    }
  })

  it('escapes regular expressions without changing what they match', () => {
    const cases = ['/[,!?;。、\\n]+/g', '/\\。/', '/\\\\。/', '/[😀]/u', '/[😀x]/', '/邻圈/']
    const texts = ['。', '、', '\\。', '😀', '\uD83D', 'x', '邻圈', 'a,b']
    const compile = (src: string) => new Function(`return ${src}`)() as RegExp
    for (const src of cases) {
      const escaped = asciiOnly(src)
      expect(escaped).toMatch(/^[\x20-\x7e]*$/)
      for (const text of texts)
        expect([src, text, compile(escaped).test(text)]).toEqual([
          src,
          text,
          compile(src).test(text),
        ])
    }
    expect(asciiOnly('/* 邻圈 */ const a = 1')).toBe('/* \\u90BB\\u5708 */ const a = 1')
  })

  it('keeps only zod’s English messages, which zod itself installs', async () => {
    const source = readFileSync(join(out, 'user', 'index.js'), 'utf8')
    expect(source).not.toContain('Ungültige Eingabe')
    // Nor z.fromJSONSchema, whose module copies all of zod's exports when it loads.
    expect(source).not.toContain('RECOGNIZED_KEYS')
    expect(source).toContain('z.fromJSONSchema is left out')
    const { main } = require(join(out, 'user', 'index.js'))
    expect(await main({ action: 'updateProfile', input: { nickname: 5 } }, {})).toMatchObject({
      ok: false,
      error: {
        code: 'COMMON.VALIDATION',
        message: 'Invalid input: expected string, received number',
      },
    })
  })
})

describe('size report', () => {
  it('counts the mini-program main package without the subpackages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linquan-weapp-'))
    const put = (path: string, bytes: number) => {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), Buffer.alloc(bytes))
    }
    writeFileSync(
      join(dir, 'app.json'),
      JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'order/' }] }),
    )
    const appJsonBytes = readFileSync(join(dir, 'app.json')).length
    put('app.js', 1000)
    put('pages/index/index.js', 500)
    put('order/pages/detail/index.js', 300)
    put('orders-like-name.js', 7) // not under the root "order"
    const sizes = await weappSizes(dir)
    rmSync(dir, { recursive: true, force: true })
    expect(sizes).toEqual({
      mainBytes: appJsonBytes + 1000 + 500 + 7,
      totalBytes: appJsonBytes + 1000 + 500 + 300 + 7,
      subPackages: [{ root: 'order', bytes: 300 }],
    })
    const text = formatSizeReport({
      functions: [{ name: 'user', bytes: 2048, gzipBytes: 512 }],
      weapp: sizes,
    })
    expect(text).toContain('cloud function user')
    expect(text).toContain('mini-program main package')
  })
})
