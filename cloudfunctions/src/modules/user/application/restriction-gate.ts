import type { Restriction } from '@shared/domain/report'
import { RESTRICTION_LABELS } from '@shared/domain/report'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { chinaDateTime } from '@shared/domain/time'
import type { Deps } from '../../deps'

/**
 * USER.RESTRICTED while a moderator's restriction of `what` holds on the user (asked of the report
 * module through deps.hooks, so the modules that enforce it need not import it).
 */
export const assertUnrestricted = async (
  deps: Pick<Deps, 'store' | 'clock' | 'hooks'>,
  userId: string,
  what: Restriction,
): Promise<void> => {
  const until = await deps.hooks.restrictedUntil(deps, userId, what)
  if (until === null) return
  throw new AppError(
    ErrorCodes.USER_RESTRICTED,
    `你因违反平台规则被${RESTRICTION_LABELS[what]}，${chinaDateTime(until)} 后恢复`,
    { restriction: what, until },
  )
}
