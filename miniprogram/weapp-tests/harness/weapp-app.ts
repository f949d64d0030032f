/**
 * Runs the built mini-program (dist/weapp) inside jest + jsdom the way WeChat would: app.js first,
 * then pages rendered by miniprogram-simulate with WeChat's own template compiler (wcc), a fake
 * `wx` (fake-wx.ts) and a programmable `wx.cloud` (fake-cloud.ts). See ../README.md.
 *
 * The shim, and why each part is there (TOOLCHAIN.md, "Rendering the built weapp pages"):
 * - wcc with rootPath dist/weapp: simulate's own compiler drops <import>, <template is> and <wxs>,
 *   and every Taro page is made of those, so it renders them empty without a word;
 * - App/getApp/getCurrentPages/requirePlugin: what the WeChat client provides as globals;
 * - Page(options) becomes Component(options-as-methods) whose attached runs onLoad(query) and
 *   onShow, ready runs onReady and detached onUnload, as the client does for a page;
 * - a path loaded a second time replays the Component definition its first load recorded, because
 *   Taro's chunk loader skips chunks already installed and so never calls Page/Component again.
 */
import path from 'node:path'
import { DIST as BUILT_DIST, routeOf } from './built-files'
import { type FakeCloud, createFakeCloud } from './fake-cloud'
import { type EnterOptions, type FakeWx, createFakeWx } from './fake-wx'
import {
  type Fn,
  type Instance,
  type PageComponent,
  WAIT_MS,
  type WeappPage,
  diagnose,
  pageHandle,
  until,
} from './weapp-page'

export type { WeappPage } from './weapp-page'

type Simulate = typeof import('miniprogram-simulate')

export interface Weapp {
  wx: FakeWx
  cloud: FakeCloud
  /** What app.js gave App(). */
  app: Instance
  /**
   * Opens a page at a route (`/package-listing/detail/index?id=…`, or a route and a query). With
   * `enter`, it is entered as from a card (e.g. `{ scene: 1008, shareTicket }` for a group chat):
   * wx.getEnterOptionsSync answers it and App.onShow runs with it first, as on a phone.
   */
  open(
    pagePath: string,
    query?: Record<string, string>,
    options?: { enter?: Partial<EnterOptions> },
  ): Promise<WeappPage>
  /** Waits until no cloud call is in flight and none has started for a moment. */
  settled(): Promise<void>
  /** Closes open pages and forgets recorded calls, storage and answers (defaults stay). */
  reset(): void
}

export interface BootOptions {
  /** Answers programmed now and after every reset (the silent login, the badge counts …). */
  defaults?: (cloud: FakeCloud) => void
  /** How the app is launched (default scene 1001, the 发现 list, on pages/index/index). */
  launch?: Partial<EnterOptions>
  /** The build to run (default dist/weapp, or WEAPP_DIST): check:weapp's tests plant faults in a copy. */
  dist?: string
}

const g = globalThis as unknown as Record<string, unknown>

