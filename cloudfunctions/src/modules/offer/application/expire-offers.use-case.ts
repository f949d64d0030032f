import { offerStep, offerTimerOf } from '@shared/domain/offer-process'
import { ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { timerLine } from '../domain/offer-lines'
import { Offers, type OfferRecord } from '../domain/offer.records'
import { ringConversation, writeMove } from './offer-moves'

const BATCH = 200

/**
 * Fires an offer's timer as the system: an awaiting offer expires, an accepted one lapses, and the
 * buyer's slot is free again. A move that got there first (a party's answer, a payment) wins: then
 * nothing changes and false is answered.
 */
export const expireOffer = async (
  deps: Pick<Deps, 'store' | 'chatSignal'>,
  offer: OfferRecord,
  now: number,
) => {
  const timer = offerTimerOf(offer.state)
  const to = timer && offerStep(timer, offer.state, 'system')
  if (!timer || !to || offer.dueAt === null || now < offer.dueAt) return false
  const lines = [timerLine(timer, offer.proposedBy)]
  try {
    await deps.store.transaction((tx) => writeMove(tx, offer, to, {}, now, lines))
    ringConversation(deps, offer)
    return true
  } catch (e) {
    if (isAppError(e) && e.code === ErrorCodes.CONFLICT) return false
    throw e
  }
}

/**
 * The offer timers (the cron's order job, every minute): live offers whose deadline has passed,
 * earliest first, a batch at a time. Answers how many expired or lapsed.
 */
export const expireOffers = async (
  deps: Pick<Deps, 'store' | 'clock' | 'chatSignal'>,
): Promise<number> => {
  const now = deps.clock.now()
  const due = (
    await deps.store.find(
      Offers,
      { dueAt: { $lte: now } },
      { orderBy: { field: 'dueAt', direction: 'asc' }, limit: BATCH },
    )
  ).items.filter((o) => o.dueAt !== null && o.dueAt <= now)
  let fired = 0
  for (const offer of due) if (await expireOffer(deps, offer, now)) fired++
  return fired
}
