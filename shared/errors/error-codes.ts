/**
 * Stable error codes. Clients branch on these, so a code never changes meaning once shipped.
 * `MODULE.SCREAMING_SNAKE`; the COMMON family is shared by every function.
 */
export const ErrorCodes = {
  VALIDATION: 'COMMON.VALIDATION',
  UNAUTHENTICATED: 'COMMON.UNAUTHENTICATED',
  FORBIDDEN: 'COMMON.FORBIDDEN',
  NOT_FOUND: 'COMMON.NOT_FOUND',
  CONFLICT: 'COMMON.CONFLICT',
  RATE_LIMITED: 'COMMON.RATE_LIMITED',
  INTERNAL: 'COMMON.INTERNAL',
  UNKNOWN_ACTION: 'COMMON.UNKNOWN_ACTION',
  UNKNOWN_FUNCTION: 'COMMON.UNKNOWN_FUNCTION',
  USER_NOT_REGISTERED: 'USER.NOT_REGISTERED',
  USER_BANNED: 'USER.BANNED',
  LISTING_PHOTO_MISSING: 'LISTING.PHOTO_MISSING',
  LISTING_LOCATION_OUTSIDE_CITY: 'LISTING.LOCATION_OUTSIDE_CITY',
  LISTING_NOT_IN_COMMUNITY: 'LISTING.NOT_IN_COMMUNITY',
  LISTING_WRONG_STATUS: 'LISTING.WRONG_STATUS',
  LISTING_ALREADY_RENEWED: 'LISTING.ALREADY_RENEWED',
  SOCIAL_CANNOT_FOLLOW_SELF: 'SOCIAL.CANNOT_FOLLOW_SELF',
  SOCIAL_COMMUNITY_EXISTS: 'SOCIAL.COMMUNITY_EXISTS',
  SOCIAL_BAD_INVITE: 'SOCIAL.BAD_INVITE',
  SOCIAL_TOO_MANY_COMMUNITIES: 'SOCIAL.TOO_MANY_COMMUNITIES',
} as const

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

/** Human-readable defaults, shown when a use case gives no message of its own. */
export const defaultMessages: Record<ErrorCode, string> = {
  'COMMON.VALIDATION': '输入有误',
  'COMMON.UNAUTHENTICATED': '请先登录',
  'COMMON.FORBIDDEN': '没有权限进行此操作',
  'COMMON.NOT_FOUND': '内容不存在或已删除',
  'COMMON.CONFLICT': '数据已被修改，请刷新后重试',
  'COMMON.RATE_LIMITED': '操作太频繁，请稍后再试',
  'COMMON.INTERNAL': '服务开小差了，请稍后再试',
  'COMMON.UNKNOWN_ACTION': '不支持的操作',
  'COMMON.UNKNOWN_FUNCTION': '不存在的云函数',
  'USER.NOT_REGISTERED': '请先登录',
  'USER.BANNED': '账号已被限制使用',
  'LISTING.PHOTO_MISSING': '图片不存在，请重新上传',
  'LISTING.LOCATION_OUTSIDE_CITY': '位置不在所选城市内',
  'LISTING.NOT_IN_COMMUNITY': '只能同步到你已加入的圈子',
  'LISTING.WRONG_STATUS': '宝贝当前状态不能进行此操作',
  'LISTING.ALREADY_RENEWED': '今天已经擦亮过了，明天再来吧',
  'SOCIAL.CANNOT_FOLLOW_SELF': '不能关注自己',
  'SOCIAL.COMMUNITY_EXISTS': '附近已有同名圈子，直接加入吧',
  'SOCIAL.BAD_INVITE': '邀请码无效或已过期',
  'SOCIAL.TOO_MANY_COMMUNITIES': '最多加入 10 个圈子',
}

/**
 * Marks AppErrors by a registered symbol rather than by class: each function bundle carries its
 * own copy of this module, and the local cloud's adapters another, so `instanceof` would not
 * recognise an error thrown across that line.
 */
const APP_ERROR = Symbol.for('linquan.AppError')

/** An expected failure with a stable code; anything else thrown becomes COMMON.INTERNAL. */
export class AppError extends Error {
  readonly [APP_ERROR] = true
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? defaultMessages[code])
    this.name = 'AppError'
  }
}

export const isAppError = (e: unknown): e is AppError =>
  typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[APP_ERROR] === true
