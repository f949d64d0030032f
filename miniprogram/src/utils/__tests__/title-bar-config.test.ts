/**
 * The app and page configs that decide the title bar: H5 shows Taro's bar (title and back arrow)
 * on every page but the four tabs, and every page names a title for it; the weapp keeps WeChat's
 * native bar everywhere.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

type Config = { navigationStyle?: string; navigationBarTitleText?: string }
const SRC = join(__dirname, '..', '..')
const ENV = process.env.TARO_ENV
afterAll(() => {
  process.env.TARO_ENV = ENV
})
const g = globalThis as unknown as Record<string, (c: unknown) => unknown>
g.defineAppConfig = (c) => c
g.definePageConfig = (c) => c

const pageConfigs = (dir = SRC): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return name === '__tests__' ? [] : pageConfigs(full)
    return name === 'index.config.ts' ? [full] : []
  })

const load = (env: 'h5' | 'weapp', file: string): Config => {
  process.env.TARO_ENV = env
  let config: Config = {}
  jest.isolateModules(() => {
    config = (require(file) as { default: Config }).default
  })
  return config
}

const app = load('h5', join(SRC, 'app.config.ts')) as Config & {
  window: Config
  tabBar: { list: { pagePath: string }[] }
}
const tabs = app.tabBar.list.map((t) => t.pagePath)
const routeOf = (file: string) => relative(SRC, file).replace(/\.config\.ts$/, '')

test('the window asks for the default bar: Taro draws it in H5, WeChat natively', () => {
  expect(app.window.navigationStyle).toBe('default')
})

test.each(pageConfigs().map((f) => [routeOf(f), f]))('%s', (route, file) => {
  const h5 = load('h5', file)
  const weapp = load('weapp', file)
  expect(h5.navigationBarTitleText).toBeTruthy()
  // Tabs have the tab bar to move around: no title bar in H5; sub-pages inherit the bar.
  if (tabs.includes(route)) expect(h5.navigationStyle).toBe('custom')
  else expect(h5.navigationStyle ?? app.window.navigationStyle).toBe('default')
  expect(weapp.navigationStyle ?? app.window.navigationStyle).toBe('default')
})
