import { CHINA_OFFSET_MS } from '@shared/domain/time'
import { createHash, createPublicKey, randomBytes, type KeyObject } from 'node:crypto'
import Pay from 'wechatpay-node-v3'
import type { Clock } from '../../modules/core/ports/clock.port'
import { REFUSED, RETRY, type ProviderVerdict } from '../../modules/core/ports/provider-error'
import {
  PaymentGatewayError,
  type ApplymentState,
  type ApplymentStatus,
  type ApplymentSubmitted,
  type Balance,
  type CreateJsapiOrderInput,
  type CreateProfitSharingInput,
  type CreateReturnOrderInput,
  type FinishProfitSharingInput,
  type JsapiPayParams,
  type NotificationHeaders,
  type OrderRef,
  type PaymentGateway,
  type PaymentOrder,
  type ProfitSharingOrder,
  type ProfitSharingRef,
  type RefundCreated,
  type RefundInput,
  type RefundResult,
  type ReturnOrder,
  type SubmitApplymentInput,
  type VerifiedNotification,
  type Withdrawal,
  type WithdrawInput,
} from '../../modules/payments/ports/payment-gateway.port'
import {
  WechatPayConfigSchema,
  type WechatPayConfig,
  type WechatPayConfigInput,
} from './wechat-pay.config'
import {
  aesGcmDecrypt,
  parsePlatformCertificate,
  verifyWechatSignature,
  WechatPayCryptoError,
  type PlatformCertificate,
} from './wechat-pay.crypto'
import { createHttp, HttpTimeoutError, type FetchLike, type HttpResponse } from './wechat-pay.http'

export interface WechatPayGatewayDeps {
  config: WechatPayConfigInput
  clock: Clock
  /** Injected for tests; defaults to global fetch. */
  fetch?: FetchLike
  /** Random bytes for nonces; injectable for deterministic tests. */
  randomBytes?: (n: number) => Buffer
}

type Json = Record<string, unknown>
type Sensitive = (plain: string) => string

const PAY_EXPIRY_MS = 15 * 60_000

/**
 * WeChat Pay v3's error table (开发指引 > 错误码): the HTTP status carries the decision. 429
 * FREQUENCY_LIMITED and 5xx (SYSTEM_ERROR, BANK_ERROR, ...) may succeed on the same call later;
 * any other non-2xx (PARAM_ERROR, INVALID_REQUEST, SIGN_ERROR, NO_AUTH, NOT_ENOUGH, ORDER_CLOSED,
 * RESOURCE_NOT_EXISTS, ...) is WeChat's final answer to that call.
 */
export const wechatPayVerdict = (status: number): ProviderVerdict =>
  status >= 500 || status === 429 ? RETRY : REFUSED

// Verification and input failures are neither retryable nor WeChat's refusal: the effect is
// unknown (reconcile by querying) or the input is ours.
const verificationError = (code: string, message: string, status = 0) =>
  new PaymentGatewayError(status, code, message, false, 'verification', undefined, false)

const invalid = (message: string) =>
  new PaymentGatewayError(
    0,
    'INVALID_ARGUMENT',
    message,
    false,
    'invalid-argument',
    undefined,
    false,
  )

function assertFen(name: string, v: number, allowZero = false) {
  if (!Number.isSafeInteger(v) || v < (allowZero ? 0 : 1))
    throw invalid(`${name} must be a positive integer number of fen`)
}

/** RFC 3339 in China Standard Time, the form WeChat documents for time_expire. */
function rfc3339Cst(epochMs: number): string {
  const d = new Date(epochMs + CHINA_OFFSET_MS)
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00')
}

const header = (
  h: NotificationHeaders | Record<string, string>,
  name: string,
): string | undefined => {
  const want = name.toLowerCase()
  for (const [k, v] of Object.entries(h)) {
    if (k.toLowerCase() === want) return Array.isArray(v) ? v[0] : v
  }
  return undefined
}

function str(obj: Json, key: string): string {
  const v = obj[key]
  if (typeof v !== 'string')
    throw verificationError('BAD_RESPONSE', `WeChat answer lacks string field ${key}`)
  return v
}
const optStr = (obj: Json, key: string): string | undefined =>
  typeof obj[key] === 'string' ? (obj[key] as string) : undefined
