/**
 * Every page app.json declares, main package and subpackages, rendered from the build under
 * WeChat's template compiler and shown a stubbed backend: each must show its own words (see
 * every-page/pages.ts). A page added to app.config.ts without a row here fails the first test.
 */
import { PAGES } from './every-page/pages'
import { renderRow } from './every-page/render-row'
import { allRoutes } from './harness/built-files'
import { everyPageDefaults } from './every-page/defaults'
import { type Weapp, bootWeapp } from './harness/weapp-app'

let app: Weapp
beforeAll(async () => {
  app = await bootWeapp({ defaults: everyPageDefaults() })
})
beforeEach(() => app.reset())

it('has a row for every page app.json declares, and none for a page it does not', () => {
  expect(PAGES.map((p) => p.route).sort()).toEqual([...allRoutes()].sort())
})

const ROWS = PAGES.filter((p) => (p.viewer ?? 'member') === 'member')
it.each(ROWS.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
  await renderRow(app, row)
})
