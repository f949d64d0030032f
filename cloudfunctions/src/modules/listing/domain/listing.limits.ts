import { HOUR } from '@shared/domain/time'
import { fixedRule } from '../../core/ports/rate-limiter.port'

/** Listings (drafts too) a seller may create an hour: enough for a move-out sale. */
export const PUBLISH_PER_SELLER = fixedRule('listing-publish', 30, HOUR)
export const PUBLISH_TOO_OFTEN = '发布太频繁了，请一小时后再试'