function int(obj: Json, key: string): number {
  const v = obj[key]
  if (!Number.isSafeInteger(v))
    throw verificationError('BAD_RESPONSE', `WeChat answer lacks integer field ${key}`)
  return v as number
}
const optInt = (obj: Json, key: string): number | undefined =>
  Number.isSafeInteger(obj[key]) ? (obj[key] as number) : undefined
const obj = (o: Json, key: string): Json =>
  o[key] && typeof o[key] === 'object' ? (o[key] as Json) : {}

/**
 * WechatPayGateway: PaymentGateway over WeChat Pay API v3 (平台收付通). wechatpay-node-v3 signs the
 * requests (Authorization, paySign) and does the RSA-OAEP encryption; everything the library leaves
 * open is closed here: response signatures, timestamp window, GCM tag, certificate refresh, errors.
 *
 * What stays with the caller (pay-notify and the escrow use cases):
 * - Replays: a captured genuine callback re-sent within 5 minutes verifies again. De-duplicate by
 *   the notification `id` (and make the state change idempotent on out_trade_no / out_refund_no).
 * - Amounts: compare the decrypted total with the order's own amount before marking it paid.
 * - Answer WeChat's callback with success only after the change is durable; a thrown
 *   PaymentGatewayError from verifyNotification should be answered 401/4xx so WeChat retries.
 * - Retries: only errors with `retryable` are worth retrying, always with the same key.
 *   A verification failure on a money call means the effect is unknown: reconcile by querying.
 */
export class WechatPayGateway implements PaymentGateway {
  private readonly config: WechatPayConfig
  private readonly pay: Pay
  private readonly send: ReturnType<typeof createHttp>
  private readonly clock: Clock
  private readonly rand: (n: number) => Buffer
  private readonly certs = new Map<string, PlatformCertificate>()
  private refreshing: Promise<void> | undefined
  private lastRefreshAtMs = Number.NEGATIVE_INFINITY
  /** Count of GET /v3/certificates calls (observability and tests). */
  certificateRefreshes = 0

  constructor(deps: WechatPayGatewayDeps) {
    this.config = WechatPayConfigSchema.parse(deps.config)
    this.clock = deps.clock
    this.rand = deps.randomBytes ?? randomBytes
    this.send = createHttp(this.config.baseUrl, this.config.timeoutMs, deps.fetch)
    this.pay = new Pay({
      appid: this.config.spAppid,
      mchid: this.config.spMchid,
      serial_no: this.config.merchantSerialNo,
      // The library wants the merchant certificate only to read its serial when none is given;
      // ours always is, so the key's own public half satisfies its non-empty check.
      publicKey: Buffer.from(
        createPublicKey(this.config.merchantPrivateKeyPem).export({ type: 'spki', format: 'pem' }),
      ),
      privateKey: Buffer.from(this.config.merchantPrivateKeyPem),
      key: this.config.apiV3Key,
    })
    for (const c of this.config.platformCertificates) {
      const parsed = parsePlatformCertificate(c.pem, c.serialNo)
      this.certs.set(parsed.serialNo, parsed)
    }
  }

  // ---------------------------------------------------------------- 进件

  async uploadImage(bytes: Uint8Array, filename: string): Promise<{ mediaId: string }> {
    if (!/\.(jpe?g|png|bmp)$/i.test(filename))
      throw invalid('filename must end in .jpg, .jpeg, .png or .bmp')
    if (bytes.length === 0 || bytes.length > 5 * 1024 * 1024)
      throw invalid('image must be 1 byte to 5 MB')
    // WeChat signs the meta JSON, not the multipart body: the body is bound to it by the sha256.
    const meta = JSON.stringify({
      filename,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })
    const boundary = `----linquan${this.nonce()}`
    const type = /\.png$/i.test(filename)
      ? 'image/png'
      : /\.bmp$/i.test(filename)
        ? 'image/bmp'
        : 'image/jpeg'
    const body: Uint8Array<ArrayBuffer> = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n${meta}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const res = await this.call('POST', '/v3/merchant/media/upload', undefined, {
      upload: { signed: meta, body, contentType: `multipart/form-data; boundary=${boundary}` },
    })
    return { mediaId: str(res, 'media_id') }
  }

