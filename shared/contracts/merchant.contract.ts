import { z } from 'zod'
import {
  ACCOUNT_BANKS,
  BANK_REGION_CODES,
  MIN_WITHDRAW_FEN,
  ONBOARDING_STATES,
  WITHDRAWAL_STATUSES,
  isValidIdNumber,
} from '../domain/merchant'
import { ErrorCodes } from '../errors/error-codes'
import { FileIdSchema } from './common.schema'
import { defineContract } from './define-contract'
import { userText } from './user-text'

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')

/** The real-name form of 开通收款 (个人卖家进件). Account holder = the ID card's name (对私账户). */
export const SubmitOnboardingInputSchema = z
  .object({
    idCardName: userText({
      min: 2,
      max: 30,
      label: '姓名',
      tooShort: '请填写身份证上的姓名',
      tooLong: '姓名过长',
    }).regex(/^[\u4e00-\u9fa5·]+$/, '请填写身份证上的中文姓名'),
    idCardNumber: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .refine(isValidIdNumber, '身份证号码不正确（18 位，请核对最后一位校验码）'),
    idCardValidBegin: DateSchema,
    /** YYYY-MM-DD, or 长期 for cards that never expire. */
    idCardValidEnd: z.union([DateSchema, z.literal('长期')], {
      error: '请填写有效期截止日期或选择长期',
    }),
    idCardFrontFileId: FileIdSchema.describe('人像面'),
    idCardBackFileId: FileIdSchema.describe('国徽面'),
    mobile: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号'),
    accountBank: z.enum(ACCOUNT_BANKS, { error: '请选择开户银行' }),
    bankAddressCode: z.enum(BANK_REGION_CODES, { error: '请选择开户地区' }),
    accountNumber: z
      .string()
      .transform((s) => s.replace(/\s+/g, ''))
      .pipe(z.string().regex(/^\d{12,30}$/, '请填写 12–30 位银行卡号')),
    /** Defaults to the nickname + 的小店. */
    storeName: userText({ min: 2, max: 20, label: '店铺名' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.idCardValidEnd !== '长期' && v.idCardValidEnd <= v.idCardValidBegin)
      ctx.addIssue({ code: 'custom', path: ['idCardValidEnd'], message: '截止日期须晚于开始日期' })
    if (v.idCardFrontFileId === v.idCardBackFileId)
      ctx.addIssue({
        code: 'custom',
        path: ['idCardBackFileId'],
        message: '请分别上传人像面和国徽面',
      })
  })
export type SubmitOnboardingInput = z.input<typeof SubmitOnboardingInputSchema>

export const OnboardingStatusSchema = z.object({
  state: z.enum(ONBOARDING_STATES),
  /** 未开通, 审核中, 待账户验证, 待签约, 已完成, 已驳回. */
  stateLabel: z.string(),
  /** WeChat's own words for the state. */
  stateDesc: z.string(),
  /** 待账户验证: where the legal person confirms (when WeChat gives a link). */
  legalValidationUrl: z.string().nullable(),
  /** 待账户验证 by a small transfer: what to send where. */
  accountValidation: z
    .object({
      payAmountFen: z.number().int(),
      accountName: z.string(),
      accountNumber: z.string(),
      accountBank: z.string(),
      remark: z.string(),
      deadline: z.string(),
    })
    .nullable(),
  /** 待签约: the agreement page to open. */
  signUrl: z.string().nullable(),
  rejectReasons: z.array(z.object({ field: z.string(), reason: z.string() })),
  /** The last submission, masked; the sensitive fields must be typed again to resubmit. */
  submitted: z
    .object({
      idCardName: z.string(),
      idCardNumber: z.string(),
      idCardValidBegin: z.string(),
      idCardValidEnd: z.string(),
      mobile: z.string(),
      accountBank: z.string(),
      bankAddressCode: z.string(),
      accountNumber: z.string(),
      storeName: z.string(),
    })
    .nullable(),
  defaultStoreName: z.string(),
  /** True once the seller can take escrowed payments. */
  canSell: z.boolean(),
  submittedAt: z.number().int().nullable(),
  checkedAt: z.number().int().nullable(),
})
export type OnboardingStatus = z.infer<typeof OnboardingStatusSchema>

export const WithdrawalSchema = z.object({
  id: z.string(),
  amountFen: z.number().int(),
  status: z.enum(WITHDRAWAL_STATUSES),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  createdAt: z.number().int(),
})
export type WithdrawalView = z.infer<typeof WithdrawalSchema>

export const ClaimMovementSchema = z.object({
  /** claim: a 先行赔付 the platform paid for one of the seller's orders; deduction: collected from a release. */
  kind: z.enum(['claim', 'deduction']),
  orderId: z.string(),
  amountFen: z.number().int(),
  at: z.number().int(),
})

/** What the seller owes the guarantee fund (先行赔付), collected from the next releases. */
export const SellerClaimSchema = z.object({
  owedFen: z.number().int(),
  /** Part of what is owed that releases in flight are collecting now. */
  collectingFen: z.number().int(),
  recent: z.array(ClaimMovementSchema),
})
export type SellerClaim = z.infer<typeof SellerClaimSchema>

export const WalletSchema = z.object({
  onboarded: z.boolean(),
  /** Paid by buyers, frozen until the trade completes. */
  inEscrowFen: z.number().int(),
  /** Released to the seller and not yet withdrawn (withdrawals in flight already taken off). */
  availableFen: z.number().int(),
  withdrawnFen: z.number().int(),
  bankAccount: z.string().nullable(),
  withdrawals: z.array(WithdrawalSchema),
  /** The seller's guarantee-fund claim; null when there never was one. Withdrawals wait while owedFen > 0. */
  claim: SellerClaimSchema.nullable(),
})
export type Wallet = z.infer<typeof WalletSchema>

export const WithdrawInputSchema = z
  .object({
    amountFen: z
      .number({ error: '请输入金额' })
      .int('金额必须是整数分')
      .min(MIN_WITHDRAW_FEN, `最少提现 ¥${MIN_WITHDRAW_FEN / 100}`),
    /** Made once per 提现 tap by the client: a retry of the same tap never withdraws twice. */
    requestKey: z.string().regex(/^[0-9A-Za-z]{8,32}$/, 'requestKey 为 8–32 位字母数字'),
  })
  .strict()

export const GuaranteeFundSchema = z.object({
  /** Collected less paid out since the fund started (negative while claims are open). */
  balanceFen: z.number().int(),
  paidOutFen: z.number().int(),
  collectedFen: z.number().int(),
  openClaimsFen: z.number().int(),
  movements: z.array(
    z.object({
      kind: z.enum(['compensation', 'claim_deduction']),
      orderId: z.string().nullable(),
      sellerId: z.string().nullable(),
      /** Into the fund (+) or out of it (−). */
      amountFen: z.number().int(),
      at: z.number().int(),
    }),
  ),
})
export type GuaranteeFund = z.infer<typeof GuaranteeFundSchema>

export const MerchantContract = defineContract('merchant', {
  status: {
    summary:
      "The caller's 开通收款 application: its state, what to do next, and the masked submission.",
    auth: 'user',
    input: z.object({}).strict(),
    output: OnboardingStatusSchema,
    errors: [],
  },
  submit: {
    summary:
      'Submits (or resubmits after 驳回) the real-name form as an individual seller to WeChat Pay.',
    auth: 'user',
    input: SubmitOnboardingInputSchema,
    output: OnboardingStatusSchema,
    errors: [
      ErrorCodes.MERCHANT_APPLYMENT_IN_PROGRESS,
      ErrorCodes.MERCHANT_ALREADY_ONBOARDED,
      ErrorCodes.MERCHANT_GATEWAY_FAILED,
      ErrorCodes.FILE_NOT_OWNED,
    ],
  },
  refresh: {
    summary: 'Asks WeChat Pay for the application state now instead of waiting for the sweep.',
    auth: 'user',
    input: z.object({}).strict(),
    output: OnboardingStatusSchema,
    errors: [ErrorCodes.MERCHANT_GATEWAY_FAILED],
  },
  wallet: {
    summary: "The seller's money: in escrow, available, withdrawn, and recent withdrawals.",
    auth: 'user',
    input: z.object({}).strict(),
    output: WalletSchema,
    errors: [],
  },
  withdraw: {
    summary:
      'Withdraws available money to the bank card; the same requestKey never withdraws twice.',
    auth: 'user',
    input: WithdrawInputSchema,
    output: WithdrawalSchema,
    errors: [
      ErrorCodes.MERCHANT_NOT_ONBOARDED,
      ErrorCodes.MERCHANT_INSUFFICIENT_BALANCE,
      ErrorCodes.MERCHANT_GATEWAY_FAILED,
      ErrorCodes.FUND_CLAIM_UNSETTLED,
      ErrorCodes.USER_RESTRICTED,
    ],
  },
  guaranteeFund: {
    summary: "Operators: the guarantee fund's balance, open claims and latest movements.",
    auth: 'user',
    input: z.object({}).strict(),
    output: GuaranteeFundSchema,
    errors: [ErrorCodes.FORBIDDEN],
  },
})
