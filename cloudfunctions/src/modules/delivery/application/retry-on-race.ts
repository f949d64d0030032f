import { ErrorCodes, isAppError } from '@shared/errors/error-codes'

/**
 * Courier news applied by compare-and-set: when a person or another push moved the order first
 * (CONFLICT, or a transition no longer allowed), `attempt` reads the order again and re-decides.
 * After a few lost races the news is left for the next push or poll.
 */
export const retryOnRace = async <T>(
  attempt: () => Promise<T>,
  lostEveryRace: T,
  tries = 4,
): Promise<T> => {
  for (let i = 0; i < tries; i++) {
    try {
      return await attempt()
    } catch (e) {
      if (
        isAppError(e) &&
        (e.code === ErrorCodes.CONFLICT || e.code === ErrorCodes.ORDER_WRONG_STATE)
      )
        continue
      throw e
    }
  }
  return lostEveryRace
}