  async submitApplyment(input: SubmitApplymentInput): Promise<ApplymentSubmitted> {
    const { enc, serial } = await this.sensitiveEncryptor()
    const body = {
      out_request_no: input.outRequestNo,
      organization_type: '2500', // 个人卖家
      id_doc_type: 'IDENTIFICATION_TYPE_MAINLAND_IDCARD',
      id_card_info: {
        id_card_copy: input.idCardCopyMediaId,
        id_card_national: input.idCardNationalMediaId,
        id_card_name: enc(input.idCardName),
        id_card_number: enc(input.idCardNumber),
        id_card_valid_time_begin: input.idCardValidTimeBegin,
        id_card_valid_time: input.idCardValidTime,
      },
      need_account_info: true,
      account_info: {
        bank_account_type: '75', // 对私账户
        account_bank: input.bankAccount.accountBank,
        account_name: enc(input.bankAccount.accountName),
        bank_address_code: input.bankAccount.bankAddressCode,
        ...(input.bankAccount.bankName ? { bank_name: input.bankAccount.bankName } : {}),
        account_number: enc(input.bankAccount.accountNumber),
      },
      contact_info: {
        contact_type: '65', // 经营者/法人
        contact_name: enc(input.idCardName),
        contact_id_card_number: enc(input.idCardNumber),
        mobile_phone: enc(input.mobilePhone),
        ...(input.contactEmail ? { contact_email: enc(input.contactEmail) } : {}),
      },
      sales_scene_info: {
        store_name: input.storeName,
        ...(input.storeUrl ? { store_url: input.storeUrl } : {}),
        ...(input.miniProgramSubAppid ? { mini_program_sub_appid: input.miniProgramSubAppid } : {}),
      },
      merchant_shortname: input.merchantShortname,
    }
    const res = await this.call('POST', '/v3/ecommerce/applyments/', body, {
      platformSerial: serial,
    })
    return { applymentId: String(res.applyment_id ?? ''), outRequestNo: str(res, 'out_request_no') }
  }

  async queryApplyment(outRequestNo: string): Promise<ApplymentStatus> {
    const res = await this.call(
      'GET',
      `/v3/ecommerce/applyments/out-request-no/${encodeURIComponent(outRequestNo)}`,
    )
    const audit = Array.isArray(res.audit_detail) ? (res.audit_detail as Json[]) : []
    return {
      applymentId: String(res.applyment_id ?? ''),
      outRequestNo: str(res, 'out_request_no'),
      state: str(res, 'applyment_state') as ApplymentState,
      stateDesc: optStr(res, 'applyment_state_desc') ?? '',
      subMchid: optStr(res, 'sub_mchid'),
      signUrl: optStr(res, 'sign_url'),
      legalValidationUrl: optStr(res, 'legal_validation_url'),
      accountValidation:
        res.account_validation && typeof res.account_validation === 'object'
          ? {
              payAmountFen: optInt(obj(res, 'account_validation'), 'pay_amount') ?? 0,
              accountName: optStr(obj(res, 'account_validation'), 'destination_account_name') ?? '',
              accountNumber:
                optStr(obj(res, 'account_validation'), 'destination_account_number') ?? '',
              accountBank: optStr(obj(res, 'account_validation'), 'destination_account_bank') ?? '',
              remark: optStr(obj(res, 'account_validation'), 'remark') ?? '',
              deadline: optStr(obj(res, 'account_validation'), 'deadline') ?? '',
            }
          : undefined,
      // The ecommerce applyment answers `field`/`field_name`; older docs call it `param_name`.
      rejectReasons: audit.map((a) => ({
        param: optStr(a, 'field_name') ?? optStr(a, 'param_name') ?? optStr(a, 'field') ?? '',
        reason: optStr(a, 'reject_reason') ?? '',
      })),
    }
  }

  // ---------------------------------------------------------------- pay

