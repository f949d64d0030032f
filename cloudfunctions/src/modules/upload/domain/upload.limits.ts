import { CHINA_OFFSET_MS, DAY } from '@shared/domain/time'
import { fixedRule } from '../../core/ports/rate-limiter.port'

/** Windows start at midnight in China (UTC+8), so "today" is the user's today. */
const perChinaDay = (name: string, limit: number) => fixedRule(name, limit, DAY, -CHINA_OFFSET_MS)

/** Files a user may upload a China day: 30 listings of 9 photos, an avatar and ID photos fit. */
export const UPLOADS_PER_DAY = perChinaDay('upload-count', 300)
export const UPLOADS_TOO_MANY = '今天上传的文件太多了，请明天再传'

/** Bytes a user may upload a China day: about twenty full-length listing videos. */
export const UPLOAD_BYTES_PER_DAY = perChinaDay('upload-bytes', 1024 * 1024 * 1024)
export const UPLOAD_BYTES_TOO_MANY = '今天上传的总量已达上限，请明天再传'

/** Both daily limits with their messages: checked before an upload starts, counted once it is stored. */
export const UPLOAD_LIMITS = [
  [UPLOADS_PER_DAY, UPLOADS_TOO_MANY],
  [UPLOAD_BYTES_PER_DAY, UPLOAD_BYTES_TOO_MANY],
] as const
