/**
 * What WeChat checks in a build before it runs it, done offline on dist/weapp: app.json's pages and
 * subpackages exist, each page's JSON parses and names components that exist, the packages fit
 * WeChat's size limits, the tab bar is made of main-package pages with their icons, the privacy
 * declarations match the location APIs the code really calls, and every WXML compiles with
 * WeChat's own template compiler (wcc). Each problem is one sentence naming the file at fault.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { WEAPP_MAIN_LIMIT, WEAPP_TOTAL_LIMIT, formatBytes, weappSizes } from '../report-sizes'

/** WeChat's limit for each subpackage (the main package has the same). */
export const WEAPP_SUBPACKAGE_LIMIT = 2 * 1024 * 1024
/** WeChat refuses tab bar icons above 40 KB. */
export const TAB_ICON_LIMIT = 40 * 1024

/**
 * The APIs WeChat makes an app declare in requiredPrivateInfos before it may call them; it refuses
 * a declared getFuzzyLocation together with getLocation.
 */
export const PRIVATE_INFO_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const
/** Those that need a reason in permission['scope.userLocation'] as well. */
const NEEDS_LOCATION_PERMISSION = new Set([
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
])

interface AppJson {
  pages?: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list?: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] }
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc?: string }>
  preloadRule?: Record<string, { packages?: string[] }>
  __usePrivacyCheck__?: boolean
}

export interface BuildReport {
  problems: string[]
  /** Every page route app.json declares, main package first. */
  routes: string[]
  /** Location APIs called in the built JS, and the files calling each. */
  locationCalls: Record<string, string[]>
  sizes: { mainBytes: number; totalBytes: number; subPackages: { root: string; bytes: number }[] }
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  )

const posix = (dist: string, file: string) => relative(dist, file).split(sep).join('/')

const readJson = (file: string, problems: string[], name: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    problems.push(`${name} is not valid JSON: ${(e as Error).message}`)
    return null
  }
}

/**
 * `x.getLocation(` / `wx.chooseLocation (`: a call. Taro's runtime lists every API name as a
 * string ("getLocation") to promisify it, and app.json's copy inside app.js names them too; neither
 * is a call, so only a property access followed by a parenthesis counts.
 */
export const locationApiCalls = (dist: string): Record<string, string[]> => {
  const found: Record<string, string[]> = {}
  const pattern = new RegExp(`\\.\\s*(${PRIVATE_INFO_APIS.join('|')})\\s*\\(`, 'g')
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.js'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const files = (found[match[1]] ??= [])
      const name = posix(dist, file)
      if (!files.includes(name)) files.push(name)
    }
  }
  return found
}

/** A component path from a page or component JSON, resolved to its file stem in the build. */
const componentStem = (dist: string, fromJson: string, target: string) =>
  target.startsWith('/') ? join(dist, target) : join(dirname(fromJson), target)

const checkComponents = (
  dist: string,
  jsonFile: string,
  json: { usingComponents?: Record<string, string> },
  problems: string[],
  seen: Set<string>,
) => {
  for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
    if (target.startsWith('plugin://')) continue
    const stem = componentStem(dist, jsonFile, target)
    const missing = ['js', 'json', 'wxml'].filter((ext) => !existsSync(`${stem}.${ext}`))
    if (missing.length) {
      problems.push(
        `${posix(dist, jsonFile)} uses <${tag}> from ${target}, which has no ` +
          missing.map((ext) => `.${ext}`).join(', '),
      )
      continue
    }
    if (seen.has(stem)) continue
    seen.add(stem)
    const nested = readJson(`${stem}.json`, problems, posix(dist, `${stem}.json`))
    if (nested && typeof nested === 'object')
      checkComponents(dist, `${stem}.json`, nested as typeof json, problems, seen)
  }
}

/** Compiles every WXML of the build with wcc, as WeChat does; a template error names its file. */
export const compileWxml = (dist: string): string | null => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as {
    wxmlToJs(root: string, options?: { maxBuffer?: number }): string
  }
  try {
    compiler.wxmlToJs(dist, { maxBuffer: 64 * 1024 * 1024 })
    return null
  } catch (e) {
    return `WeChat's template compiler (wcc) rejects the build: ${(e as Error).message.trim()}`
  }
}

