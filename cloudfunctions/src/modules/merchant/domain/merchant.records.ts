import type { AccountBank } from '@shared/domain/merchant'
import type { WithdrawalStatus } from '@shared/domain/merchant'
import { maskBankAccount, maskIdNumber, maskMobile, maskName } from '@shared/domain/merchant'
import { defineCollection } from '../../core/ports/document-store.port'
import type { SecretBox } from '../../core/ports/secret-box.port'
import type { ApplymentState, ApplymentStatus } from '../../payments/ports/payment-gateway.port'

/**
 * Where our side of an application stands: WeChat's states, plus SUBMITTING (saved, WeChat's
 * answer not yet known: a retry reuses the same out_request_no) and SUBMIT_FAILED (WeChat refused
 * the request itself, e.g. an image it could not read).
 */
export type MerchantState = ApplymentState | 'SUBMITTING' | 'SUBMIT_FAILED'

/** The real-name data, only ever stored sealed (SecretBox) as this JSON. */
export interface SealedIdentity {
  idCardName: string
  idCardNumber: string
  mobile: string
  accountNumber: string
}

/** A seller's 进件, keyed by user id: one per user, each resubmission is a new attempt. */
export interface MerchantRecord {
  _id: string
  attempt: number
  /** `LQAP<userId><attempt>`: the same attempt always sends the same key. */
  outRequestNo: string
  applymentId: string | null
  state: MerchantState
  stateDesc: string
  /** Set once FINISH: what orders pay into. */
  subMchid: string | null
  signUrl: string | null
  legalValidationUrl: string | null
  accountValidation: ApplymentStatus['accountValidation'] | null
  rejectReasons: { field: string; reason: string }[]
  /** SecretBox-sealed SealedIdentity: no plaintext ID number, name, phone or card number at rest. */
  sealedIdentity: string
  masked: SealedIdentity
  form: {
    idCardValidBegin: string
    idCardValidEnd: string
    accountBank: AccountBank
    bankAddressCode: string
    storeName: string
    idCardFrontFileId: string
    idCardBackFileId: string
  }
  /** Withdrawals sent to WeChat and not yet settled: kept off the available balance meanwhile. */
  withdrawPendingFen: number
  submittedAt: number
  checkedAt: number | null
  updatedAt: number
  version: number
}

/** One 提现, keyed `${userId}:${requestKey}` so a retried tap finds the first one. */
export interface WithdrawalRecord {
  _id: string
  userId: string
  subMchid: string
  /** `LQWD<ulid>`: WeChat's idempotency key for this withdrawal. */
  outRequestNo: string
  amountFen: number
  status: WithdrawalStatus
  withdrawId: string | null
  reason: string | null
  createdAt: number
  updatedAt: number
}

export const Merchants = defineCollection<MerchantRecord>('merchants', [
  // The sweep over applications still moving at WeChat.
  { name: 'state', fields: [{ field: 'state' }, { field: '_id' }] },
])

export const Withdrawals = defineCollection<WithdrawalRecord>('withdrawals', [
  { name: 'user_at', fields: [{ field: 'userId' }, { field: 'createdAt', direction: 'desc' }] },
  { name: 'status', fields: [{ field: 'status' }, { field: 'createdAt' }] },
])

/** Applications WeChat is still working on (the sweep asks about these). */
export const PENDING_MERCHANT_STATES: MerchantState[] = [
  'SUBMITTING',
  'CHECKING',
  'AUDITING',
  'ACCOUNT_NEED_VERIFY',
  'NEED_SIGN',
]

export const applymentNo = (userId: string, attempt: number) => `LQAP${userId}${attempt}`
export const withdrawalId = (userId: string, requestKey: string) => `${userId}:${requestKey}`

/** The real-name data as a merchant record keeps it: sealed whole, and masked copies for display. */
export const protectIdentity = (
  secrets: SecretBox,
  identity: SealedIdentity,
): Pick<MerchantRecord, 'sealedIdentity' | 'masked'> => ({
  sealedIdentity: secrets.seal(JSON.stringify(identity)),
  masked: {
    idCardName: maskName(identity.idCardName),
    idCardNumber: maskIdNumber(identity.idCardNumber),
    mobile: maskMobile(identity.mobile),
    accountNumber: maskBankAccount(identity.accountNumber),
  },
})
