/**
 * `wx.cloud` for the built pages: callFunction answers what each test programmed, by function
 * name and action, wrapped in the envelope the real functions answer, and records every call so a
 * test can assert what a page sent. Every answer is parsed with the action's output schema from
 * shared/contracts first, so a fixture the real app would reject (服务返回了无法识别的数据) fails
 * the test that wrote it, not a page render three steps later.
 */
import type { z } from 'zod'
import { AddressContract } from '@shared/contracts/address.contract'
import { ChatContract } from '@shared/contracts/chat.contract'
import { CreditContract } from '@shared/contracts/credit.contract'
import type {
  ActionInputParsed,
  ActionOutput,
  ActionSpec,
  Contract,
} from '@shared/contracts/define-contract'
import { DisputeContract } from '@shared/contracts/dispute.contract'
import { ListingContract } from '@shared/contracts/listing.contract'
import { MerchantContract } from '@shared/contracts/merchant.contract'
import { OfferContract } from '@shared/contracts/offer.contract'
import { OrderContract } from '@shared/contracts/order.contract'
import { RecommendContract } from '@shared/contracts/recommend.contract'
import { ReportContract } from '@shared/contracts/report.contract'
import { ReviewContract } from '@shared/contracts/review.contract'
import { SearchContract } from '@shared/contracts/search.contract'
import { ShareContract } from '@shared/contracts/share.contract'
import { SocialContract } from '@shared/contracts/social.contract'
import { UserContract } from '@shared/contracts/user.contract'
import { type ErrorCode, defaultMessages } from '@shared/errors/error-codes'

/** Every contract a page may call; a new function's contract goes here too. */
export const CONTRACTS: Contract[] = [
  AddressContract,
  ChatContract,
  CreditContract,
  DisputeContract,
  ListingContract,
  MerchantContract,
  OfferContract,
  OrderContract,
  RecommendContract,
  ReportContract,
  ReviewContract,
  SearchContract,
  ShareContract,
  SocialContract,
  UserContract,
]

/** One wx.cloud.callFunction a page made. */
export interface CloudCall {
  name: string
  action: string
  input: unknown
}

type Envelope =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }
type Answer = (input: unknown) => Envelope

/** Thrown from an answer function: the call answers this error envelope. */
export class CloudError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? defaultMessages[code] ?? code)
  }
}

type Actions<C extends Contract> = keyof C['actions'] & string
type Out<C extends Contract, A extends Actions<C>> = ActionOutput<C['actions'][A]>
type In<C extends Contract, A extends Actions<C>> = ActionInputParsed<C['actions'][A]>

export interface FakeCloud {
  /** Installed as `wx.cloud`. */
  wxCloud: Record<string, unknown>
  /** The options of each wx.cloud.init. */
  inits: unknown[]
  /** Every callFunction, in order. */
  calls: CloudCall[]
  /** Inputs of the calls to one action, in order. */
  callsTo<C extends Contract, A extends Actions<C>>(contract: C, action: A): In<C, A>[]
  /** Answers an action with data (checked against the contract now) or from its input. */
  answer<C extends Contract, A extends Actions<C>>(
    contract: C,
    action: A,
    data: Out<C, A> | ((input: In<C, A>) => Out<C, A>),
  ): FakeCloud
  /** Answers an action with an error envelope. */
  fail<C extends Contract>(
    contract: C,
    action: Actions<C>,
    code: ErrorCode,
    message?: string,
  ): FakeCloud
  /** Calls not answered yet (answers come on a later turn, as over a network). */
  inFlight: number
  /** Calls nobody answered (they got COMMON.INTERNAL), as `name.action`. */
  unanswered: string[]
  /** Answers that broke their contract (the page got them anyway), with zod's first issues. */
  violations: string[]
  /** Realtime watches pages opened through wx.cloud.database() (chat's doorbell), live ones. */
  watches: { collection: string; where: unknown; closed: boolean }[]
  /** Forgets answers and records; `defaults` are programmed again. */
  reset(): void
  /** Answers set by `reset` (e.g. the silent login every page needs). */
  defaults: (cloud: FakeCloud) => void
}

const specOf = (contract: Contract, action: string): ActionSpec => {
  const spec = contract.actions[action]
  if (!spec) throw new Error(`fake cloud: ${contract.name} has no action ${action}`)
  return spec
}

