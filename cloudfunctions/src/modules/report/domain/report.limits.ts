import { REPORT_LIMITS } from '@shared/domain/report'
import { CHINA_OFFSET_MS, DAY } from '@shared/domain/time'
import { fixedRule } from '../../core/ports/rate-limiter.port'

/** Reports per reporter per China day; every attempt counts, so targets cannot be probed for free. */
export const REPORTS_PER_DAY = fixedRule(
  'report-create',
  REPORT_LIMITS.perDay,
  DAY,
  -CHINA_OFFSET_MS,
)
export const REPORTS_TOO_OFTEN = '今天举报次数太多，请明天再试'

/** A ban without end: banUser's until far beyond any account's life. */
export const BAN_FOREVER = Date.UTC(9999, 0, 1)

/** How many reports, decisions or flags one read takes at most. */
export const READ_LIMIT = 200
