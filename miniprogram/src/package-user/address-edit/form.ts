import {
  AddressInputSchema,
  type Address,
  type AddressInput,
} from '@shared/contracts/address.contract'
import type { AddressTag } from '@shared/domain/address'
import { REGIONS, type Region } from '@shared/domain/regions'
import { byField, issuesOf, type FieldErrors, type Issue } from '@/hooks/use-contract-form'

/** What the add/edit form holds while the user types. */
export interface AddressForm {
  name: string
  phone: string
  region: Region | null
  detail: string
  tag: AddressTag | null
  isDefault: boolean
}

export type AddressField = 'name' | 'phone' | 'region' | 'detail' | 'tag'

/** An empty form, or the address being edited (the full one from address.get). */
export const initialAddressForm = (a?: Address | null): AddressForm =>
  a
    ? {
        name: a.name,
        phone: a.phone,
        region: { ...a.region },
        detail: a.detail,
        tag: a.tag,
        isDefault: a.isDefault,
      }
    : { name: '', phone: '', region: null, detail: '', tag: null, isDefault: false }

/** The contract's input for the form as it stands (spaces inside the phone are dropped). */
export const toAddressInput = (f: AddressForm): AddressInput => ({
  name: f.name,
  phone: f.phone.replace(/[\s-]/g, ''),
  region: f.region ?? { province: '', city: '', district: '' },
  detail: f.detail,
  tag: f.tag,
  isDefault: f.isDefault,
})

const EMPTY: Record<Exclude<AddressField, 'tag'>, string> = {
  name: '请填写收货人',
  phone: '请填写手机号',
  region: '请选择所在地区',
  detail: '请填写详细地址',
}

/** The first message per form field: `region.district` and friends belong to the region picker. */
export const byAddressField = (issues: Issue[]): Partial<Record<AddressField, string>> =>
  byField(issues) as Partial<Record<AddressField, string>>

/** Plain words for fields still empty, in place of the contract's format messages. */
export const explainAddress = (errors: FieldErrors, f: AddressForm): FieldErrors => {
  const out = { ...errors }
  if (!f.name.trim()) out.name = EMPTY.name
  if (!f.phone.trim()) out.phone = EMPTY.phone
  if (!f.region) out.region = EMPTY.region
  if (!f.detail.trim()) out.detail = EMPTY.detail
  return out
}

/** The contract's own rules on the form, with plain words for fields still empty. */
export const addressFormErrors = (f: AddressForm): Partial<Record<AddressField, string>> => {
  const r = AddressInputSchema.safeParse(toAddressInput(f))
  return explainAddress(r.success ? {} : byAddressField(issuesOf(r.error)), f) as Partial<
    Record<AddressField, string>
  >
}

/** The NutUI Cascader's options: 省 → 市 → 区; a city kept at city level is a leaf. */
export interface RegionOption {
  text: string
  value: string
  children?: RegionOption[]
}
export const REGION_OPTIONS: RegionOption[] = REGIONS.map((p) => ({
  text: p.name,
  value: p.name,
  children: p.cities.map((c) => ({
    text: c.name,
    value: c.name,
    ...(c.districts.length ? { children: c.districts.map((d) => ({ text: d, value: d })) } : {}),
  })),
}))

/** A Cascader path (2 or 3 names) as a region. */
export const regionFromPath = (path: (string | number)[]): Region | null => {
  const [province, city, district = ''] = path.map(String)
  return province && city ? { province, city, district } : null
}
export const regionToPath = (r: Region | null): string[] =>
  r ? [r.province, r.city, r.district].filter(Boolean) : []
