import { MIN_WITHDRAW_FEN } from '@shared/domain/merchant'
import { formatFen, parseYuanInput } from '@shared/domain/money'

/**
 * The typed 提现 amount in fen, or what is wrong with it. Any number of digits is read, so an
 * amount with too many says how much can be withdrawn rather than that nothing was typed.
 */
export const readWithdrawAmount = (
  typed: string,
  availableFen: number,
): { fen: number } | { error: string } => {
  const fen = parseYuanInput(typed)
  if (fen === null || fen <= 0) return { error: '请输入提现金额' }
  if (fen < MIN_WITHDRAW_FEN) return { error: `最少提现 ${formatFen(MIN_WITHDRAW_FEN)}` }
  if (fen > availableFen) return { error: `最多可提现 ${formatFen(availableFen)}` }
  return { fen }
}
