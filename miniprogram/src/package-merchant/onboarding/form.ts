import {
  SubmitOnboardingInputSchema,
  type OnboardingStatus,
  type SubmitOnboardingInput,
} from '@shared/contracts/merchant.contract'
import { ACCOUNT_BANKS, BANK_REGIONS } from '@shared/domain/merchant'
import {
  byField as byFirstSegment,
  issuesOf,
  type FieldErrors,
  type Issue,
} from '@/hooks/use-contract-form'

/** A photo picked and uploaded (or being uploaded) for one side of the ID card. */
export interface IdPhoto {
  fileId: string | null
  url: string
  progress: number | null
}

/** What the 开通收款 form holds while the seller types. */
export interface OnboardingForm {
  idCardName: string
  idCardNumber: string
  idCardValidBegin: string
  idCardValidEnd: string
  longTerm: boolean
  front: IdPhoto | null
  back: IdPhoto | null
  mobile: string
  accountBank: string
  bankAddressCode: string
  accountNumber: string
  storeName: string
}

export type FormField = keyof SubmitOnboardingInput

/** A fresh form; after 驳回 the non-sensitive answers come back, the real-name ones are typed again. */
export const initialForm = (
  submitted: OnboardingStatus['submitted'] | null | undefined,
): OnboardingForm => ({
  idCardName: '',
  idCardNumber: '',
  idCardValidBegin: submitted?.idCardValidBegin ?? '',
  idCardValidEnd: submitted && submitted.idCardValidEnd !== '长期' ? submitted.idCardValidEnd : '',
  longTerm: submitted?.idCardValidEnd === '长期',
  front: null,
  back: null,
  mobile: '',
  accountBank: submitted?.accountBank ?? ACCOUNT_BANKS[0],
  bankAddressCode: submitted?.bankAddressCode ?? BANK_REGIONS[0].code,
  accountNumber: '',
  storeName: submitted?.storeName ?? '',
})

/** The contract's input for the form as it stands (an empty store name means the default). */
export const toSubmitInput = (f: OnboardingForm): SubmitOnboardingInput => ({
  idCardName: f.idCardName,
  idCardNumber: f.idCardNumber,
  idCardValidBegin: f.idCardValidBegin,
  idCardValidEnd: f.longTerm ? '长期' : f.idCardValidEnd,
  idCardFrontFileId: f.front?.fileId ?? '',
  idCardBackFileId: f.back?.fileId ?? '',
  mobile: f.mobile,
  accountBank: f.accountBank as SubmitOnboardingInput['accountBank'],
  bankAddressCode: f.bankAddressCode,
  accountNumber: f.accountNumber,
  ...(f.storeName.trim() ? { storeName: f.storeName } : {}),
})

/** Messages that say what is missing rather than what the format is. */
const EMPTY: Partial<Record<FormField, string>> = {
  idCardName: '请填写身份证上的姓名',
  idCardNumber: '请填写身份证号码',
  idCardValidBegin: '请填写有效期开始日期',
  idCardValidEnd: '请填写有效期截止日期或选择长期',
  mobile: '请填写手机号',
  accountNumber: '请填写银行卡号',
}

/** The first message per field, keyed by the top segment of the issue path (the form field). */
export const byField = (issues: Issue[]): Partial<Record<FormField, string>> =>
  byFirstSegment(issues) as Partial<Record<FormField, string>>

/** Friendlier words for empty fields and photos still uploading, in place of the contract's format messages. */
export const explainOnboarding = (errors: FieldErrors, f: OnboardingForm): FieldErrors => {
  const out = { ...errors }
  for (const [field, message] of Object.entries(EMPTY) as [FormField, string][]) {
    const value =
      field === 'idCardValidEnd'
        ? f.longTerm
          ? '长期'
          : f.idCardValidEnd
        : (f[field as keyof OnboardingForm] as string)
    if (out[field] && !String(value).trim()) out[field] = message
  }
  for (const [field, photo, side] of [
    ['idCardFrontFileId', f.front, '人像面'],
    ['idCardBackFileId', f.back, '国徽面'],
  ] as const) {
    if (!photo) out[field] = `请上传身份证${side}照片`
    else if (!photo.fileId) out[field] = `${side}照片上传中，请稍候`
  }
  return out
}

/** The contract's own rules on the form, with friendlier words for empty fields and photos still uploading. */
export const formErrors = (f: OnboardingForm): Partial<Record<FormField, string>> => {
  const r = SubmitOnboardingInputSchema.safeParse(toSubmitInput(f))
  return explainOnboarding(r.success ? {} : byField(issuesOf(r.error)), f) as Partial<
    Record<FormField, string>
  >
}