export const validateBuild = async (dist: string): Promise<BuildReport> => {
  const problems: string[] = []
  const empty = { mainBytes: 0, totalBytes: 0, subPackages: [] }
  if (!existsSync(join(dist, 'app.json')))
    return {
      problems: [`${dist} has no app.json: build it with npm run build:weapp`],
      routes: [],
      locationCalls: {},
      sizes: empty,
    }
  const app = (readJson(join(dist, 'app.json'), problems, 'app.json') ?? {}) as AppJson
  const mainPages = app.pages ?? []
  const subPackages = app.subPackages ?? app.subpackages ?? []
  if (mainPages.length === 0) problems.push('app.json declares no pages')

  // Pages: each of the four files, a JSON that parses, components that exist.
  const routes = [
    ...mainPages,
    ...subPackages.flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/+$/, '')}/${page}`)),
  ]
  const seen = new Set<string>()
  const components = new Set<string>()
  for (const route of routes) {
    if (seen.has(route)) problems.push(`app.json declares ${route} twice`)
    seen.add(route)
    const missing = ['js', 'wxml', 'json', 'wxss'].filter(
      (ext) => !existsSync(join(dist, `${route}.${ext}`)),
    )
    if (missing.length) {
      problems.push(
        `app.json declares page ${route}, but the build has no ` +
          missing.map((ext) => `${route}.${ext}`).join(', '),
      )
    }
    if (!missing.includes('json')) {
      const jsonFile = join(dist, `${route}.json`)
      const json = readJson(jsonFile, problems, `${route}.json`)
      if (json && typeof json === 'object')
        checkComponents(dist, jsonFile, json as object, problems, components)
    }
  }

  // Packages: the roots exist and nothing exceeds WeChat's limits.
  for (const p of subPackages) {
    const dir = join(dist, p.root)
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      problems.push(`app.json declares subpackage ${p.root}, but the build has no ${p.root}/`)
  }
  const sizes = (await weappSizes(dist)) ?? empty
  if (sizes.mainBytes > WEAPP_MAIN_LIMIT)
    problems.push(
      `the main package is ${formatBytes(sizes.mainBytes)}, above WeChat's ${formatBytes(WEAPP_MAIN_LIMIT)}`,
    )
  for (const s of sizes.subPackages)
    if (s.bytes > WEAPP_SUBPACKAGE_LIMIT)
      problems.push(
        `subpackage ${s.root} is ${formatBytes(s.bytes)}, above WeChat's ${formatBytes(WEAPP_SUBPACKAGE_LIMIT)} per package`,
      )
  if (sizes.totalBytes > WEAPP_TOTAL_LIMIT)
    problems.push(
      `the whole app is ${formatBytes(sizes.totalBytes)}, above WeChat's ${formatBytes(WEAPP_TOTAL_LIMIT)}`,
    )
  const roots = new Set(subPackages.map((p) => p.root.replace(/\/+$/, '')))
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    if (!seen.has(page)) problems.push(`preloadRule names ${page}, which is not a page`)
    for (const pkg of rule.packages ?? [])
      if (!roots.has(pkg)) problems.push(`preloadRule of ${page} preloads ${pkg}, not a subpackage`)
  }

  // Tab bar: WeChat shows only main-package pages there, with icons it can read.
  const tabs = app.tabBar?.list ?? []
  if (app.tabBar && (tabs.length < 2 || tabs.length > 5))
    problems.push(`the tab bar has ${tabs.length} items; WeChat needs 2 to 5`)
  for (const tab of tabs) {
    if (!mainPages.includes(tab.pagePath))
      problems.push(`tab bar page ${tab.pagePath} is not in the main package's pages`)
    for (const icon of [tab.iconPath, tab.selectedIconPath]) {
      if (!icon) {
        problems.push(`tab bar page ${tab.pagePath} has no icon`)
      } else if (!existsSync(join(dist, icon))) {
        problems.push(`tab bar icon ${icon} (for ${tab.pagePath}) is not in the build`)
      } else if (statSync(join(dist, icon)).size > TAB_ICON_LIMIT) {
        problems.push(`tab bar icon ${icon} is above WeChat's ${formatBytes(TAB_ICON_LIMIT)}`)
      }
    }
  }

  // Privacy: declared = called, and consent routed through the app.
  const locationCalls = locationApiCalls(dist)
  const declared = app.requiredPrivateInfos ?? []
  for (const [api, files] of Object.entries(locationCalls))
    if (!declared.includes(api))
      problems.push(
        `${files.join(', ')} call${files.length > 1 ? '' : 's'} wx.${api}, which app.json's ` +
          'requiredPrivateInfos does not declare: WeChat refuses the call',
      )
  for (const api of declared) {
    if (!(PRIVATE_INFO_APIS as readonly string[]).includes(api))
      problems.push(`requiredPrivateInfos declares ${api}, which WeChat does not know`)
    else if (!locationCalls[api])
      problems.push(
        `requiredPrivateInfos declares ${api}, which no built code calls: drop it (WeChat's review asks why)`,
      )
  }
  if (declared.includes('getFuzzyLocation') && declared.includes('getLocation'))
    problems.push(
      'requiredPrivateInfos declares both getFuzzyLocation and getLocation: WeChat refuses that',
    )
  const needsReason = Object.keys(locationCalls).filter((api) => NEEDS_LOCATION_PERMISSION.has(api))
  if (needsReason.length && !app.permission?.['scope.userLocation']?.desc?.trim())
    problems.push(
      `the build calls ${needsReason.join(', ')} but app.json's permission['scope.userLocation'] has no desc`,
    )
  if (app.__usePrivacyCheck__ !== true)
    problems.push(
      'app.json does not set __usePrivacyCheck__: true (privacy consent through the app)',
    )

  // Templates: one wcc run over every WXML, as WeChat compiles them.
  const wxml = compileWxml(dist)
  if (wxml) problems.push(wxml)

  return { problems, routes, locationCalls, sizes }
}
