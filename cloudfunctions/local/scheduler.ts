import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import parser from 'cron-parser'
import { ErrorCodes } from '@shared/errors/error-codes'
import type { Clock } from '../src/modules/core/ports/clock.port'
import type { FunctionConfig } from './function-runner'
import { HttpError, methodNotAllowed, sendJson } from './http-utils'

/** CloudBase evaluates timer triggers in Beijing time. */
const TIMEZONE = 'Asia/Shanghai'

/**
 * A CloudBase timer cron has seven fields: sec min hour day month week year. cron-parser knows the
 * first six; the year must be `*` (nothing we schedule is tied to a year, and silently ignoring a
 * year would fire a trigger CloudBase never would).
 */
export const parseCloudbaseCron = (expression: string) => {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 7)
    throw new Error(`需要 7 个字段（秒 分 时 日 月 星期 年），得到 ${fields.length} 个`)
  if (fields[6] !== '*') throw new Error('年字段只支持 *')
  const six = fields.slice(0, 6).join(' ')
  parser.parseExpression(six, { tz: TIMEZONE }) // throws on a bad field
  return six
}

/** The first run strictly after `after` (epoch ms). */
export const nextRunAfter = (sixFieldCron: string, after: number): number =>
  parser
    .parseExpression(sixFieldCron, { currentDate: new Date(after), tz: TIMEZONE })
    .next()
    .getTime()

/** What CloudBase passes to a timer-triggered `main`. */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  /** The scheduled time, ISO 8601 in UTC without milliseconds, as CloudBase writes it. */
  Time: string
  Message: string
}

export interface TriggerState {
  function: string
  name: string
  cron: string
  /** Why the trigger never fires (bad cron); null when it is scheduled. */
  error: string | null
  nextRunAt: number | null
  lastRunAt: number | null
  lastOutcome: 'ok' | 'error' | null
  lastResult: unknown
}

type Invoke = (fn: string, event: TimerEvent, context: Record<string, unknown>) => Promise<unknown>

export interface SchedulerOptions {
  clock: Clock
  /** Function name → its config.json (triggers of type "timer" are scheduled). */
  configs: () => Record<string, FunctionConfig>
  invoke: Invoke
  log?: (line: string) => void
}

/**
 * Fires timer-triggered functions on schedule. Time comes from the Clock port, and `tick()` is
 * public, so tests move a FakeClock and tick instead of waiting. Like CloudBase, a run missed
 * while the process was down is not caught up: the next run is computed from now.
 */
export class Scheduler {
  private triggers: (TriggerState & { six: string | null; running: boolean })[] = []
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly options: SchedulerOptions) {}

  /** (Re)reads the triggers from the functions' config.json files. */
  load(): void {
    const now = this.options.clock.now()
    const configs = this.options.configs()
    this.triggers = []
    for (const [fn, config] of Object.entries(configs).sort(([a], [b]) => a.localeCompare(b))) {
      for (const t of config.triggers ?? []) {
        if (t.type !== 'timer') continue
        let six: string | null = null
        let error: string | null = null
        try {
          six = parseCloudbaseCron(t.config)
        } catch (e) {
          error = e instanceof Error ? e.message : String(e)
          this.options.log?.(`scheduler: ${fn}/${t.name} ignored, bad cron "${t.config}": ${error}`)
        }
        this.triggers.push({
          function: fn,
          name: t.name,
          cron: t.config,
          error,
          six,
          nextRunAt: six ? nextRunAfter(six, now) : null,
          lastRunAt: null,
          lastOutcome: null,
          lastResult: null,
          running: false,
        })
      }
    }
  }

  list(): TriggerState[] {
    return this.triggers.map(({ six: _six, running: _running, ...state }) => ({ ...state }))
  }

  /** Fires every trigger that is due; a trigger still running from last time is skipped. */
  async tick(): Promise<void> {
    const now = this.options.clock.now()
    const due = this.triggers.filter(
      (t) => t.six && !t.running && t.nextRunAt !== null && t.nextRunAt <= now,
    )
    await Promise.all(
      due.map((t) => {
        const scheduledAt = t.nextRunAt!
        t.nextRunAt = nextRunAfter(t.six!, now)
        return this.fire(t, scheduledAt)
      }),
    )
  }

  /** Fires one trigger now, off schedule (`POST /scheduler/run/<fn>/<trigger>`). */
  async runNow(fn: string, name: string): Promise<TriggerState> {
    const t = this.triggers.find((x) => x.function === fn && x.name === name)
    if (!t) throw new HttpError(404, ErrorCodes.NOT_FOUND, `没有定时触发器 ${fn}/${name}`)
    await this.fire(t, this.options.clock.now())
    const { six: _six, running: _running, ...state } = t
    return { ...state }
  }

  /** Polls once a second; cheap, and a cron's finest grain is one second. */
  start(intervalMs = 1000): void {
    this.stop()
    this.timer = setInterval(() => void this.tick(), intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  private async fire(t: TriggerState & { running: boolean }, scheduledAt: number): Promise<void> {
    const event: TimerEvent = {
      Type: 'Timer',
      TriggerName: t.name,
      Time: new Date(scheduledAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Message: '',
    }
    t.running = true
    t.lastRunAt = this.options.clock.now()
    try {
      t.lastResult = await this.options.invoke(t.function, event, { requestId: randomUUID() })
      const failed = isFailedEnvelope(t.lastResult)
      t.lastOutcome = failed ? 'error' : 'ok'
      this.options.log?.(`timer ${t.function}/${t.name} ${failed ? 'answered an error' : 'ok'}`)
    } catch (e) {
      t.lastOutcome = 'error'
      t.lastResult = { message: e instanceof Error ? e.message : String(e) }
      this.options.log?.(
        `timer ${t.function}/${t.name} FAILED ${e instanceof Error ? e.message : e}`,
      )
    } finally {
      t.running = false
    }
  }
}

const isFailedEnvelope = (v: unknown) =>
  typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false

/** `GET /scheduler` and `POST /scheduler/run/<fn>/<trigger>`. */
export const handleScheduler = async (
  req: IncomingMessage,
  res: ServerResponse,
  sub: string,
  scheduler: Scheduler,
  clock: Clock,
): Promise<void> => {
  if (sub === '') {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET'])
    const now = clock.now()
    return sendJson(res, 200, {
      now: new Date(now).toISOString(),
      timezone: TIMEZONE,
      triggers: scheduler.list().map((t) => ({
        ...t,
        nextRun: t.nextRunAt === null ? null : new Date(t.nextRunAt).toISOString(),
        lastRun: t.lastRunAt === null ? null : new Date(t.lastRunAt).toISOString(),
      })),
    })
  }
  const m = /^run\/([^/]+)\/([^/]+)$/.exec(sub)
  if (!m) {
    req.resume()
    throw new HttpError(404, ErrorCodes.NOT_FOUND, `没有 /scheduler/${sub}`)
  }
  if (req.method !== 'POST') throw methodNotAllowed(['POST'])
  req.resume()
  const state = await scheduler.runNow(decodeURIComponent(m[1]), decodeURIComponent(m[2]))
  sendJson(res, 200, state)
}
