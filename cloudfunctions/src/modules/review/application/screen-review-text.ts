import type { Deps } from '../../deps'
import { flagFor, saveFlag, SCENES, screenText, type Screening } from '../../risk'
import { openidOf } from '../../user'
import { assertPublishableText } from '../domain/review-content'

/**
 * A review's text, before anything is written: a contact or lure is refused (REVIEW.OFF_PLATFORM),
 * prohibited goods too (CONTENT.BLOCKED, modules/risk); doubtful text is written and flagged for
 * the moderation queue (`flagReview`).
 */
export const screenReviewText = async (
  deps: Deps,
  userId: string,
  text: string | null,
): Promise<Screening> => {
  assertPublishableText(text, 'text')
  return screenText(deps, {
    openid: text ? await openidOf(deps, userId) : null,
    scene: SCENES.comment,
    fields: [{ path: 'text', text }],
    // The off-platform check above already refuses 导流.
    skip: ['diversion'],
  })
}

/** Flags a written review whose text was held or warned (nothing for text that passed). */
export const flagReview = (deps: Deps, screening: Screening, reviewId: string, userId: string) =>
  saveFlag(deps.store, flagFor(deps, screening, { kind: 'review', targetId: reviewId, userId }))