const issuesOf = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ')

export const createFakeCloud = (): FakeCloud => {
  const answers = new Map<string, Answer>()
  const byName = new Map(CONTRACTS.map((c) => [c.name, c]))

  const checked = (contract: Contract, action: string, data: unknown): Envelope => {
    const parsed = specOf(contract, action).output.safeParse(data)
    if (!parsed.success)
      cloud.violations.push(`${contract.name}.${action}: ${issuesOf(parsed.error)}`)
    return { ok: true, data }
  }

  const call = async (options: { name: string; data?: { action?: string; input?: unknown } }) => {
    const { name } = options
    const action = options.data?.action ?? ''
    const input = options.data?.input
    cloud.calls.push({ name, action, input })
    // Answer on a later turn, as a network call would: pages must cope with their own loading state.
    cloud.inFlight++
    await new Promise((r) => setTimeout(r, 0))
    cloud.inFlight--
    const key = `${name}.${action}`
    const answer = answers.get(key)
    if (!answer) {
      cloud.unanswered.push(key)
      return envelopeResult({
        ok: false,
        error: { code: 'COMMON.INTERNAL', message: `fake cloud: no answer for ${key}` },
      })
    }
    const contract = byName.get(name)
    const parsedInput = contract ? specOf(contract, action).input.safeParse(input) : null
    return envelopeResult(answer(parsedInput?.success ? parsedInput.data : input))
  }
  // What wx.cloud.callFunction resolves with: the function's return value sits in `result`.
  const envelopeResult = (result: Envelope) => ({
    errMsg: 'cloud.callFunction:ok',
    requestID: 'fake',
    result,
  })

  const cloud: FakeCloud = {
    inits: [],
    calls: [],
    inFlight: 0,
    unanswered: [],
    violations: [],
    watches: [],
    callsTo: (contract, action) =>
      cloud.calls
        .filter((c) => c.name === contract.name && c.action === action)
        .map((c) => c.input as never),
    answer(contract, action, data) {
      specOf(contract, action)
      if (typeof data === 'function') {
        const compute = data as (input: unknown) => unknown
        answers.set(`${contract.name}.${action}`, (input) => {
          try {
            return checked(contract, action, compute(input))
          } catch (e) {
            if (e instanceof CloudError)
              return { ok: false, error: { code: e.code, message: e.message } }
            throw e
          }
        })
      } else {
        const parsed = specOf(contract, action).output.safeParse(data)
        if (!parsed.success)
          throw new Error(
            `fake cloud: the answer to ${contract.name}.${action} breaks its contract: ${issuesOf(parsed.error)}`,
          )
        answers.set(`${contract.name}.${action}`, () => ({ ok: true, data }))
      }
      return cloud
    },
    fail(contract, action, code, message) {
      specOf(contract, action)
      const error = { code, message: message ?? defaultMessages[code] ?? code }
      answers.set(`${contract.name}.${action}`, () => ({ ok: false, error }))
      return cloud
    },
    reset() {
      answers.clear()
      cloud.calls.splice(0)
      cloud.unanswered.splice(0)
      cloud.violations.splice(0)
      cloud.watches.splice(0)
      cloud.defaults(cloud)
    },
    defaults: () => undefined,
    wxCloud: {
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
      init: (options: unknown) => void cloud.inits.push(options),
      // The database as chat's realtime transport uses it: a watch whose first snapshot lists
      // nothing new (messages come through chat.since, which the tests answer).
      database: () => ({
        command: { gt: (value: unknown) => ({ $gt: value }) },
        collection: (collection: string) => ({
          where: (where: unknown) => ({
            watch(handlers: { onChange?: (snapshot: unknown) => void }) {
              const watch = { collection, where, closed: false }
              cloud.watches.push(watch)
              setTimeout(() => {
                if (!watch.closed) handlers.onChange?.({ type: 'init', docs: [], docChanges: [] })
              }, 0)
              return { close: () => void (watch.closed = true) }
            },
          }),
        }),
      }),
      callFunction: (options: {
        name: string
        data?: { action?: string; input?: unknown }
        success?: (r: unknown) => void
        fail?: (e: unknown) => void
      }) => {
        const p = call(options)
        if (options.success || options.fail) p.then(options.success, options.fail)
        return p
      },
    },
  }
  return cloud
}
