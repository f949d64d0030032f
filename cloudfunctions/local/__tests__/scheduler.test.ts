import { join } from 'node:path'
import { FakeClock } from '../../src/adapters/clock/system-clock'
import { HttpError } from '../http-utils'
import { nextRunAfter, parseCloudbaseCron, Scheduler, type TimerEvent } from '../scheduler'
import { type LocalCloud, startLocalCloud } from '../server'
import {
  fixtureCalls,
  resetFixtureCalls,
  tempDir,
  writeFixtureFunction,
} from './local-cloud.fixture'

const T0 = Date.UTC(2026, 10, 24, 4, 0, 30) // 12:00:30 in Beijing

describe('CloudBase cron', () => {
  it('takes seven fields and drops the year, which must be *', () => {
    expect(parseCloudbaseCron('0 */5 * * * * *')).toBe('0 */5 * * * *')
    expect(() => parseCloudbaseCron('*/5 * * * *')).toThrow(/7 个字段/)
    expect(() => parseCloudbaseCron('0 0 2 * * * 2027')).toThrow(/年字段/)
    expect(() => parseCloudbaseCron('0 0 25 * * * *')).toThrow()
  })

  it('schedules in Beijing time, as CloudBase does', () => {
    // 02:00 every day in Beijing is 18:00 UTC the day before.
    expect(new Date(nextRunAfter('0 0 2 * * *', T0)).toISOString()).toBe('2026-11-24T18:00:00.000Z')
    expect(nextRunAfter('0 * * * * *', T0)).toBe(Date.UTC(2026, 10, 24, 4, 1, 0))
  })
})

describe('Scheduler with a fake clock', () => {
  const setup = () => {
    const clock = new FakeClock(T0)
    const calls: { fn: string; event: TimerEvent }[] = []
    const log: string[] = []
    const scheduler = new Scheduler({
      clock,
      configs: () => ({
        cron: {
          triggers: [
            { name: 'everyMinute', type: 'timer', config: '0 * * * * * *' },
            { name: 'nightly', type: 'timer', config: '0 30 3 * * * *' },
            { name: 'broken', type: 'timer', config: '* * *' },
          ],
        },
        other: { triggers: [{ name: 'notATimer', type: 'http', config: '' }] },
        plain: {},
      }),
      invoke: async (fn, event) => {
        calls.push({ fn, event })
        return { ok: true, data: null }
      },
      log: (line) => log.push(line),
    })
    scheduler.load()
    return { clock, calls, log, scheduler }
  }

  it('lists timer triggers with their next runs, and bad crons with the reason', () => {
    const { scheduler, log } = setup()
    const list = scheduler.list()
    expect(list.map((t) => `${t.function}/${t.name}`)).toEqual([
      'cron/everyMinute',
      'cron/nightly',
      'cron/broken',
    ])
    expect(list[0].nextRunAt).toBe(Date.UTC(2026, 10, 24, 4, 1, 0))
    expect(list[1].nextRunAt).toBe(Date.UTC(2026, 10, 24, 19, 30, 0)) // 03:30 Beijing
    expect(list[2]).toMatchObject({ nextRunAt: null, error: expect.stringMatching(/7 个字段/) })
    expect(log.join('\n')).toContain('cron/broken ignored')
  })

  it('fires nothing before a trigger is due, then fires it with the CloudBase timer event', async () => {
    const { clock, calls, scheduler } = setup()
    clock.advance(29_000)
    await scheduler.tick()
    expect(calls).toHaveLength(0)

    clock.advance(1_000)
    await scheduler.tick()
    expect(calls).toEqual([
      {
        fn: 'cron',
        event: {
          Type: 'Timer',
          TriggerName: 'everyMinute',
          Time: '2026-11-24T04:01:00Z',
          Message: '',
        },
      },
    ])
    expect(scheduler.list()[0]).toMatchObject({
      nextRunAt: Date.UTC(2026, 10, 24, 4, 2, 0),
      lastRunAt: clock.now(),
      lastOutcome: 'ok',
    })
  })

  it('does not catch up missed runs: one fire after a long pause, then back on schedule', async () => {
    const { clock, calls, scheduler } = setup()
    clock.advance(10 * 60_000)
    await scheduler.tick()
    expect(calls.map((c) => c.event.TriggerName)).toEqual(['everyMinute'])
    clock.advance(24 * 3_600_000)
    await scheduler.tick()
    expect(calls.map((c) => c.event.TriggerName)).toEqual(['everyMinute', 'everyMinute', 'nightly'])
  })

  it('fires one trigger on demand and refuses unknown ones', async () => {
    const { calls, scheduler } = setup()
    const state = await scheduler.runNow('cron', 'nightly')
    expect(state).toMatchObject({ name: 'nightly', lastOutcome: 'ok', lastResult: { ok: true } })
    expect(calls[0].event).toMatchObject({ TriggerName: 'nightly', Time: '2026-11-24T04:00:30Z' })
    await expect(scheduler.runNow('cron', 'nope')).rejects.toBeInstanceOf(HttpError)
  })

  it('records a failing run without stopping the schedule', async () => {
    const clock = new FakeClock(T0)
    const scheduler = new Scheduler({
      clock,
      configs: () => ({
        cron: { triggers: [{ name: 'tick', type: 'timer', config: '0 * * * * * *' }] },
      }),
      invoke: async () => {
        throw new Error('db down')
      },
    })
    scheduler.load()
    clock.advance(60_000)
    await scheduler.tick()
    expect(scheduler.list()[0]).toMatchObject({
      lastOutcome: 'error',
      lastResult: { message: 'db down' },
    })
    expect(scheduler.list()[0].nextRunAt).toBe(Date.UTC(2026, 10, 24, 4, 2, 0))
  })
})

