/** The weapp build as WeChat receives it: dist/weapp, read as files (nothing here runs it). */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** dist/weapp, or the build WEAPP_DIST names (check:weapp renders a copy it was given). */
export const DIST = path.resolve(
  process.env.WEAPP_DIST ?? path.join(__dirname, '../../../dist/weapp'),
)

/** A page route without its leading slash or query: `package-listing/detail/index`. */
export const routeOf = (pagePath: string) => pagePath.replace(/^\//, '').split('?')[0]

const read = (file: string) => {
  const full = path.join(DIST, file)
  if (!existsSync(full)) throw new Error(`dist/weapp has no ${file}: run npm run build:weapp`)
  return readFileSync(full, 'utf8')
}

/** app.json as the build wrote it. */
export const appJson = (): Record<string, unknown> & {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: {
    list: { pagePath: string; text: string; iconPath: string; selectedIconPath: string }[]
  }
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc: string }>
} => JSON.parse(read('app.json'))

/** Every page route app.json declares, main package first. */
export const allRoutes = () => {
  const app = appJson()
  return [
    ...app.pages,
    ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
  ]
}

/** A page's index.json (window settings, usingComponents). */
export const pageJson = (route: string): Record<string, unknown> =>
  JSON.parse(read(`${routeOf(route)}.json`))

/** A page's compiled JS, as text. */
export const pageJs = (route: string) => read(`${routeOf(route)}.js`)

/**
 * The share switches Taro compiles into a page's JS (`X.enableShareAppMessage=!0`): a page that
 * calls useShareAppMessage / useShareTimeline gets them there, never in its index.json.
 */
export const compiledShareFlags = (route: string) => {
  const js = pageJs(route)
  return {
    appMessage: /\.enableShareAppMessage\s*=\s*(!0|true)\b/.test(js),
    timeline: /\.enableShareTimeline\s*=\s*(!0|true)\b/.test(js),
  }
}

/** Whether a file exists in the build (e.g. a tab icon app.json names). */
export const builtFileExists = (file: string) => existsSync(path.join(DIST, file))
