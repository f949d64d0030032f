import { ErrorCodes } from '@shared/errors/error-codes'
import { getContainer, type Container } from './container'

/** A timer trigger's event (CloudBase: `{ Type: 'Timer', TriggerName, Time }`). */
interface TimerEvent {
  Type?: string
  TriggerName?: string
  Time?: string
}

export type TimerJobs = Record<string, (deps: Container) => Promise<unknown>>

/**
 * A timer-triggered function: runs the job named by the trigger (config.json `triggers[].name`).
 * Jobs are idempotent, so a retried or overlapping run changes nothing twice. Timers have no caller
 * and accept no actions: an event that is not a timer is refused, and so is one that comes with a
 * caller — anyone signed in can send `{ Type: 'Timer' }` as the data of wx.cloud.callFunction, and
 * CloudBase then puts their OPENID in the context, which a real trigger never has.
 */
export const createTimerHandler =
  (fn: string, jobs: TimerJobs) => async (event: unknown, context?: unknown) => {
    const { Type, TriggerName } = (event ?? {}) as TimerEvent
    const fromACaller = getContainer().identity.openidOf(context) !== null
    if (fromACaller || Type !== 'Timer' || !TriggerName || !Object.hasOwn(jobs, TriggerName)) {
      return {
        ok: false,
        error: { code: ErrorCodes.UNKNOWN_ACTION, message: `${fn} 只接受定时触发器` },
      }
    }
    const started = Date.now()
    try {
      const result = await jobs[TriggerName]!(getContainer())
      return { ok: true, data: { trigger: TriggerName, result, ms: Date.now() - started } }
    } catch (e) {
      console.error(`[${fn}] timer ${TriggerName} failed`, e)
      return { ok: false, error: { code: ErrorCodes.INTERNAL, message: '定时任务失败' } }
    }
  }
