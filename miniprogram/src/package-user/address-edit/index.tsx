import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cascader, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Cascader/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Switch/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import { AddressInputSchema, type Address } from '@shared/contracts/address.contract'
import { ADDRESS_LIMITS, ADDRESS_TAGS } from '@shared/domain/address'
import { formatRegion } from '@shared/domain/regions'
import { api, isServiceError } from '@/services'
import { useContractForm } from '@/hooks/use-contract-form'
import { useSession } from '@/hooks/use-session'
import { PageSkeleton } from '@/components/PageSkeleton'
import { goLogin, reportError, toast } from '@/utils/feedback'
import {
  REGION_OPTIONS,
  explainAddress,
  initialAddressForm,
  regionFromPath,
  regionToPath,
  toAddressInput,
  type AddressField,
  type AddressForm,
} from './form'
import '../address.scss'

/** 新增 / 编辑收货地址: errors come from the contract's own rules, on the field they are about. */
export default function AddressEdit() {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : null
  const { status: session } = useSession()
  const [original, setOriginal] = useState<Address | null>(null)
  const contract = useContractForm(AddressInputSchema, {
    initial: () => initialAddressForm(null),
    toInput: toAddressInput,
    explain: explainAddress,
  })
  const { values: form, errors } = contract
  const [regionOpen, setRegionOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const [loaded, setLoaded] = useState(!id)

  const load = async () => {
    if (!id) return
    try {
      const a = await api.address.get(id)
      setOriginal(a)
      contract.reset(initialAddressForm(a))
      setLoaded(true)
    } catch (e) {
      reportError(e, '地址加载失败')
    }
  }
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id ? '编辑收货地址' : '新增收货地址' })
    if (session === 'signed-in') void load()
    else if (session === 'signed-out') goLogin()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load when the sign-in status settles; the id comes from the route and is fixed
  }, [session])

  /** After the first 保存, every change re-checks the form against the contract. */
  const update = (patch: Partial<AddressForm>) => contract.setValues(patch)

  const save = async () => {
    const input = contract.validate()
    if (!input) return toast('请检查标红的内容')
    setSaving(true)
    try {
      if (original)
        await api.address.update({ ...input, id: original.id, expectedVersion: original.version })
      else await api.address.create(input)
      toast('已保存', 'success')
      setTimeout(() => Taro.navigateBack(), 600)
    } catch (e) {
      if (contract.takeError(e)) toast((e as Error).message)
      else if (isServiceError(e) && e.code === 'COMMON.CONFLICT') {
        toast('地址已在别处修改，已为你刷新')
        contract.reset(contract.latest())
        void load()
      } else reportError(e, '保存失败')
    } finally {
      setSaving(false)
    }
  }

  const remove = async () => {
    if (!original) return
    const r = await Taro.showModal({
      title: '删除这个地址？',
      content: '删除后不能恢复',
      confirmText: '删除',
      confirmColor: '#fa2c19',
      cancelText: '取消',
    })
    if (!r.confirm) return
    try {
      await api.address.remove(original.id)
      toast('已删除', 'success')
      setTimeout(() => Taro.navigateBack(), 600)
    } catch (e) {
      reportError(e, '删除失败')
    }
  }

  if (!loaded) return <PageSkeleton className='address-page' />

  const err = (field: AddressField) =>
    errors[field] && <Text className={`address-error field-error-${field}`}>{errors[field]}</Text>
  const fieldClass = (field: AddressField) =>
    `address-field field-${field} ${errors[field] ? 'has-error' : ''}`

  return (
    <View className='address-page address-form safe-bottom' id='address-form'>
      <View className='address-section'>
        <View className={fieldClass('name')}>
          <View className='address-field__line'>
            <Text className='address-field__label'>收货人</Text>
            <Input
              className='address-name'
              value={form.name}
              placeholder='名字'
              maxLength={ADDRESS_LIMITS.nameMax}
              onChange={(v) => update({ name: v })}
            />
          </View>
          {err('name')}
        </View>
        <View className={fieldClass('phone')}>
          <View className='address-field__line'>
            <Text className='address-field__label'>手机号</Text>
            <Input
              className='address-phone'
              type='tel'
              value={form.phone}
              placeholder='11 位手机号'
              maxLength={13}
              onChange={(v) => update({ phone: v })}
            />
          </View>
          {err('phone')}
        </View>
        <View className={fieldClass('region')}>
          <View
            className='address-field__line'
            id='address-region'
            onClick={() => setRegionOpen(true)}
          >
            <Text className='address-field__label'>所在地区</Text>
            <Text
              className={`address-field__value ${form.region ? '' : 'address-field__value--empty'}`}
            >
              {form.region ? formatRegion(form.region) : '省、市、区'} ›
            </Text>
          </View>
          {err('region')}
        </View>
        <View className={fieldClass('detail')}>
          <View className='address-field__line address-field__line--top'>
            <Text className='address-field__label'>详细地址</Text>
            <TextArea
              className='address-detail'
              value={form.detail}
              placeholder='街道、小区、楼栋、门牌号'
              maxLength={ADDRESS_LIMITS.detailMax}
              autoSize
              onChange={(v) => update({ detail: v })}
            />
          </View>
          {err('detail')}
        </View>
        <View className={fieldClass('tag')}>
          <View className='address-field__line'>
            <Text className='address-field__label'>标签</Text>
            <View className='address-tags'>
              {ADDRESS_TAGS.map((t) => (
                <Text
                  key={t}
                  className={`address-tag-chip ${form.tag === t ? 'address-tag-chip--on' : ''}`}
                  id={`address-tag-${t}`}
                  onClick={() => update({ tag: form.tag === t ? null : t })}
                >
                  {t}
                </Text>
              ))}
            </View>
          </View>
          {err('tag')}
        </View>
      </View>

      <View className='address-section'>
        <View className='address-field__line'>
          <View className='address-default-text'>
            <Text className='address-field__label'>设为默认地址</Text>
            <Text className='muted address-default-hint'>下单邮寄时优先使用</Text>
          </View>
          <Switch
            id='address-default'
            checked={form.isDefault}
            disabled={original?.isDefault ?? false}
            onChange={(v) => update({ isDefault: v })}
          />
        </View>
      </View>
      <Text className='muted address-privacy'>
        姓名、手机号和详细地址加密保存，仅在你编辑和下单时显示完整内容。
      </Text>

      <View className='address-form__actions'>
        <Button block type='primary' id='address-save' loading={saving} onClick={save}>
          保存
        </Button>
        {original && (
          <Button block fill='outline' id='address-delete' onClick={remove}>
            删除地址
          </Button>
        )}
      </View>

      <Cascader
        className='address-cascader'
        visible={regionOpen}
        title='选择所在地区'
        options={REGION_OPTIONS}
        value={regionToPath(form.region)}
        closeable
        onClose={() => setRegionOpen(false)}
        onChange={(value) => {
          update({ region: regionFromPath(value as string[]) })
          setRegionOpen(false)
        }}
      />
    </View>
  )
}
