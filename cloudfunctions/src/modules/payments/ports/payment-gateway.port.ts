import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { hasBrand, ProviderError } from '../../core/ports/provider-error'

/**
 * PaymentGateway: the payments module's view of WeChat Pay 平台收付通 (ARCHITECTURE.md §5).
 * Amounts are integer fen. Every money-moving call takes its deterministic key, so a retry of the
 * same call can never move money twice. No SDK types cross this boundary.
 */

/** Where a failure came from: WeChat answered with an error, the wire failed, or a check of ours failed. */
export type PaymentGatewayErrorKind = 'wechat' | 'transport' | 'verification' | 'invalid-argument'

const GATEWAY_ERROR = Symbol.for('linquan.PaymentGatewayError')

/** A failed gateway call; `wechatCode` keeps WeChat's own code (or ours for local failures). */
export class PaymentGatewayError extends ProviderError {
  readonly [GATEWAY_ERROR] = true

  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, GATEWAY_ERROR)
  }

  constructor(
    /** HTTP status from WeChat; 0 when there was no (trustworthy) answer. */
    readonly status: number,
    /** WeChat's error code (e.g. ORDER_CLOSED, NOT_ENOUGH) or a local one (TIMEOUT, RESPONSE_SIGNATURE_INVALID). */
    readonly wechatCode: string,
    message: string,
    /** True when retrying the same call with the same key is safe and may succeed (5xx, timeouts, 429). */
    readonly retryable: boolean,
    readonly kind: PaymentGatewayErrorKind,
    readonly detail?: unknown,
    /** WeChat refused for good; the adapter sets it from WeChat Pay's table (the default is for local stand-ins). */
    permanent = kind === 'wechat' && !retryable,
  ) {
    super('wechat-pay', wechatCode, message, status || undefined, permanent)
    this.name = 'PaymentGatewayError'
  }
}

export type ApplymentState =
  | 'CHECKING'
  | 'ACCOUNT_NEED_VERIFY'
  | 'AUDITING'
  | 'REJECTED'
  | 'NEED_SIGN'
  | 'FINISH'
  | 'FROZEN'
  | 'CANCELED'

/** Real-name data for an individual seller (个人卖家). Sensitive fields are encrypted on the wire by the adapter. */
export interface SubmitApplymentInput {
  outRequestNo: string
  idCardCopyMediaId: string
  idCardNationalMediaId: string
  idCardName: string
  idCardNumber: string
  /** Start of validity, YYYY-MM-DD. */
  idCardValidTimeBegin: string
  /** End of validity, YYYY-MM-DD or 长期. */
  idCardValidTime: string
  mobilePhone: string
  contactEmail?: string
  bankAccount: {
    accountBank: string
    bankAddressCode: string
    bankName?: string
    accountName: string
    accountNumber: string
  }
  merchantShortname: string
  storeName: string
  storeUrl?: string
  miniProgramSubAppid?: string
}

export interface ApplymentSubmitted {
  applymentId: string
  outRequestNo: string
}

export interface ApplymentStatus {
  applymentId: string
  outRequestNo: string
  state: ApplymentState
  stateDesc: string
  subMchid?: string
  signUrl?: string
  legalValidationUrl?: string
  /** ACCOUNT_NEED_VERIFY by a small transfer from the seller's card (汇款验证). */
  accountValidation?: {
    payAmountFen: number
    accountName: string
    accountNumber: string
    accountBank: string
    remark: string
    deadline: string
  }
  rejectReasons: { param: string; reason: string }[]
}

export interface CreateJsapiOrderInput {
  outTradeNo: string
  subMchid: string
  description: string
  amountFen: number
  /** The buyer's openid under the platform's sp_appid. */
  payerOpenid: string
  attach?: string
  /** Epoch ms; default 15 minutes from now. Pass a fixed time so a retried call sends the same body. */
  expiresAt?: number
}

/** What wx.requestPayment needs, signed with the merchant key. */
export interface JsapiPayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export type TradeState =
  'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'

export interface PaymentOrder {
  outTradeNo: string
  subMchid: string
  tradeState: TradeState
  transactionId?: string
  totalFen: number
  payerTotalFen?: number
  successTime?: string
}

export interface OrderRef {
  outTradeNo: string
  subMchid: string
}

export interface ProfitSharingReceiver {
  /** Receiving merchant id (the platform's own mchid for the commission). */
  account: string
  amountFen: number
  description: string
}

export interface CreateProfitSharingInput {
  subMchid: string
  transactionId: string
  outOrderNo: string
  receivers: ProfitSharingReceiver[]
  /** True: unfreeze the rest to the seller in the same call. */
  finish: boolean
}

export interface ProfitSharingOrder {
  subMchid: string
  transactionId: string
  outOrderNo: string
  orderId: string
  status: 'PROCESSING' | 'FINISHED'
  receivers: {
    account: string
    amountFen: number
    result: 'PENDING' | 'SUCCESS' | 'CLOSED'
    failReason?: string
  }[]
}

export interface ProfitSharingRef {
  subMchid: string
  transactionId: string
  outOrderNo: string
}

export interface FinishProfitSharingInput extends ProfitSharingRef {
  description: string
}

export interface CreateReturnOrderInput {
  subMchid: string
  outOrderNo: string
  outReturnNo: string
  returnMchid: string
  amountFen: number
  description: string
}

export interface ReturnOrder {
  subMchid: string
  outOrderNo: string
  outReturnNo: string
  returnNo?: string
  amountFen: number
  result: 'PROCESSING' | 'SUCCESS' | 'FAILED'
  failReason?: string
}

