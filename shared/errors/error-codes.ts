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
  ORDER_LISTING_RESERVED: 'ORDER.LISTING_RESERVED',
  ORDER_LISTING_UNAVAILABLE: 'ORDER.LISTING_UNAVAILABLE',
  ORDER_OWN_LISTING: 'ORDER.OWN_LISTING',
  ORDER_SELLER_NOT_ONBOARDED: 'ORDER.SELLER_NOT_ONBOARDED',
  ORDER_FULFILMENT_UNAVAILABLE: 'ORDER.FULFILMENT_UNAVAILABLE',
  ORDER_ADDRESS_REQUIRED: 'ORDER.ADDRESS_REQUIRED',
  ORDER_WRONG_STATE: 'ORDER.WRONG_STATE',
  ORDER_BAD_HANDOVER_CODE: 'ORDER.BAD_HANDOVER_CODE',
  ORDER_PAYMENT_EXPIRED: 'ORDER.PAYMENT_EXPIRED',
  ORDER_REFUND_TOO_LARGE: 'ORDER.REFUND_TOO_LARGE',
  ORDER_PAYMENT_UNAVAILABLE: 'ORDER.PAYMENT_UNAVAILABLE',
  ORDER_WAYBILL_MISMATCH: 'ORDER.WAYBILL_MISMATCH',
  ORDER_UNKNOWN_WAYBILL: 'ORDER.UNKNOWN_WAYBILL',
  ORDER_FREIGHT_UNAVAILABLE: 'ORDER.FREIGHT_UNAVAILABLE',
  ORDER_PICKUP_SLOT_PASSED: 'ORDER.PICKUP_SLOT_PASSED',
  ORDER_PICKUP_ACTIVE: 'ORDER.PICKUP_ACTIVE',
  ORDER_PICKUP_NOT_CANCELLABLE: 'ORDER.PICKUP_NOT_CANCELLABLE',
  ORDER_ADDRESS_NOT_SERVED: 'ORDER.ADDRESS_NOT_SERVED',
  ORDER_RETURN_ADDRESS_REQUIRED: 'ORDER.RETURN_ADDRESS_REQUIRED',
  MERCHANT_NOT_ONBOARDED: 'MERCHANT.NOT_ONBOARDED',
  MERCHANT_APPLYMENT_IN_PROGRESS: 'MERCHANT.APPLYMENT_IN_PROGRESS',
  MERCHANT_ALREADY_ONBOARDED: 'MERCHANT.ALREADY_ONBOARDED',
  MERCHANT_INSUFFICIENT_BALANCE: 'MERCHANT.INSUFFICIENT_BALANCE',
  MERCHANT_GATEWAY_FAILED: 'MERCHANT.GATEWAY_FAILED',
  ADDRESS_TOO_MANY: 'ADDRESS.TOO_MANY',
  FILE_NOT_OWNED: 'FILE.NOT_OWNED',
  FILE_TOO_LARGE: 'FILE.TOO_LARGE',
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
  'ORDER.LISTING_RESERVED': '已被其他买家拍下，付款超时后会重新开放',
  'ORDER.LISTING_UNAVAILABLE': '宝贝已下架或已卖出',
  'ORDER.OWN_LISTING': '不能购买自己发布的宝贝',
  'ORDER.SELLER_NOT_ONBOARDED': '卖家尚未开通收款，暂时不能担保交易',
  'ORDER.FULFILMENT_UNAVAILABLE': '卖家不支持这种交易方式',
  'ORDER.ADDRESS_REQUIRED': '邮寄需要填写收货地址',
  'ORDER.WRONG_STATE': '订单状态已变化，请刷新后重试',
  'ORDER.BAD_HANDOVER_CODE': '交易码不正确，请让买家再出示一次',
  'ORDER.PAYMENT_EXPIRED': '订单已超时关闭，请重新下单',
  'ORDER.REFUND_TOO_LARGE': '退款金额不能超过实付金额',
  'ORDER.PAYMENT_UNAVAILABLE': '微信支付暂时不可用，请稍后再试',
  'ORDER.WAYBILL_MISMATCH': '运单号与快递公司不匹配，请核对',
  'ORDER.UNKNOWN_WAYBILL': '识别不到运单号对应的快递公司，请选择快递公司',
  'ORDER.FREIGHT_UNAVAILABLE': '暂时查不到运费，请稍后再试',
  'ORDER.PICKUP_SLOT_PASSED': '这个上门时段已过，请另选时段',
  'ORDER.PICKUP_ACTIVE': '已经预约了快递上门，请先取消再重新预约',
  'ORDER.PICKUP_NOT_CANCELLABLE': '快递员已取件，不能取消预约',
  'ORDER.ADDRESS_NOT_SERVED': '该快递公司暂不服务这个地址，请换一家',
  'ORDER.RETURN_ADDRESS_REQUIRED': '同意退货需要提供退货地址',
  'MERCHANT.NOT_ONBOARDED': '请先开通收款',
  'MERCHANT.APPLYMENT_IN_PROGRESS': '开户申请正在审核中',
  'MERCHANT.ALREADY_ONBOARDED': '已经开通收款',
  'MERCHANT.INSUFFICIENT_BALANCE': '可提现余额不足',
  'MERCHANT.GATEWAY_FAILED': '微信支付暂时不可用，请稍后再试',
  'ADDRESS.TOO_MANY': '最多保存 20 个收货地址，请先删除不用的地址',
  'FILE.NOT_OWNED': '只能使用你自己上传的文件，请重新上传',
  'FILE.TOO_LARGE': '文件太大了，请换一个小一点的',
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
