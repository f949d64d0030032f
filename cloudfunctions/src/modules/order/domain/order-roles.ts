import { isOperator, type UserRecord } from '../../user'
import type { OrderRecord } from './order.record'

/**
 * How a person relates to an order: its buyer, its seller, an operator who is neither, or nobody
 * (who must not learn the order exists). The one "may this caller see this order" rule.
 */
export const roleOf = (
  order: Pick<OrderRecord, 'buyerId' | 'sellerId'>,
  user: UserRecord | null,
): 'buyer' | 'seller' | 'operator' | null => {
  if (!user) return null
  if (order.buyerId === user._id) return 'buyer'
  if (order.sellerId === user._id) return 'seller'
  return isOperator(user) ? 'operator' : null
}
