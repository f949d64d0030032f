import type { z } from 'zod'
import type { ActionSpec, Contract } from '@shared/contracts/define-contract'
import type { Envelope } from '@shared/contracts/envelope'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import { type Caller, resolveCaller } from './resolve-caller'
import { type Container, getContainer } from './container'
import { JSON_TOO_DEEP_MESSAGE, exceedsJsonDepth } from './json-depth'

/** What a route receives besides its parsed input. */
export interface RouteContext<C extends Caller = Caller> {
  caller: C
  deps: Container
}

/** The caller of an action whose auth level is 'user' or 'account': registered, with an OPENID. */
export type UserCaller = Caller & { user: NonNullable<Caller['user']>; openid: string }

type CallerFor<S extends ActionSpec> = S['auth'] extends 'user' | 'account'
  ? UserCaller
  : S['auth'] extends 'identified'
    ? Caller & { openid: string }
    : Caller

export type Routes<A extends Record<string, ActionSpec>> = {
  [K in keyof A]: (
    input: z.output<A[K]['input']>,
    ctx: RouteContext<CallerFor<A[K]>>,
  ) => Promise<z.input<A[K]['output']>>
}

/** Requests above this size are refused before parsing: no listing needs more. */
const MAX_INPUT_BYTES = 64 * 1024

/**
 * The one way a cloud function is built: parse `{ action, input }` with the contract, resolve the
 * caller from the context (never the payload), run the route, and answer an envelope. The output
 * is parsed too, so a field the contract does not declare (an OPENID, an exact point) never leaves.
 */
export const createHandler = <A extends Record<string, ActionSpec>>(
  contract: Contract & { actions: A },
  routes: Routes<A>,
) => {
  return async (event: unknown, context?: unknown): Promise<Envelope<unknown>> => {
    try {
      const { action, input } = readEvent(event, contract.name)
      // Own properties only: 'toString' or '__proto__' must not reach Object.prototype.
      const known = Object.hasOwn(contract.actions, action) && Object.hasOwn(routes, action)
      const spec = contract.actions[action] as ActionSpec
      const route = (routes as Record<string, Routes<A>[keyof A]>)[action]
      if (!known) {
        throw new AppError(ErrorCodes.UNKNOWN_ACTION, `云函数 ${contract.name} 没有操作 ${action}`)
      }
      const parsed = spec.input.safeParse(input ?? {})
      if (!parsed.success) throw validationError(parsed.error)
      const deps = getContainer()
      const caller = await resolveCaller(deps, context, spec.auth)
      const result = await route(parsed.data as never, { caller: caller as never, deps })
      return { ok: true, data: spec.output.parse(result) }
    } catch (e) {
      return toErrorEnvelope(e, contract.name)
    }
  }
}

const readEvent = (event: unknown, fn: string): { action: string; input: unknown } => {
  if (typeof event !== 'object' || event === null) {
    throw new AppError(ErrorCodes.VALIDATION, '请求格式不正确：需要 { action, input }')
  }
  const { action, input } = event as { action?: unknown; input?: unknown }
  if (typeof action !== 'string' || action.length === 0 || action.length > 64) {
    throw new AppError(ErrorCodes.UNKNOWN_ACTION, `云函数 ${fn} 需要 action`)
  }
  // Before stringify and zod, which both recurse: a 10,000-deep input would overflow the stack.
  if (exceedsJsonDepth(input)) throw new AppError(ErrorCodes.VALIDATION, JSON_TOO_DEEP_MESSAGE)
  if (JSON.stringify(input ?? null).length > MAX_INPUT_BYTES) {
    throw new AppError(ErrorCodes.VALIDATION, '请求内容过大')
  }
  return { action, input }
}

/** The first problem, in words a user can act on, with the field path for the form. */
const validationError = (error: z.ZodError): AppError => {
  const first = error.issues[0]
  const path = first?.path.join('.') ?? ''
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  return new AppError(ErrorCodes.VALIDATION, first ? first.message : '输入有误', { path, issues })
}

const toErrorEnvelope = (e: unknown, fn: string): Envelope<never> => {
  if (isAppError(e)) {
    return {
      ok: false,
      error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) },
    }
  }
  // Unexpected: log the cause for operators, tell the user nothing internal.
  console.error(`[${fn}] unexpected error`, e)
  return { ok: false, error: { code: ErrorCodes.INTERNAL, message: '服务开小差了，请稍后再试' } }
}
