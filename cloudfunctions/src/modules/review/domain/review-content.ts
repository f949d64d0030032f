import { findOffPlatform } from '@shared/domain/off-platform'
import { type ReviewParty, tagsFor } from '@shared/domain/review'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'

/**
 * The chat's content guard (shared/domain/off-platform: phone numbers, WeChat and QQ ids, bank
 * cards, links, 私下转账 and the other lures, through their usual disguises) on text that will be
 * public. A chat message with a contact is delivered with a warning, because only the two parties
 * read it; a review is shown to every future buyer for good, so it is refused instead and nothing
 * is written. Issue 15's lexicon of prohibited words joins this same check.
 */
export const assertPublishableText = (text: string | null | undefined, field: string) => {
  if (!text) return
  const hits = findOffPlatform(text)
  if (hits.length === 0) return
  throw new AppError(ErrorCodes.REVIEW_OFF_PLATFORM, undefined, {
    path: [field],
    kinds: [...new Set(hits.map((h) => h.kind))],
  })
}

/** A review carries only tags of the rated party's list (a seller is not 付款爽快). */
export const assertTagsFor = (by: ReviewParty, tags: readonly string[]) => {
  const allowed = tagsFor(by)
  if (tags.every((t) => allowed.includes(t))) return
  throw new AppError(ErrorCodes.REVIEW_TAG_INVALID, undefined, { path: ['tags'] })
}
