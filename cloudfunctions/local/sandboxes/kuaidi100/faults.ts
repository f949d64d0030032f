import { CountedFaults } from '../counted-faults'

/**
 * Fault injection, as counters ("the next N pushes / API calls"), so tests are deterministic. Set
 * with `faults.set({ dropPushes: 1 })` or `POST /sandbox/kuaidi100/control/faults` with the same JSON.
 */
export interface Kuaidi100Faults {
  /** The next N pushes are sent twice. */
  duplicatePushes: number
  /** The next N pushes are held back and sent after the push that follows them. */
  reorderPushes: number
  /** The next N pushes are never sent (the client must poll with query.do). */
  dropPushes: number
  /** The first attempt of the next N pushes carries a sign made with another salt. */
  wrongSignPushes: number
  /** The next N API calls answer HTTP 500 without doing anything. */
  apiErrors: number
}

export const NO_FAULTS: Kuaidi100Faults = {
  duplicatePushes: 0,
  reorderPushes: 0,
  dropPushes: 0,
  wrongSignPushes: 0,
  apiErrors: 0,
}

export class Faults extends CountedFaults<Kuaidi100Faults> {
  constructor() {
    super(NO_FAULTS)
  }
}
