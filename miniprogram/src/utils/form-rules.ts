import type { z } from 'zod'
import type { FormItemRule } from '@nutui/nutui-react-taro'

/** Messages keyed by form field; set from the server's COMMON.VALIDATION answer. */
export type FieldErrors = Record<string, string | undefined>

/**
 * A NutUI Form.Item rule that asks the contract's own schema, so the client shows exactly the
 * server's rule and message; a message the server sent for the field wins until the field changes.
 */
export const contractRule = (
  field: string,
  check: (value: unknown) => string | null,
  serverErrors: { current: FieldErrors },
): FormItemRule => ({
  // async-validator shows an Error's message; NutUI's type only lists boolean | string results.
  validator: ((_rule: unknown, value: unknown) => {
    const fromServer = serverErrors.current[field]
    if (fromServer) return new Error(fromServer)
    const message = check(value)
    return message ? new Error(message) : true
  }) as unknown as FormItemRule['validator'],
})

/** First message of a zod schema for one value, or null when it passes. */
export const schemaCheck = (schema: z.ZodType) => (value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? null : (r.error.issues[0]?.message ?? '输入有误')
}