  async createJsapiOrder(input: CreateJsapiOrderInput): Promise<{ prepayId: string }> {
    assertFen('amountFen', input.amountFen)
    const body = {
      sp_appid: this.config.spAppid,
      sp_mchid: this.config.spMchid,
      sub_mchid: input.subMchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: rfc3339Cst(input.expiresAt ?? this.clock.now() + PAY_EXPIRY_MS),
      ...(input.attach ? { attach: input.attach } : {}),
      notify_url: this.config.notifyUrls.payment,
      settle_info: { profit_sharing: true },
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { sp_openid: input.payerOpenid },
    }
    const res = await this.call('POST', '/v3/pay/partner/transactions/jsapi', body)
    return { prepayId: str(res, 'prepay_id') }
  }

  jsapiPayParams(prepayId: string): JsapiPayParams {
    const timeStamp = String(Math.floor(this.clock.now() / 1000))
    const nonceStr = this.nonce()
    const pkg = `prepay_id=${prepayId}`
    // Order and trailing newline are WeChat's: appId\ntimeStamp\nnonceStr\npackage\n
    const paySign = this.pay.sha256WithRsa(
      [this.config.spAppid, timeStamp, nonceStr, pkg, ''].join('\n'),
    )
    return {
      appId: this.config.spAppid,
      timeStamp,
      nonceStr,
      package: pkg,
      signType: 'RSA',
      paySign,
    }
  }

  async queryOrder(ref: OrderRef): Promise<PaymentOrder> {
    const q = new URLSearchParams({ sp_mchid: this.config.spMchid, sub_mchid: ref.subMchid })
    const res = await this.call(
      'GET',
      `/v3/pay/partner/transactions/out-trade-no/${encodeURIComponent(ref.outTradeNo)}?${q}`,
    )
    const amount = obj(res, 'amount')
    return {
      outTradeNo: str(res, 'out_trade_no'),
      subMchid: optStr(res, 'sub_mchid') ?? ref.subMchid,
      tradeState: str(res, 'trade_state') as PaymentOrder['tradeState'],
      transactionId: optStr(res, 'transaction_id'),
      totalFen: int(amount, 'total'),
      payerTotalFen: optInt(amount, 'payer_total'),
      successTime: optStr(res, 'success_time'),
    }
  }

  async closeOrder(ref: OrderRef): Promise<void> {
    await this.call(
      'POST',
      `/v3/pay/partner/transactions/out-trade-no/${encodeURIComponent(ref.outTradeNo)}/close`,
      {
        sp_mchid: this.config.spMchid,
        sub_mchid: ref.subMchid,
      },
    )
  }

  // ---------------------------------------------------------------- profit sharing

  async createProfitSharing(input: CreateProfitSharingInput): Promise<ProfitSharingOrder> {
    if (input.receivers.length === 0) throw invalid('at least one receiver')
    input.receivers.forEach((r) => assertFen('receiver amountFen', r.amountFen))
    const res = await this.call('POST', '/v3/ecommerce/profitsharing/orders', {
      appid: this.config.spAppid,
      sub_mchid: input.subMchid,
      transaction_id: input.transactionId,
      out_order_no: input.outOrderNo,
      receivers: input.receivers.map((r) => ({
        type: 'MERCHANT_ID',
        receiver_account: r.account,
        amount: r.amountFen,
        description: r.description,
      })),
      finish: input.finish,
    })
    return this.mapProfitSharing(res)
  }

  async queryProfitSharing(ref: ProfitSharingRef): Promise<ProfitSharingOrder> {
    const q = new URLSearchParams({
      sub_mchid: ref.subMchid,
      transaction_id: ref.transactionId,
      out_order_no: ref.outOrderNo,
    })
    return this.mapProfitSharing(await this.call('GET', `/v3/ecommerce/profitsharing/orders?${q}`))
  }

  async finishProfitSharing(
    input: FinishProfitSharingInput,
  ): Promise<{ orderId: string; outOrderNo: string }> {
    const res = await this.call('POST', '/v3/ecommerce/profitsharing/finish-order', {
      sub_mchid: input.subMchid,
      transaction_id: input.transactionId,
      out_order_no: input.outOrderNo,
      description: input.description,
    })
    return { orderId: str(res, 'order_id'), outOrderNo: str(res, 'out_order_no') }
  }

