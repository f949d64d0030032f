import type { FormItemRule } from '@nutui/nutui-react-taro'

/**
 * A NutUI Form.Item rule that shows the message useContractForm holds for the field right now, so
 * a NutUI form shows exactly the contract's rule and message (and the server's, until the field
 * changes).
 */
export const formItemRule = (message: () => string | undefined): FormItemRule => ({
  // async-validator shows an Error's message; NutUI's type only lists boolean | string results.
  validator: (() => {
    const m = message()
    return m ? new Error(m) : true
  }) as unknown as FormItemRule['validator'],
})
