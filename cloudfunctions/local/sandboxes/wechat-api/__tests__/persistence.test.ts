import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWechatApiSandbox, SANDBOX_TEMPLATE_IDS } from '../index'

/** The dev inbox and shipping infos survive a restart; a corrupt file means one warning and an empty sandbox. */
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linquan-wechat-api-state-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const data = {
  character_string1: 'LQ1',
  thing2: '相机',
  amount3: '¥1.00',
  time4: '2026-01-01 08:00',
}
const send = (sandbox: ReturnType<typeof createWechatApiSandbox>) =>
  sandbox.engine.sendSubscribeMessage({
    touser: 'o-demo-01',
    template_id: SANDBOX_TEMPLATE_IDS.orderPaid,
    data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
  })

test('subscriptions, inbox and shipping come back after close and reopen', async () => {
  const stateFile = join(dir, 'wechat-api.json')
  const first = createWechatApiSandbox({ timers: 'manual', stateFile })
  first.engine.subscribe('o-demo-01', [
    SANDBOX_TEMPLATE_IDS.orderPaid,
    SANDBOX_TEMPLATE_IDS.orderPaid,
  ])
  const { msgid } = send(first)
  await first.close!()

  const second = createWechatApiSandbox({ timers: 'manual', stateFile })
  expect(second.engine.inboxOf('o-demo-01').map((m) => m.msgid)).toEqual([msgid])
  expect(second.engine.subscriptionsOf('o-demo-01')).toEqual({
    [SANDBOX_TEMPLATE_IDS.orderPaid]: 1,
  })
  expect(send(second).msgid).toBe(msgid + 1)
  await second.close!()
})

test('a corrupt file is reported and ignored', () => {
  const stateFile = join(dir, 'bad.json')
  writeFileSync(stateFile, '{"inbox": 3}')
  const warnings: string[] = []
  const sandbox = createWechatApiSandbox({
    timers: 'manual',
    stateFile,
    warn: (l) => warnings.push(l),
  })
  expect(warnings[0]).toMatch(/corrupt/)
  expect(sandbox.engine.inboxOf(null)).toEqual([])
})