  async createReturnOrder(input: CreateReturnOrderInput): Promise<ReturnOrder> {
    assertFen('amountFen', input.amountFen)
    const res = await this.call('POST', '/v3/ecommerce/profitsharing/returnorders', {
      sub_mchid: input.subMchid,
      out_order_no: input.outOrderNo,
      out_return_no: input.outReturnNo,
      return_mchid: input.returnMchid,
      amount: input.amountFen,
      description: input.description,
    })
    return {
      subMchid: optStr(res, 'sub_mchid') ?? input.subMchid,
      outOrderNo: optStr(res, 'out_order_no') ?? input.outOrderNo,
      outReturnNo: str(res, 'out_return_no'),
      returnNo: optStr(res, 'return_no'),
      amountFen: int(res, 'amount'),
      result: str(res, 'result') as ReturnOrder['result'],
      failReason: optStr(res, 'fail_reason'),
    }
  }

  private mapProfitSharing(res: Json): ProfitSharingOrder {
    const receivers = Array.isArray(res.receivers) ? (res.receivers as Json[]) : []
    return {
      subMchid: str(res, 'sub_mchid'),
      transactionId: str(res, 'transaction_id'),
      outOrderNo: str(res, 'out_order_no'),
      orderId: str(res, 'order_id'),
      status: str(res, 'status') as ProfitSharingOrder['status'],
      receivers: receivers.map((r) => ({
        account: str(r, 'receiver_account'),
        amountFen: int(r, 'amount'),
        result: str(r, 'result') as ProfitSharingOrder['receivers'][number]['result'],
        failReason: optStr(r, 'fail_reason'),
      })),
    }
  }

  // ---------------------------------------------------------------- refunds

  async refund(input: RefundInput): Promise<RefundCreated> {
    assertFen('refundFen', input.refundFen)
    assertFen('totalFen', input.totalFen)
    if (input.refundFen > input.totalFen) throw invalid('refundFen exceeds totalFen')
    const res = await this.call('POST', '/v3/ecommerce/refunds/apply', {
      sub_mchid: input.subMchid,
      sp_appid: this.config.spAppid,
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      notify_url: this.config.notifyUrls.refund,
      ...(input.fundsFrom === 'platform_advance'
        ? { refund_account: 'REFUND_SOURCE_PARTNER_ADVANCE' }
        : {}),
    })
    return {
      refundId: str(res, 'refund_id'),
      outRefundNo: str(res, 'out_refund_no'),
      refundFen: int(obj(res, 'amount'), 'refund'),
    }
  }

  async queryRefund(input: { subMchid: string; outRefundNo: string }): Promise<RefundResult> {
    const q = new URLSearchParams({ sub_mchid: input.subMchid })
    const res = await this.call(
      'GET',
      `/v3/ecommerce/refunds/out-refund-no/${encodeURIComponent(input.outRefundNo)}?${q}`,
    )
    return {
      refundId: str(res, 'refund_id'),
      outRefundNo: str(res, 'out_refund_no'),
      outTradeNo: optStr(res, 'out_trade_no'),
      status: str(res, 'status') as RefundResult['status'],
      refundFen: int(obj(res, 'amount'), 'refund'),
      successTime: optStr(res, 'success_time'),
    }
  }

  // ---------------------------------------------------------------- funds

  async balance(subMchid: string): Promise<Balance> {
    const res = await this.call(
      'GET',
      `/v3/ecommerce/fund/balance/${encodeURIComponent(subMchid)}?account_type=BASIC`,
    )
    return {
      subMchid: optStr(res, 'sub_mchid') ?? subMchid,
      availableFen: int(res, 'available_amount'),
      pendingFen: int(res, 'pending_amount'),
    }
  }

  async withdraw(input: WithdrawInput): Promise<Withdrawal> {
    assertFen('amountFen', input.amountFen)
    const res = await this.call('POST', '/v3/ecommerce/fund/withdraw', {
      sub_mchid: input.subMchid,
      out_request_no: input.outRequestNo,
      amount: input.amountFen,
      ...(input.remark ? { remark: input.remark } : {}),
      ...(input.bankMemo ? { bank_memo: input.bankMemo } : {}),
    })
    return {
      subMchid: optStr(res, 'sub_mchid') ?? input.subMchid,
      outRequestNo: str(res, 'out_request_no'),
      withdrawId: str(res, 'withdraw_id'),
    }
  }

