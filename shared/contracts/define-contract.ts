import type { z } from 'zod'
import type { ErrorCode } from '../errors/error-codes'

/**
 * Who may call an action:
 * - public: anyone, the caller is known when there is one (browsing never needs a login wall)
 * - identified: a platform identity (OPENID) is required, a registered user is not (login)
 * - user: a registered, not banned user
 * - account: a registered user, banned or not: only what a banned user must still reach (the
 *   decision against them and its appeal), never anything that acts on others
 */
export type AuthLevel = 'public' | 'identified' | 'user' | 'account'

export interface ActionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line on what the action does. */
  summary: string
  auth: AuthLevel
  input: I
  output: O
  /** Codes beyond the COMMON family that this action may answer. */
  errors: readonly ErrorCode[]
}

export type Contract = { name: string; actions: Record<string, ActionSpec> }

export const defineContract = <A extends Record<string, ActionSpec>>(name: string, actions: A) => ({
  name,
  actions,
})

export type ActionInput<S extends ActionSpec> = z.input<S['input']>
export type ActionInputParsed<S extends ActionSpec> = z.output<S['input']>
export type ActionOutput<S extends ActionSpec> = z.output<S['output']>
