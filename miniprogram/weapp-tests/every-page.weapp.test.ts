/**
 * Every page app.json declares, main package and subpackages, rendered from the build under
 * WeChat's template compiler and shown a stubbed backend: each must show its own words (see
 * every-page/pages.ts). A page added to app.config.ts without a row here fails the first test.
 */
import { ChatContract } from '@shared/contracts/chat.contract'
import { conversation } from './every-page/fixtures-more'
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

describe('the judgement itself', () => {
  const row = (route: string) => PAGES.find((p) => p.route === route)!

  it('fails a page left without its answers: it shows 加载失败, not the order', async () => {
    const detail = row('package-order/detail/index')
    await expect(renderRow(app, { ...detail, answers: undefined })).rejects.toThrow(
      /waited for 索尼WH-1000XM4降噪耳机 on package-order\/detail\/index[\s\S]*unanswered: order\.get/,
    )
  })

  it('fails a page that shows its words but made a call nobody answered', async () => {
    const messages = row('pages/messages/index')
    await expect(
      renderRow(app, {
        ...messages,
        answers: (c) =>
          void c.answer(ChatContract, 'list', { items: [conversation()], nextCursor: null }),
      }),
    ).rejects.toThrow(/chat\.listings/)
  })
})
