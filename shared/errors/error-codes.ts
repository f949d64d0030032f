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
}

/** An expected failure with a stable code; anything else thrown becomes COMMON.INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? defaultMessages[code])
    this.name = 'AppError'
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
