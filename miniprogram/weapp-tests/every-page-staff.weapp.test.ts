/**
 * The every-page rows that need a staff session (审核后台, 纠纷处理, 异常任务, 保障基金): the same
 * table, the same judgement, a user with the moderator and admin roles.
 */
import { everyPageDefaults, staff } from './every-page/defaults'
import { PAGES } from './every-page/pages'
import { renderRow } from './every-page/render-row'
import { type Weapp, bootWeapp } from './harness/weapp-app'

let app: Weapp
beforeAll(async () => {
  app = await bootWeapp({ defaults: everyPageDefaults(staff()) })
})
beforeEach(() => app.reset())

const ROWS = PAGES.filter((p) => p.viewer === 'staff')
it.each(ROWS.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
  await renderRow(app, row)
})
