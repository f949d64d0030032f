/**
 * Seller onboarding (进件) as an individual second-level merchant, and the seller wallet: the
 * rules both the form and the backend apply (ID checksum, masking, bank and region lists).
 */

/** Banks WeChat Pay accepts by name in `account_bank` without a branch name (17 家直连银行). */
export const ACCOUNT_BANKS = [
  '工商银行',
  '农业银行',
  '中国银行',
  '建设银行',
  '交通银行',
  '邮政储蓄银行',
  '招商银行',
  '民生银行',
  '中信银行',
  '浦发银行',
  '兴业银行',
  '光大银行',
  '广发银行',
  '平安银行',
  '华夏银行',
  '北京银行',
  '宁波银行',
] as const
export type AccountBank = (typeof ACCOUNT_BANKS)[number]

/** Where the bank account was opened (开户地区, GB/T 2260 codes); the cities we serve and their neighbours. */
export const BANK_REGIONS = [
  { code: '310000', name: '上海市' },
  { code: '330100', name: '浙江省杭州市' },
  { code: '110000', name: '北京市' },
  { code: '440100', name: '广东省广州市' },
  { code: '440300', name: '广东省深圳市' },
  { code: '320100', name: '江苏省南京市' },
  { code: '320500', name: '江苏省苏州市' },
  { code: '510100', name: '四川省成都市' },
  { code: '420100', name: '湖北省武汉市' },
  { code: '500000', name: '重庆市' },
] as const
export const BANK_REGION_CODES = BANK_REGIONS.map((r) => r.code) as [string, ...string[]]

/** What the seller sees of the application (WeChat's applyment states folded into five), and its label. */
export const ONBOARDING_LABELS = {
  none: '未开通',
  checking: '审核中',
  account_need_verify: '待账户验证',
  need_sign: '待签约',
  finish: '已完成',
  rejected: '已驳回',
} as const
export type OnboardingState = keyof typeof ONBOARDING_LABELS
export const ONBOARDING_STATES = Object.keys(ONBOARDING_LABELS) as [
  OnboardingState,
  ...OnboardingState[],
]

export const WITHDRAWAL_STATUSES = ['pending', 'accepted', 'succeeded', 'failed'] as const
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number]
export const WITHDRAWAL_LABELS: Record<WithdrawalStatus, string> = {
  pending: '提交中',
  accepted: '处理中',
  succeeded: '已到账',
  failed: '失败',
}

/** The least a withdrawal may be (WeChat's fee-free minimum is ¥1 in practice; smaller is noise). */
export const MIN_WITHDRAW_FEN = 100

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** The GB 11643 check character for the first 17 digits of a resident ID number. */
export const idCheckChar = (first17: string): string =>
  ID_CHECK[[...first17].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0) % 11]

/** An 18-character mainland resident ID number: digits, a real birth date, and a matching check character. */
export const isValidIdNumber = (value: string): boolean => {
  if (!/^\d{17}[\dX]$/i.test(value)) return false
  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (
    y < 1900 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  )
    return false
  return idCheckChar(value.slice(0, 17)) === value[17].toUpperCase()
}

/** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明: the family name and, for longer names, the last character. */
export const maskName = (name: string): string => {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** 310101199003071234 → 3*************1234: the first digit and the last four, as banks show it. */
export const maskIdNumber = (id: string): string =>
  id.length <= 5
    ? '*'.repeat(id.length)
    : id[0] + '*'.repeat(id.length - 5) + id.slice(-4).toUpperCase()

/** 13812341234 → 138****1234. */
export const maskMobile = (mobile: string): string =>
  mobile.length === 11
    ? `${mobile.slice(0, 3)}****${mobile.slice(7)}`
    : '*'.repeat(Math.max(0, mobile.length - 4)) + mobile.slice(-4)

/** 6222020000001234 → **** 1234: only the last four digits are ever shown. */
export const maskBankAccount = (account: string): string => `**** ${account.slice(-4)}`