export interface RefundInput {
  subMchid: string
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  totalFen: number
  reason?: string
  /**
   * Who pays: the seller's sub-merchant (default), or the platform advancing it (垫付退款,
   * refund_account REFUND_SOURCE_PARTNER_ADVANCE) — 先行赔付 after the money was released.
   */
  fundsFrom?: 'seller' | 'platform_advance'
}

export type RefundStatus = 'SUCCESS' | 'REFUNDCLOSE' | 'PROCESSING' | 'ABNORMAL'

export interface RefundCreated {
  refundId: string
  outRefundNo: string
  refundFen: number
}

export interface RefundResult {
  refundId: string
  outRefundNo: string
  outTradeNo?: string
  status: RefundStatus
  refundFen: number
  successTime?: string
}

export interface Balance {
  subMchid: string
  availableFen: number
  pendingFen: number
}

export interface WithdrawInput {
  subMchid: string
  outRequestNo: string
  amountFen: number
  remark?: string
  bankMemo?: string
}

export type WithdrawStatus = 'CREATE_SUCCESS' | 'SUCCESS' | 'FAIL' | 'REFUND' | 'CLOSE' | 'INIT'

export interface Withdrawal {
  subMchid: string
  outRequestNo: string
  withdrawId: string
  status?: WithdrawStatus
  amountFen?: number
  reason?: string
}

/** Decrypted payment notification resource (TRANSACTION.*). */
export interface PaymentNotificationResource {
  outTradeNo: string
  transactionId: string
  subMchid: string
  tradeState: TradeState
  totalFen: number
  payerTotalFen?: number
  successTime?: string
  attach?: string
}

/** Decrypted refund notification resource (REFUND.*). */
export interface RefundNotificationResource {
  outTradeNo: string
  transactionId: string
  outRefundNo: string
  refundId: string
  subMchid: string
  refundStatus: RefundStatus
  refundFen: number
  totalFen: number
  successTime?: string
}

interface NotificationBase {
  /** WeChat's notification id: the caller de-duplicates on it (replays pass verification). */
  id: string
  createTime: string
  eventType: string
  summary: string
}

export type VerifiedNotification =
  | (NotificationBase & { kind: 'payment'; resource: PaymentNotificationResource })
  | (NotificationBase & { kind: 'refund'; resource: RefundNotificationResource })
  | (NotificationBase & { kind: 'other'; resource: Record<string, unknown> })

export type NotificationHeaders = Record<string, string | string[] | undefined>

export interface PaymentGateway {
  /** Uploads an image (ID card photo) to WeChat Pay and returns the media_id an applyment refers to. */
  uploadImage(bytes: Uint8Array, filename: string): Promise<{ mediaId: string }>
  /** Submits an individual seller's 进件 application (sensitive fields encrypted on the wire). */
  submitApplyment(input: SubmitApplymentInput): Promise<ApplymentSubmitted>
  /** Reads an application's state by our out_request_no. */
  queryApplyment(outRequestNo: string): Promise<ApplymentStatus>
  /** Creates a partner JSAPI payment with profit sharing frozen and a 15-minute expiry; returns prepay_id. */
  createJsapiOrder(input: CreateJsapiOrderInput): Promise<{ prepayId: string }>
  /** Builds the wx.requestPayment parameters for a prepay_id, signed with the merchant key. */
  jsapiPayParams(prepayId: string): JsapiPayParams
  /** Reads a payment by out_trade_no. */
  queryOrder(ref: OrderRef): Promise<PaymentOrder>
  /** Closes an unpaid payment so it can no longer be paid. */
  closeOrder(ref: OrderRef): Promise<void>
  /** Requests profit sharing (commission to the platform), optionally finishing the order. */
  createProfitSharing(input: CreateProfitSharingInput): Promise<ProfitSharingOrder>
  /** Reads a profit-sharing order by out_order_no. */
  queryProfitSharing(ref: ProfitSharingRef): Promise<ProfitSharingOrder>
  /** Finishes profit sharing so the remaining frozen funds unfreeze to the seller. */
  finishProfitSharing(
    input: FinishProfitSharingInput,
  ): Promise<{ orderId: string; outOrderNo: string }>
  /** Returns shared funds from a receiver back to the seller (分账回退) by out_return_no. */
  createReturnOrder(input: CreateReturnOrderInput): Promise<ReturnOrder>
  /** Refunds (part of) a payment to the buyer by out_refund_no. */
  refund(input: RefundInput): Promise<RefundCreated>
  /** Reads a refund by out_refund_no. */
  queryRefund(input: { subMchid: string; outRefundNo: string }): Promise<RefundResult>
  /** Reads a seller's (sub-merchant's) basic-account balance. */
  balance(subMchid: string): Promise<Balance>
  /** Withdraws a seller's available balance to its bank card by out_request_no. */
  withdraw(input: WithdrawInput): Promise<Withdrawal>
  /** Reads a withdrawal by out_request_no. */
  queryWithdraw(input: { subMchid: string; outRequestNo: string }): Promise<Withdrawal>
  /**
   * Verifies a callback (signature over the raw body, known serial, ±5 min) and decrypts it with
   * the GCM tag checked. Throws PaymentGatewayError on any failure. De-duplication is the caller's.
   */
  verifyNotification(
    headers: NotificationHeaders,
    rawBody: string | Buffer,
  ): Promise<VerifiedNotification>
}

/** A payment call that failed on our side of the request: the order stays, `pay` tries again. */
export const paymentUnavailable = (e: unknown) => {
  if (
    e instanceof PaymentGatewayError ||
    (e instanceof Error && e.name === 'PaymentGatewayError')
  ) {
    return new AppError(ErrorCodes.ORDER_PAYMENT_UNAVAILABLE, undefined, {
      wechat: (e as PaymentGatewayError).wechatCode,
    })
  }
  return e
}
