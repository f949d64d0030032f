/**
 * `npm run check:weapp`'s own checks, on the real build and on broken copies of it: each planted
 * fault (a page without its WXML, a malformed template, an oversize subpackage, a location API
 * nobody declared …) must fail with a sentence naming it. The copies live in a temp dir under a
 * `dist/` folder, so jest leaves their JS untouched, as it does the real build's.
 */
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { validateBuild } from '../../scripts/check-weapp/validate-build'
import { DIST, allRoutes } from './harness/built-files'
import { signedInDefaults } from './harness/fixtures'
import { bootWeapp } from './harness/weapp-app'

const REPO = path.resolve(__dirname, '../..')
const temps: string[] = []
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A fresh copy of the build to break. */
const copyOfBuild = () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'check-weapp-'))
  temps.push(root)
  const dist = path.join(root, 'dist', 'weapp')
  cpSync(DIST, dist, { recursive: true })
  return dist
}
const editJson = (file: string, edit: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(readFileSync(file, 'utf8'))
  edit(json)
  writeFileSync(file, JSON.stringify(json))
}
/** A page that calls no location API itself: the planted call is the only one in its file. */
const SUB_PAGE = 'package-share/stats/index'

describe('the validators on the real build', () => {
  it('find nothing wrong, and see every page and the location APIs the code calls', async () => {
    const report = await validateBuild(DIST)
    expect(report.problems).toEqual([])
    expect(report.routes).toEqual(allRoutes())
    expect(Object.keys(report.locationCalls).sort()).toEqual(['chooseLocation', 'getLocation'])
    expect(report.sizes.mainBytes).toBeGreaterThan(100 * 1024)
  })
})

