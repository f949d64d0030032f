import { sellerReceivesFen, type CommissionPolicy } from '@shared/domain/commission'
import { formatFen } from '@shared/domain/money'

/**
 * "成交后平台按成交金额（含运费）收取 1% 服务费（最高 ¥60），你将收到 ¥990": under the price, from
 * the policy in force. `receivedFen` is all the seller receives: the price plus a fixed shipping fee.
 */
export const commissionText = (receivedFen: number, policy: CommissionPolicy): string => {
  const rate = `${Number((policy.rateBps / 100).toFixed(2))}%`
  const head = `成交后平台按成交金额（含运费）收取 ${rate} 服务费（最高 ${formatFen(policy.capFen)}）`
  return receivedFen > 0
    ? `${head}，你将收到 ${formatFen(sellerReceivesFen(receivedFen, policy))}`
    : head
}