  async queryWithdraw(input: { subMchid: string; outRequestNo: string }): Promise<Withdrawal> {
    const q = new URLSearchParams({ sub_mchid: input.subMchid })
    const res = await this.call(
      'GET',
      `/v3/ecommerce/fund/withdraw/out-request-no/${encodeURIComponent(input.outRequestNo)}?${q}`,
    )
    return {
      subMchid: optStr(res, 'sub_mchid') ?? input.subMchid,
      outRequestNo: str(res, 'out_request_no'),
      withdrawId: str(res, 'withdraw_id'),
      status: optStr(res, 'status') as Withdrawal['status'],
      amountFen: optInt(res, 'amount'),
      reason: optStr(res, 'reason'),
    }
  }

  // ---------------------------------------------------------------- notifications

  async verifyNotification(
    headers: NotificationHeaders,
    rawBody: string | Buffer,
  ): Promise<VerifiedNotification> {
    // Verify over the exact bytes received: re-serialising parsed JSON would change them.
    await this.verifySigned(
      {
        timestamp: header(headers, 'wechatpay-timestamp'),
        nonce: header(headers, 'wechatpay-nonce'),
        signature: header(headers, 'wechatpay-signature'),
        serial: header(headers, 'wechatpay-serial'),
      },
      rawBody,
      true,
    )
    let n: Json
    try {
      n = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')) as Json
    } catch {
      throw verificationError('NOTIFICATION_MALFORMED', 'notification body is not JSON')
    }
    const resource = obj(n, 'resource')
    if (resource.algorithm !== 'AEAD_AES_256_GCM')
      throw verificationError('NOTIFICATION_MALFORMED', 'unsupported resource algorithm')
    const plain = this.decrypt(
      str(resource, 'ciphertext'),
      str(resource, 'nonce'),
      optStr(resource, 'associated_data'),
    )
    const r = JSON.parse(plain) as Json
    const base = {
      id: str(n, 'id'),
      createTime: str(n, 'create_time'),
      eventType: str(n, 'event_type'),
      summary: optStr(n, 'summary') ?? '',
    }
    if (base.eventType.startsWith('TRANSACTION.')) {
      const amount = obj(r, 'amount')
      return {
        ...base,
        kind: 'payment',
        resource: {
          outTradeNo: str(r, 'out_trade_no'),
          transactionId: str(r, 'transaction_id'),
          subMchid: str(r, 'sub_mchid'),
          tradeState: str(r, 'trade_state') as PaymentOrder['tradeState'],
          totalFen: int(amount, 'total'),
          payerTotalFen: optInt(amount, 'payer_total'),
          successTime: optStr(r, 'success_time'),
          attach: optStr(r, 'attach'),
        },
      }
    }
    if (base.eventType.startsWith('REFUND.')) {
      const amount = obj(r, 'amount')
      return {
        ...base,
        kind: 'refund',
        resource: {
          outTradeNo: str(r, 'out_trade_no'),
          transactionId: str(r, 'transaction_id'),
          outRefundNo: str(r, 'out_refund_no'),
          refundId: str(r, 'refund_id'),
          subMchid: str(r, 'sub_mchid'),
          refundStatus: str(r, 'refund_status') as RefundResult['status'],
          refundFen: int(amount, 'refund'),
          totalFen: int(amount, 'total'),
          successTime: optStr(r, 'success_time'),
        },
      }
    }
    return { ...base, kind: 'other', resource: r }
  }

  // ---------------------------------------------------------------- internals

  /** Known platform certificate serials (upper-case). */
  knownPlatformSerials(): string[] {
    return [...this.certs.keys()]
  }

  private nonce(): string {
    return this.rand(16).toString('hex').toUpperCase()
  }

  private decrypt(ciphertext: string, nonce: string, aad: string | undefined): string {
    try {
      return aesGcmDecrypt(ciphertext, nonce, aad, this.config.apiV3Key)
    } catch (e) {
      throw verificationError(
        'DECRYPT_FAILED',
        e instanceof Error ? e.message : 'decryption failed',
      )
    }
  }

