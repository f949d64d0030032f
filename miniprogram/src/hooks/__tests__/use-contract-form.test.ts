/**
 * useContractForm against real contract schemas: messages come from the contract, land on the
 * field they are about, appear only after the first validate(), and a server message stays on its
 * field until that field changes.
 */
import { act, renderHook } from '@testing-library/react'
import { z } from 'zod'
import { AddressInputSchema } from '@shared/contracts/address.contract'
import { ServiceError } from '@/services/service-error'
import { useContractForm } from '@/hooks/use-contract-form'

const blank = {
  name: '',
  phone: '',
  region: null as null | { province: string; city: string; district: string },
  detail: '',
  tag: null,
  isDefault: false,
}
const toInput = (v: typeof blank) => ({
  ...v,
  region: v.region ?? { province: '', city: '', district: '' },
})
const address = () =>
  renderHook(() =>
    useContractForm(AddressInputSchema, {
      initial: blank,
      toInput,
      explain: (errors, v) => (v.name.trim() ? errors : { ...errors, name: '请填写收货人' }),
    }),
  ).result

describe('useContractForm', () => {
  it('shows nothing while the user types, then every contract message after validate()', () => {
    const form = address()
    act(() => form.current.setField('phone', '123'))
    expect(form.current.errors).toEqual({})
    let parsed: unknown = 'unset'
    act(() => {
      parsed = form.current.validate()
    })
    expect(parsed).toBeNull()
    expect(form.current.errors.name).toBe('请填写收货人')
    // the contract's own phone message, not a local copy of the rule
    const contract = AddressInputSchema.safeParse(toInput({ ...blank, phone: '123' }))
    const phoneMessage = contract.success
      ? null
      : contract.error.issues.find((i) => i.path[0] === 'phone')!.message
    expect(form.current.errors.phone).toBe(phoneMessage)
    // region.province and friends belong to the region field
    expect(form.current.errors.region).toBeTruthy()
    expect(Object.keys(form.current.errors)).not.toContain('region.province')
  })

  it('re-checks on every change after validate() and returns the parsed input when fine', () => {
    const form = address()
    act(() => void form.current.validate())
    act(() => form.current.setField('name', '张三'))
    expect(form.current.errors.name).toBeUndefined()
    expect(form.current.errors.phone).toBeTruthy()
    act(() =>
      form.current.setValues({
        phone: '13800138000',
        region: { province: '上海市', city: '上海市', district: '浦东新区' },
        detail: '世纪大道 100 号',
      }),
    )
    expect(form.current.errors).toEqual({})
    let parsed: unknown = null
    act(() => {
      parsed = form.current.validate()
    })
    expect(parsed).toMatchObject({ name: '张三', phone: '13800138000', detail: '世纪大道 100 号' })
  })

  it('keeps a server message on its field until that field changes', () => {
    const form = address()
    act(() =>
      form.current.setValues({
        name: '张三',
        phone: '13800138000',
        region: { province: '上海市', city: '上海市', district: '浦东新区' },
        detail: '世纪大道 100 号',
      }),
    )
    const e = new ServiceError('COMMON.VALIDATION', '详细地址太短', {
      path: 'detail',
      issues: [{ path: 'detail', message: '详细地址太短' }],
    })
    let taken = false
    act(() => {
      taken = form.current.takeError(e)
    })
    expect(taken).toBe(true)
    expect(form.current.errors.detail).toBe('详细地址太短')
    expect(form.current.errorOf('detail')).toBe('详细地址太短')
    act(() => form.current.setField('name', '李四'))
    expect(form.current.errors.detail).toBe('详细地址太短')
    act(() => form.current.setField('detail', '世纪大道 200 号'))
    expect(form.current.errors.detail).toBeUndefined()
  })

  it('leaves errors other than COMMON.VALIDATION to the caller', () => {
    const form = address()
    let taken = true
    act(() => {
      taken = form.current.takeError(new ServiceError('COMMON.CONFLICT', '已被修改'))
    })
    expect(taken).toBe(false)
    expect(form.current.errors).toEqual({})
  })

  it('maps server paths with fieldOf and can only clear the changed field (recheck: clear)', () => {
    const schema = z.object({
      priceFen: z.number({ error: '请输入价格' }).int().positive('价格要大于 0'),
      note: z.string().min(1, '请填写说明'),
    })
    const form = renderHook(() =>
      useContractForm(schema, {
        initial: { price: '', note: '' },
        toInput: (v) => ({ priceFen: v.price ? Number(v.price) : Number.NaN, note: v.note }),
        fieldOf: (path) => (path === 'priceFen' ? 'price' : path),
        recheck: 'clear',
      }),
    ).result
    act(() => void form.current.validate())
    expect(form.current.errors).toEqual({ price: '请输入价格', note: '请填写说明' })
    act(() => form.current.setField('price', '-1'))
    // the changed field's message goes; nothing is re-checked until the next validate()
    expect(form.current.errors).toEqual({ note: '请填写说明' })
    act(() => form.current.takeIssues([{ path: 'priceFen', message: '价格太高' }]))
    expect(form.current.errors.price).toBe('价格太高')
  })

  it('checks from the first change when eager, and reset() starts over', () => {
    const schema = z.object({ nickname: z.string().min(2, '昵称至少 2 个字') })
    const form = renderHook(() =>
      useContractForm(schema, { initial: { nickname: '小明' }, eager: true }),
    ).result
    act(() => form.current.setField('nickname', '小'))
    expect(form.current.errors.nickname).toBe('昵称至少 2 个字')
    act(() => form.current.reset({ nickname: '小' }))
    expect(form.current.errors).toEqual({})
    expect(form.current.latest()).toEqual({ nickname: '小' })
  })
})
