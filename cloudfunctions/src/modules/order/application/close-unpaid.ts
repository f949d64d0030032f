import type { Deps } from '../../deps'
import type { UserRecord } from '../../user'
import { Orders, type OrderRecord } from '../domain/order.record'
import { takeTransition } from './take-transition'

/**
 * Closing an unpaid order (the buyer gives up, or 15 minutes passed): payments closes the WeChat
 * payment first (deps.hooks.closePayment); if it was paid meanwhile, the order is paid instead.
 */
export const closeUnpaid = async (
  deps: Deps,
  order: OrderRecord,
  by: { name: 'cancelUnpaid'; user: UserRecord } | { name: 'expire' },
) => {
  if ((await deps.hooks.closePayment(deps, order)) === 'paid')
    return (await deps.store.get(Orders, order._id))!
  return takeTransition(deps, {
    orderId: order._id,
    name: by.name,
    actor: by.name === 'expire' ? 'system' : 'buyer',
    user: by.name === 'expire' ? null : by.user,
  })
}