/** Boots app.js once per test file; pages then open against the same app, as on a phone. */
export const bootWeapp = async (options: BootOptions = {}): Promise<Weapp> => {
  // app.js and the shared chunks run once per module registry: one app per test file.
  if (g.__weappBooted) throw new Error('bootWeapp runs once per test file (in beforeAll)')
  g.__weappBooted = true
  const DIST = options.dist ?? BUILT_DIST
  const cloud = createFakeCloud()
  cloud.defaults = options.defaults ?? (() => undefined)
  cloud.reset()
  const fake = createFakeWx(cloud)
  g.wx = fake.wx

  // simulate merges its own wx mocks under ours when it loads, so `wx` must exist first.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate: Simulate = require('miniprogram-simulate')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils: { runJs: (file: string) => void } = require('miniprogram-simulate/src/utils')
  fake.wx = g.wx as Record<string, unknown>

  // Record each file's Component definition; replay it when a second load runs nothing.
  const definitions = new Map<string, unknown>()
  let running: string | null = null
  let registered = false
  const simComponent = g.Component as (options: unknown) => void
  g.Component = (definition: unknown) => {
    if (running && !definitions.has(running)) definitions.set(running, definition)
    registered = true
    simComponent(definition)
  }
  const runJs = utils.runJs
  utils.runJs = (file: string) => {
    const outer = [running, registered] as const
    running = file
    registered = false
    try {
      runJs(file)
      if (!registered && definitions.has(file)) simComponent(definitions.get(file))
    } finally {
      ;[running, registered] = outer
    }
  }

  // The client's globals.
  let app: Instance | null = null
  const stack: Instance[] = []
  let pendingQuery: Record<string, string> = {}
  g.App = (appOptions: Instance) => {
    app = appOptions
  }
  g.getApp = () => app
  g.getCurrentPages = () => [...stack]
  g.requirePlugin = () => ({})
  g.Page = (pageOptions: Record<string, unknown>) => {
    if (!running) throw new Error('Page() called outside a page load')
    const route = routeOf(path.relative(DIST, running).split(path.sep).join('/'))
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(pageOptions))
      if (typeof value === 'function') methods[key] = value
    const call = (self: Instance, name: string, ...args: unknown[]) =>
      (self[name] as Fn | undefined)?.apply(self, args)
    ;(g.Component as (o: unknown) => void)({
      data: pageOptions.data,
      behaviors: pageOptions.behaviors,
      methods,
      lifetimes: {
        attached(this: Instance) {
          const query = pendingQuery
          this.route = route
          this.__route__ = route
          this.options = query
          stack.push(this)
          call(this, 'onLoad', query)
          call(this, 'onShow')
        },
        ready(this: Instance) {
          call(this, 'onReady')
        },
        detached(this: Instance) {
          call(this, 'onUnload')
          stack.splice(stack.indexOf(this), 1)
        },
      },
    })
  }

  // app.js loads the shared chunks (runtime, taro, vendors, common) and calls App().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  const theApp = app as Instance
  const launch = { ...fake.enter, ...options.launch }
  fake.enter = launch
  ;(theApp.onLaunch as Fn | undefined)?.call(theApp, launch)
  ;(theApp.onShow as Fn | undefined)?.call(theApp, launch)

  /** Quiet: nothing in flight and no new call over two polls (a reply may start another call). */
  const settled = async () => {
    let seen = -1
    const quiet = () => {
      const now = cloud.calls.length
      const still = cloud.inFlight === 0 && now === seen
      seen = now
      return still
    }
    if (!(await until(quiet, WAIT_MS))) throw new Error('the cloud calls never settled')
  }
  // The silent login runs at launch: let it land before the first test resets the records.
  await settled()

  const ids = new Map<string, string>()
  const open: WeappPage[] = []
  const loadOptions = {
    compiler: 'official' as const,
    rootPath: DIST,
    // wcc prints every template of the build at once: far beyond spawnSync's default 1 MB.
    compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
  }

  const openPage: Weapp['open'] = async (pagePath, query = {}, { enter } = {}) => {
    const route = routeOf(pagePath)
    // WeChat hands onLoad the query as written in the path, without decoding it.
    const fromPath = Object.fromEntries(
      (pagePath.split('?')[1] ?? '')
        .split('&')
        .filter(Boolean)
        .map((pair) => [
          pair.split('=')[0],
          pair.includes('=') ? pair.slice(pair.indexOf('=') + 1) : '',
        ]),
    )
    const fullQuery = { ...fromPath, ...query }
    if (enter) {
      fake.enter = { path: route, query: fullQuery, scene: 1001, ...enter }
      ;(theApp.onShow as Fn | undefined)?.call(theApp, { ...fake.enter })
    }
    let id = ids.get(route)
    if (!id) {
      id = simulate.load(path.join(DIST, route), loadOptions)
      ids.set(route, id)
    }
    const comp = simulate.render(id) as PageComponent
    pendingQuery = fullQuery
    comp.attach(document.createElement('parent-wrapper'))
    pendingQuery = {}
    const page = pageHandle(comp, route, fullQuery, cloud, (closed) => {
      open.splice(open.indexOf(closed), 1)
    })
    open.push(page)
    // Taro mounts the React tree on a later turn: wait until the page's root has rendered.
    if (!(await until(() => (comp.dom as unknown as HTMLElement).children.length > 0, WAIT_MS)))
      throw new Error(
        diagnose(
          page,
          cloud,
          'for anything to render (an empty page: the templates did not compile?)',
        ),
      )
    return page
  }

  return {
    wx: fake,
    cloud,
    app: theApp,
    open: openPage,
    settled,
    reset() {
      for (const page of [...open]) page.close()
      fake.reset()
      cloud.reset()
    },
  }
}