describe('the validators on a broken copy', () => {
  it('name a page app.json lists whose .wxml is missing', async () => {
    const dist = copyOfBuild()
    rmSync(path.join(dist, 'package-order/list/index.wxml'))
    expect((await validateBuild(dist)).problems).toEqual([
      'app.json declares page package-order/list/index, but the build has no package-order/list/index.wxml',
    ])
  })

  it('name a page app.json lists that was never built, and a subpackage root that is not there', async () => {
    const dist = copyOfBuild()
    editJson(path.join(dist, 'app.json'), (app) => {
      const subs = app.subPackages as { root: string; pages: string[] }[]
      subs[0].pages.push('ghost/index')
      subs.push({ root: 'package-ghost', pages: ['index'] })
    })
    const problems = (await validateBuild(dist)).problems
    expect(problems).toContain(
      'app.json declares page package-listing/ghost/index, but the build has no ' +
        'package-listing/ghost/index.js, package-listing/ghost/index.wxml, ' +
        'package-listing/ghost/index.json, package-listing/ghost/index.wxss',
    )
    expect(problems).toContain(
      'app.json declares subpackage package-ghost, but the build has no package-ghost/',
    )
  })

  it('reject a malformed WXML through WeChat’s template compiler', async () => {
    const dist = copyOfBuild()
    writeFileSync(path.join(dist, 'pages/me/index.wxml'), '<text>{{a</view>')
    const problems = (await validateBuild(dist)).problems
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(
      /^WeChat's template compiler \(wcc\) rejects the build: .*pages\/me\/index\.wxml/,
    )
  })

  it('name a subpackage above WeChat’s 2 MB', async () => {
    const dist = copyOfBuild()
    // Incompressible bytes, as an inlined image would be.
    writeFileSync(path.join(dist, 'package-share/blob.js'), Buffer.alloc(2.1 * 1024 * 1024, 7))
    expect((await validateBuild(dist)).problems).toEqual([
      expect.stringMatching(
        /^subpackage package-share is 2\.\d\d MB, above WeChat's 2\.00 MB per package$/,
      ),
    ])
  })

  it('name a main package above 2 MB', async () => {
    const dist = copyOfBuild()
    writeFileSync(path.join(dist, 'blob.js'), Buffer.alloc(2 * 1024 * 1024, 7))
    expect((await validateBuild(dist)).problems).toEqual([
      expect.stringMatching(/^the main package is 2\.\d\d MB, above WeChat's 2\.00 MB$/),
    ])
  })

  it('name the files calling a location API requiredPrivateInfos does not declare', async () => {
    const dist = copyOfBuild()
    editJson(path.join(dist, 'app.json'), (app) => {
      app.requiredPrivateInfos = ['getLocation']
    })
    const problems = (await validateBuild(dist)).problems
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(
      /^package-\S+\.js(, package-\S+\.js)* calls? wx\.chooseLocation, which app\.json's requiredPrivateInfos does not declare: WeChat refuses the call$/,
    )
  })

  it('catch a new location call in a page, and a declaration no code needs', async () => {
    const dist = copyOfBuild()
    appendFileSync(path.join(dist, `${SUB_PAGE}.js`), '\nwx.getFuzzyLocation({type:"gcj02"});\n')
    editJson(path.join(dist, 'app.json'), (app) => {
      app.requiredPrivateInfos = ['chooseLocation', 'getLocation', 'choosePoi']
    })
    expect((await validateBuild(dist)).problems).toEqual([
      `${SUB_PAGE}.js calls wx.getFuzzyLocation, which app.json's requiredPrivateInfos does not declare: WeChat refuses the call`,
      "requiredPrivateInfos declares choosePoi, which no built code calls: drop it (WeChat's review asks why)",
    ])
  })

  it('want privacy consent routed through the app, and the location reason', async () => {
    const dist = copyOfBuild()
    editJson(path.join(dist, 'app.json'), (app) => {
      delete app.__usePrivacyCheck__
      delete app.permission
    })
    expect((await validateBuild(dist)).problems).toEqual([
      "the build calls getLocation but app.json's permission['scope.userLocation'] has no desc",
      'app.json does not set __usePrivacyCheck__: true (privacy consent through the app)',
    ])
  })

  it('want tab bar pages in the main package with their icons', async () => {
    const dist = copyOfBuild()
    rmSync(path.join(dist, 'assets/tab-me-on.png'))
    editJson(path.join(dist, 'app.json'), (app) => {
      const tabBar = app.tabBar as { list: { pagePath: string }[] }
      tabBar.list[1].pagePath = 'package-listing/publish/index'
    })
    expect((await validateBuild(dist)).problems).toEqual([
      "tab bar page package-listing/publish/index is not in the main package's pages",
      'tab bar icon assets/tab-me-on.png (for pages/me/index) is not in the build',
    ])
  })

  it('name a page JSON that does not parse and a component it names that is missing', async () => {
    const dist = copyOfBuild()
    writeFileSync(path.join(dist, 'package-user/settings/index.json'), '{"usingComponents":')
    editJson(path.join(dist, 'pages/me/index.json'), (json) => {
      json.usingComponents = {
        ...(json.usingComponents as object),
        'ghost-tag': '../../native/ghost/index',
      }
    })
    const problems = (await validateBuild(dist)).problems
    expect(problems).toEqual([
      'pages/me/index.json uses <ghost-tag> from ../../native/ghost/index, which has no .js, .json, .wxml',
      expect.stringMatching(/^package-user\/settings\/index\.json is not valid JSON: /),
    ])
  })
})

describe('the render step on a copy with a malformed WXML', () => {
  it('fails the page with wcc’s message instead of rendering it empty', async () => {
    const dist = copyOfBuild()
    writeFileSync(path.join(dist, 'pages/me/index.wxml'), '<text>{{a</view>')
    const app = await bootWeapp({ defaults: signedInDefaults(), dist })
    await expect(app.open('pages/me/index')).rejects.toThrow(/pages\/me\/index\.wxml:\d+:\d+/)
  })
})

describe('npm run check:weapp on a broken copy', () => {
  // One real miniprogram-ci compile (~20 s): WeChat's compiler and ours must both name the page.
  it('exits 1 and says what is wrong, in miniprogram-ci’s words and the validator’s', () => {
    const dist = copyOfBuild()
    rmSync(path.join(dist, 'package-order/list/index.js'))
    // tsx's CLI, as npm run uses it: under `node --import tsx` miniprogram-ci's forked compiler dies.
    const run = spawnSync(
      path.join(REPO, 'node_modules/.bin/tsx'),
      ['scripts/check-weapp/index.ts', '--no-build', '--no-render', '--dist', dist],
      { cwd: REPO, encoding: 'utf8', timeout: 120_000 },
    )
    const out = run.stdout + run.stderr
    expect(out).toMatch(
      /FAIL miniprogram-ci rejects the build: app\.json: .* could not find the corresponding file: "package-order\/list\/index\.js"/,
    )
    expect(out).toContain(
      'FAIL app.json declares page package-order/list/index, but the build has no package-order/list/index.js',
    )
    expect(out).toMatch(/FAILED: ci compile .*; validate/)
    expect(run.status).toBe(1)
  }, 150_000)
})
