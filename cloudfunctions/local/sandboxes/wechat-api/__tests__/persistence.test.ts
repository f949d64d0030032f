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

test('updatable cards with their history and the groups made at run time come back', async () => {
  const stateFile = join(dir, 'wechat-api.json')
  const first = createWechatApiSandbox({ timers: 'manual', stateFile })
  const { activity_id } = first.share.cards.create(new URLSearchParams({ openid: 'o-demo-01' }))
  first.share.cards.send({
    activity_id,
    target_state: 1,
    template_info: {
      parameter_list: [
        { name: 'path', value: 'package-listing/detail/index?id=L1' },
        { name: 'version_type', value: 'develop' },
      ],
    },
  })
  const added = first.share.groups.addGroup('古北业主群')
  await first.close!()

  const second = createWechatApiSandbox({ timers: 'manual', stateFile })
  expect(second.share.cards.get(activity_id)).toMatchObject({ label: '已售出', state: 1 })
  expect(second.share.cards.get(activity_id)!.history).toHaveLength(1)
  expect(second.share.groups.list().find((g) => g.id === added.id)).toEqual(added)
  await second.close!()
})

test('a file written before sharing existed still loads', () => {
  const stateFile = join(dir, 'old.json')
  writeFileSync(
    stateFile,
    JSON.stringify({ subscriptions: {}, inbox: [], shipping: [], msgSeq: 4 }),
  )
  const warnings: string[] = []
  const sandbox = createWechatApiSandbox({
    timers: 'manual',
    stateFile,
    warn: (l) => warnings.push(l),
  })
  expect(warnings).toEqual([])
  expect(sandbox.share.cards.list()).toEqual([])
  expect(sandbox.share.groups.list()).toHaveLength(4)
})
