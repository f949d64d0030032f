import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Contract } from '@shared/contracts/define-contract'
import { startEscrowCloud, type EscrowCloud } from './escrow-harness'
import { ROWS, WHOAMI, type Cells, type Row } from './authorization-matrix.table'
import { buildWorld, CALLERS, OPENIDS, type Kit, type Who } from './authorization-matrix.world'

type Main = (event: unknown, context?: unknown) => Promise<unknown>
type Envelope =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; details?: unknown } }

/**
 * The functions built with createHandler(contract, routes), found the way the build finds them
 * (one file per function) and their contracts among shared/contracts' exports: a new action, or
 * a new function, is in the matrix the moment it exists.
 */
const discover = () => {
  const contractsDir = join(__dirname, '../../shared/contracts')
  const functionsDir = join(__dirname, '../src/functions')
  const contracts = new Map<string, Contract>()
  for (const file of readdirSync(contractsDir).filter((f) => f.endsWith('.contract.ts'))) {
    for (const [name, value] of Object.entries(
      require(join(contractsDir, file)) as Record<string, unknown>,
    )) {
      const v = value as Partial<Contract> | null
      if (
        v &&
        typeof v === 'object' &&
        typeof v.name === 'string' &&
        v.actions &&
        typeof v.actions === 'object'
      )
        contracts.set(name, v as Contract)
    }
  }
  const served: { fn: string; contract: Contract; main: Main }[] = []
  const problems: string[] = []
  for (const file of readdirSync(functionsDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const fn = file.slice(0, -3)
    const uses = /createHandler\(\s*(\w+)/.exec(readFileSync(join(functionsDir, file), 'utf8'))?.[1]
    if (!uses) continue // HTTP- and timer-triggered functions take no caller actions
    const contract = contracts.get(uses)
    if (!contract)
      problems.push(
        `function ${fn} serves ${uses}, which is not exported by shared/contracts/*.contract.ts`,
      )
    else
      served.push({
        fn,
        contract,
        main: (require(join(functionsDir, file)) as { main: Main }).main,
      })
  }
  for (const [name, c] of contracts)
    if (!served.some((s) => s.contract === c))
      problems.push(`contract ${name} (${c.name}) is served by no function`)
  return { served, problems }
}

const { served, problems } = discover()
const byFunction = new Map(served.map((s) => [s.fn, s]))
const ACTIONS = served.flatMap((s) => Object.keys(s.contract.actions).map((a) => `${s.fn}.${a}`))
const specOf = (action: string) => {
  const [fn, name] = action.split('.') as [string, string]
  const s = byFunction.get(fn)
  return s && Object.hasOwn(s.contract.actions, name)
    ? { ...s, name, spec: s.contract.actions[name]! }
    : null
}
const label = (r: Row) => (r.case ? `${r.action} (${r.case})` : r.action)
/** The envelope's code as the table writes it. */
const outcomeOf = (res: Envelope) =>
  res.ok ? 'ok' : res.error.code.replace(/^COMMON\.(UNAUTHENTICATED|FORBIDDEN|NOT_FOUND)$/, '$1')

let cloud: EscrowCloud
let kit: Kit
beforeAll(async () => {
  cloud = await startEscrowCloud({ delivery: true })
  kit = await buildWorld(cloud)
}, 60_000)
afterAll(() => cloud?.stop())

const call = async (main: Main, who: Who, action: string, input: unknown) =>
  (await main({ action, input }, cloud.contextFor(OPENIDS[who]))) as Envelope

describe('the matrix covers every action of every function', () => {
  it('finds the functions and their contracts', () => {
    expect(problems).toEqual([])
    expect(served.map((s) => s.fn)).toEqual(
      expect.arrayContaining([
        'address',
        'listing',
        'merchant',
        'order',
        'search',
        'social',
        'user',
      ]),
    )
  })

  it('has a row for every action', () => {
    const missing = ACTIONS.filter((a) => !ROWS.some((r) => r.action === a))
    expect(missing).toEqual([])
  })

  it('has no row for an action that does not exist', () => {
    expect(ROWS.filter((r) => !specOf(r.action)).map(label)).toEqual([])
  })

  it("follows each action's auth level: anonymous callers sign in first, banned users are refused (but reach their penalties)", () => {
    const wrong = ROWS.flatMap((r) => {
      const auth = specOf(r.action)?.spec.auth
      const out: string[] = []
      if (auth !== 'public' && r.expect.anonymous !== 'UNAUTHENTICATED')
        out.push(`${label(r)}: ${auth} action, anonymous must be UNAUTHENTICATED`)
      if (auth === 'user' && r.expect.banned !== 'USER.BANNED')
        out.push(`${label(r)}: ${auth} action, banned must be USER.BANNED`)
      if (auth === 'account' && r.expect.banned === 'USER.BANNED')
        out.push(`${label(r)}: account action, a banned user must reach it`)
      return out
    })
    expect(wrong).toEqual([])
  })
})

describe('identity comes from the session, never from the payload', () => {
  for (const fn of served.map((s) => s.fn)) {
    it(`${fn}: another user's openid / userId / buyerId in the input or the event changes nothing`, async () => {
      const probe = WHOAMI[fn]
      if (!probe)
        throw new Error(
          `WHOAMI in authorization-matrix.table.ts needs a probe for the function ${fn}`,
        )
      const { main, contract } = byFunction.get(fn)!
      expect(contract.actions[probe.action]?.auth).toBe(probe.public ? 'public' : 'user')
      const input = probe.input(kit.world)
      const victim = {
        openid: OPENIDS.seller,
        OPENID: OPENIDS.seller,
        userId: kit.world.userId.seller,
        buyerId: kit.world.userId.seller,
        sellerId: kit.world.userId.seller,
      }
      const subject = (res: Envelope) =>
        res.ok ? probe.subject(res.data) : `refused: ${res.error.code}`

      const mine = subject(await call(main, 'stranger', probe.action, input))
      const theirs = subject(await call(main, 'seller', probe.action, input))
      expect(mine).not.toEqual(theirs) // the probe tells the two apart

      // One field at a time: a schema that lets one of them through must not be hidden by the others.
      for (const [field, value] of Object.entries(victim)) {
        const smuggled = await call(main, 'stranger', probe.action, { ...input, [field]: value })
        expect({ field, answer: smuggled.ok ? subject(smuggled) : smuggled.error.code }).toEqual({
          field,
          answer: smuggled.ok ? mine : 'COMMON.VALIDATION',
        })
      }

      const event = {
        action: probe.action,
        input,
        ...victim,
        userInfo: { openId: OPENIDS.seller, appId: 'wx0000000000000000' },
      }
      expect(subject((await main(event, cloud.contextFor(OPENIDS.stranger))) as Envelope)).toEqual(
        mine,
      )
      if (probe.public)
        expect(subject((await main(event, cloud.contextFor(null))) as Envelope)).toEqual(
          subject((await call(main, 'anonymous', probe.action, input)) as Envelope),
        )
      else
        expect(await main(event, cloud.contextFor(null))).toMatchObject({
          ok: false,
          error: { code: 'COMMON.UNAUTHENTICATED' },
        })
      expect(
        await main({ ...event, input: { ...input, ...victim } }, cloud.contextFor(null)),
      ).toMatchObject({ ok: false })
    })
  }
})

describe('each caller gets exactly its cell, and no one else’s data', () => {
  /** Refusals first, then the callers that succeed, so a success cannot change what the others are refused. */
  const order = (cells: Cells) => [
    ...CALLERS.filter((w) => cells[w] !== 'ok'),
    ...CALLERS.filter((w) => cells[w] === 'ok'),
  ]

  for (const r of ROWS) {
    it(label(r), async () => {
      const found = specOf(r.action)
      if (!found) throw new Error(`${r.action} is not an action of any function`)
      const x = { ...kit.world, ...(r.given ? await r.given(kit) : {}) }
      const wrong: string[] = []
      for (const who of order(r.expect)) {
        const res = await call(found.main, who, found.name, await r.input(x, who))
        const got = outcomeOf(res)
        if (got !== r.expect[who])
          wrong.push(
            `${who}: expected ${r.expect[who]}, got ${got}${res.ok ? '' : ` (${res.error.message})`}`,
          )
        if (!res.ok) continue
        const json = JSON.stringify(res.data)
        for (const s of kit.secrets) {
          if (!(s.seenBy as readonly string[]).includes(who) && json.includes(s.text))
            wrong.push(`${who} received ${s.what}`)
        }
      }
      expect(wrong).toEqual([])
    })
  }
})
