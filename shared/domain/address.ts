/**
 * The address book's rules shared by the form and the backend: how many, which tags, and how a
 * detail line is masked in lists (names and phones use the merchant masks: 李*, 138****8000).
 */
export { maskMobile, maskName } from './merchant'

export const ADDRESS_LIMITS = {
  /** Addresses one user may keep. */
  max: 20,
  nameMax: 20,
  detailMin: 4,
  detailMax: 80,
} as const

export const ADDRESS_TAGS = ['家', '公司', '学校'] as const
export type AddressTag = (typeof ADDRESS_TAGS)[number]

/**
 * 文三路 478 号华星时代广场 A 座 1203 → 文三路478****: enough of the street to tell two
 * addresses apart in a list, never the building, floor or room.
 */
export const maskDetail = (detail: string): string => {
  const chars = [...detail.replace(/\s+/g, '')]
  const keep = Math.min(6, Math.floor(chars.length / 2))
  return `${chars.slice(0, keep).join('')}****`
}