describe('scheduler in the local cloud (fixture function, fake clock)', () => {
  const tmp = tempDir('scheduler')
  const clock = new FakeClock(T0)
  let cloud: LocalCloud

  beforeAll(async () => {
    const functionsDir = join(tmp.dir, 'functions')
    writeFixtureFunction(functionsDir, 'cron', {
      timeout: 5,
      triggers: [{ name: 'releaseFunds', type: 'timer', config: '0 */5 * * * * *' }],
    })
    cloud = await startLocalCloud({
      dataDir: join(tmp.dir, 'data'),
      functionsDir,
      h5Dir: join(tmp.dir, 'h5'),
      port: 0,
      clock,
      seed: false,
      schedulerIntervalMs: null,
      log: () => undefined,
    })
  })

  beforeEach(resetFixtureCalls)

  afterAll(async () => {
    await cloud?.close()
    tmp.cleanup()
  })

  it('reads triggers from the built config.json and lists them at GET /scheduler', async () => {
    const body = (await (await fetch(`${cloud.url}/scheduler`)).json()) as {
      triggers: Record<string, unknown>[]
    }
    expect(body.triggers).toEqual([
      expect.objectContaining({
        function: 'cron',
        name: 'releaseFunds',
        cron: '0 */5 * * * * *',
        nextRun: '2026-11-24T04:05:00.000Z',
      }),
    ])
  })

  it('fires on schedule as the clock moves, with the container installed', async () => {
    clock.set(Date.UTC(2026, 10, 24, 4, 5, 0))
    await cloud.scheduler.tick()
    expect(fixtureCalls()).toHaveLength(1)
    expect(fixtureCalls()[0]).toMatchObject({
      fn: 'cron',
      event: { Type: 'Timer', TriggerName: 'releaseFunds', Time: '2026-11-24T04:05:00Z' },
      context: { requestId: expect.any(String) },
    })
    expect(cloud.scheduler.list()[0].lastResult).toMatchObject({ data: { hasContainer: true } })
  })

  it('fires one trigger now with POST /scheduler/run/<fn>/<trigger>', async () => {
    const res = await fetch(`${cloud.url}/scheduler/run/cron/releaseFunds`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      function: 'cron',
      name: 'releaseFunds',
      lastOutcome: 'ok',
    })
    expect(fixtureCalls()).toHaveLength(1)

    const missing = await fetch(`${cloud.url}/scheduler/run/cron/nope`, { method: 'POST' })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } })
    expect((await fetch(`${cloud.url}/scheduler/run/cron/releaseFunds`)).status).toBe(405)
  })
})
