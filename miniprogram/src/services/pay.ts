import type { Order } from '@shared/contracts/order.contract'
import { ClientErrorCodes, ServiceError } from './service-error'

/**
 * How a payment attempt ended on this device: the sheet closed (paid or not, the order says which),
 * or the browser left for the sandbox cashier and the order page picks up on its return.
 */
export type PayOutcome =
  { kind: 'closed'; order: Order; cancelled: boolean } | { kind: 'redirected' }

export interface PayOptions {
  /** H5: replace the current history entry (the confirm page) instead of pushing the cashier. */
  replace?: boolean
}

// Fallback for tools that do not resolve platform files; see pay.weapp.ts and pay.h5.ts.
export const payOrder = async (
  _orderId: string,
  _options: PayOptions = {},
): Promise<PayOutcome> => {
  throw new ServiceError(ClientErrorCodes.UNSUPPORTED, '当前平台不支持支付')
}