  /**
   * Signs with the library's helpers (our clock and a CSPRNG nonce instead of its Date/Math.random),
   * sends exactly the signed string, verifies the answer and turns error answers into throws.
   */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    opts: {
      platformSerial?: string
      isCertificateFetch?: boolean
      /** multipart uploads: the signature covers `signed` (the meta JSON) while `body` is sent. */
      upload?: { signed: string; body: Uint8Array<ArrayBuffer>; contentType: string }
    } = {},
  ): Promise<Json> {
    const bodyStr = opts.upload
      ? opts.upload.signed
      : body === undefined
        ? ''
        : JSON.stringify(body)
    const timestamp = String(Math.floor(this.clock.now() / 1000))
    const nonce = this.nonce()
    const signature = this.pay.getSignature(method, nonce, timestamp, path, bodyStr || undefined)
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'linquan-cloudfunctions',
      Authorization: this.pay.getAuthorization(nonce, timestamp, signature),
    }
    if (bodyStr) headers['Content-Type'] = opts.upload?.contentType ?? 'application/json'
    if (opts.platformSerial) headers['Wechatpay-Serial'] = opts.platformSerial

    let res: HttpResponse
    try {
      res = await this.send({
        method,
        path,
        headers,
        body: opts.upload?.body ?? (bodyStr || undefined),
      })
    } catch (e) {
      const timeout = e instanceof HttpTimeoutError
      throw new PaymentGatewayError(
        0,
        timeout ? 'TIMEOUT' : 'NETWORK_ERROR',
        (e as Error).message,
        RETRY.retryable,
        'transport',
        undefined,
        RETRY.permanent,
      )
    }

    // A 5xx is retryable whatever it says; WeChat does not reliably sign those.
    if (res.status >= 500) throw this.wechatError(res)

    if (opts.isCertificateFetch) {
      // Bootstrap: the response may be signed by a certificate it contains. The GCM tag (APIv3 key)
      // authenticates those certificates before any of them is trusted for the signature check.
      // Any other answer is read by the error table: a 429 is worth trying again (a refund job that
      // needs a fresh certificate must not fail for good on a rate limit), a 4xx is refused.
      if (res.status !== 200) throw this.wechatError(res)
      const fetched = this.decryptCertificates(res.body)
      await this.verifySigned(this.signedHeaders(res), res.body, false, fetched)
      for (const c of fetched.values()) this.certs.set(c.serialNo, c)
      return {}
    }

    await this.verifySigned(this.signedHeaders(res), res.body, true)
    if (res.status < 200 || res.status >= 300) throw this.wechatError(res)
    if (!res.body) return {}
    try {
      return JSON.parse(res.body) as Json
    } catch {
      throw verificationError('BAD_RESPONSE', 'WeChat answer is not JSON', res.status)
    }
  }

  private signedHeaders(res: HttpResponse) {
    return {
      timestamp: res.headers['wechatpay-timestamp'],
      nonce: res.headers['wechatpay-nonce'],
      signature: res.headers['wechatpay-signature'],
      serial: res.headers['wechatpay-serial'],
    }
  }

  private wechatError(
    res: HttpResponse,
    verdict = wechatPayVerdict(res.status),
  ): PaymentGatewayError {
    let code = `HTTP_${res.status}`
    let message = res.body.slice(0, 200)
    let detail: unknown
    try {
      const parsed = JSON.parse(res.body) as Json
      code = typeof parsed.code === 'string' ? parsed.code : code
      message = typeof parsed.message === 'string' ? parsed.message : message
      detail = parsed.detail
    } catch {
      // non-JSON error page: keep the HTTP status as the code
    }
    return new PaymentGatewayError(
      res.status,
      code,
      message,
      verdict.retryable,
      res.status >= 500 ? 'transport' : 'wechat',
      detail,
      verdict.permanent,
    )
  }

  /** Signature over `timestamp\nnonce\nbody\n`, serial known (one refresh allowed), time within the window. */
  private async verifySigned(
    h: { timestamp?: string; nonce?: string; signature?: string; serial?: string },
    body: string | Buffer,
    mayRefresh: boolean,
    extra?: Map<string, PlatformCertificate>,
  ): Promise<void> {
    if (!h.timestamp || !h.nonce || !h.signature || !h.serial) {
      throw verificationError(
        'SIGNATURE_MISSING',
        'Wechatpay-Timestamp/Nonce/Signature/Serial header missing',
      )
    }
    if (!/^\d{1,12}$/.test(h.timestamp))
      throw verificationError('TIMESTAMP_INVALID', 'Wechatpay-Timestamp is not a number')
    const now = this.clock.now()
    if (Math.abs(now - Number(h.timestamp) * 1000) > this.config.maxClockSkewMs) {
      throw verificationError('TIMESTAMP_STALE', 'Wechatpay-Timestamp outside the allowed window')
    }
    const serial = h.serial.toUpperCase()
    let cert = extra?.get(serial) ?? this.certs.get(serial)
    if (!cert && mayRefresh) {
      await this.refreshCertificates()
      cert = this.certs.get(serial)
    }
    if (!cert)
      throw verificationError('UNKNOWN_SERIAL', `unknown platform certificate serial ${serial}`)
    if (now < cert.validFromMs || now > cert.validToMs)
      throw verificationError('CERTIFICATE_EXPIRED', `platform certificate ${serial} not valid now`)
    if (!verifyWechatSignature(cert.publicKey, h.timestamp, h.nonce, body, h.signature)) {
      throw verificationError('SIGNATURE_INVALID', 'Wechatpay-Signature does not verify')
    }
  }

  /** One GET /v3/certificates at a time, and at most one per cooldown (unknown serials are attacker-controlled). */
  private async refreshCertificates(): Promise<void> {
    if (this.refreshing) return this.refreshing
    if (this.clock.now() - this.lastRefreshAtMs < this.config.certRefreshCooldownMs) return
    this.lastRefreshAtMs = this.clock.now()
    this.certificateRefreshes++
    this.refreshing = this.call('GET', '/v3/certificates', undefined, { isCertificateFetch: true })
      .then(() => undefined)
      .finally(() => (this.refreshing = undefined))
    return this.refreshing
  }

  private decryptCertificates(body: string): Map<string, PlatformCertificate> {
    const out = new Map<string, PlatformCertificate>()
    let data: Json[]
    try {
      data = (JSON.parse(body) as { data: Json[] }).data
      if (!Array.isArray(data)) throw new Error()
    } catch {
      throw verificationError('BAD_RESPONSE', 'certificates answer malformed')
    }
    for (const item of data) {
      const enc = obj(item, 'encrypt_certificate')
      const pem = this.decrypt(
        str(enc, 'ciphertext'),
        str(enc, 'nonce'),
        optStr(enc, 'associated_data'),
      )
      try {
        const cert = parsePlatformCertificate(pem, str(item, 'serial_no'))
        out.set(cert.serialNo, cert)
      } catch (e) {
        if (e instanceof WechatPayCryptoError)
          throw verificationError('CERTIFICATE_INVALID', e.message)
        throw e
      }
    }
    return out
  }

  /** The newest valid platform certificate: sensitive fields are encrypted to it and its serial is sent. */
  private async sensitiveEncryptor(): Promise<{ enc: Sensitive; serial: string }> {
    const pick = () => {
      const now = this.clock.now()
      return [...this.certs.values()]
        .filter((c) => now >= c.validFromMs && now <= c.validToMs)
        .sort((a, b) => b.validToMs - a.validToMs)[0]
    }
    let cert = pick()
    if (!cert) {
      await this.refreshCertificates()
      cert = pick()
    }
    if (!cert)
      throw verificationError(
        'UNKNOWN_SERIAL',
        'no valid platform certificate to encrypt sensitive fields',
      )
    const key: KeyObject = cert.publicKey
    // RSA-OAEP with SHA-1 (library default), as WeChat requires for 敏感信息加密.
    return {
      enc: (plain) => this.pay.publicEncrypt(plain, key as unknown as Buffer),
      serial: cert.serialNo,
    }
  }
}
