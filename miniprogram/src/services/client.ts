import { z } from 'zod'
import type { ActionInput, ActionOutput, ActionSpec } from '@shared/contracts/define-contract'
import { envelopeSchema } from '@shared/contracts/envelope'
import { ClientErrorCodes, ServiceError, serviceErrorOf } from './service-error'
import type { Transport } from './transport'

type AnyContract = { name: string; actions: Record<string, ActionSpec> }

/** Dotted path of a zod issue, the same shape the gateway uses in COMMON.VALIDATION details. */
const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.')

/** Turns a zod failure into the same error the gateway would answer, so forms handle one shape. */
export const validationError = (error: z.ZodError): ServiceError => {
  const issues = error.issues.map((i) => ({ path: joinPath(i.path), message: i.message }))
  const first = issues[0]
  return new ServiceError('COMMON.VALIDATION', first?.message ?? '输入有误', {
    path: first?.path ?? '',
    issues,
  })
}

export interface Client {
  call<C extends AnyContract, A extends keyof C['actions'] & string>(
    contract: C,
    action: A,
    input: ActionInput<C['actions'][A]>,
  ): Promise<ActionOutput<C['actions'][A]>>
}

export interface ClientOptions {
  /** Told about every failure (e.g. to clear a dead session on COMMON.UNAUTHENTICATED). */
  onError?: (error: ServiceError) => void
}

/**
 * A typed client over one transport. Input is checked with the contract before it leaves (a bad
 * form never costs a round trip) and the answer is parsed with the same contract, so a page gets
 * either data of the declared type or a ServiceError.
 */
export const createClient = (transport: Transport, options: ClientOptions = {}): Client => {
  const fail = (error: ServiceError): never => {
    options.onError?.(error)
    throw error
  }
  return {
    async call(contract, action, input) {
      const spec = contract.actions[action]
      if (!spec)
        return fail(
          new ServiceError('COMMON.UNKNOWN_ACTION', `不支持的操作 ${contract.name}.${action}`),
        )
      const parsedInput = spec.input.safeParse(input)
      if (!parsedInput.success) return fail(validationError(parsedInput.error))

      let raw: unknown
      try {
        raw = await transport.invoke(contract.name, action, parsedInput.data)
      } catch (e) {
        if (e instanceof ServiceError) return fail(e)
        return fail(
          new ServiceError(ClientErrorCodes.NETWORK, '网络异常，请稍后重试', { cause: String(e) }),
        )
      }

      const envelope = envelopeSchema(spec.output).safeParse(raw)
      if (!envelope.success) {
        return fail(
          new ServiceError(ClientErrorCodes.BAD_RESPONSE, '服务返回了无法识别的数据', {
            issues: envelope.error.issues.slice(0, 5).map((i) => ({
              path: joinPath(i.path),
              message: i.message,
            })),
          }),
        )
      }
      if (!envelope.data.ok) return fail(serviceErrorOf(envelope.data.error))
      return envelope.data.data as never
    },
  }
}
