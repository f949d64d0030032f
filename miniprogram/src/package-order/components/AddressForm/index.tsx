import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import type { ShippingAddress } from '@shared/contracts/order.contract'
import type { CheckoutProblem } from '../../confirm/checkout'

const FIELDS: { name: keyof ShippingAddress; label: string; placeholder: string; type?: 'tel'; maxLength: number }[] = [
  { name: 'name', label: '收货人', placeholder: '姓名', maxLength: 20 },
  { name: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'tel', maxLength: 11 },
  { name: 'region', label: '所在地区', placeholder: '省 市 区，如：浙江省 杭州市 西湖区', maxLength: 40 },
  { name: 'detail', label: '详细地址', placeholder: '街道、小区、楼栋门牌', maxLength: 80 },
]

export interface AddressFormProps {
  value: Partial<ShippingAddress>
  errors: CheckoutProblem['fields']
  onChange: (field: keyof ShippingAddress, value: string) => void
  /** Opens the address book to fill the form from a saved address. */
  onPick?: () => void
}

/** The courier address at checkout; messages come from the contract's schema or the server. */
export function AddressForm({ value, errors, onChange, onPick }: AddressFormProps) {
  return (
    <View className='order-section confirm-address' id='confirm-address'>
      <View className='confirm-address__head'>
        <Text className='order-section__heading'>收货地址</Text>
        {onPick && (
          <Text className='confirm-address__pick' id='confirm-pick-address' onClick={onPick}>
            从地址簿选择 ›
          </Text>
        )}
      </View>
      {errors.address && <Text className='confirm__error field-error-address'>{errors.address}</Text>}
      {FIELDS.map((f) => (
        <View key={f.name} className={`confirm-address__field field-${f.name} ${errors[f.name] ? 'has-error' : ''}`}>
          <View className='confirm-address__line'>
            <Text className='confirm-address__label'>{f.label}</Text>
            <Input
              className={`address-${f.name}`}
              value={value[f.name] ?? ''}
              type={f.type ?? 'text'}
              placeholder={f.placeholder}
              maxLength={f.maxLength}
              onChange={(v) => onChange(f.name, v)}
            />
          </View>
          {errors[f.name] && <Text className={`confirm__error field-error-${f.name}`}>{errors[f.name]}</Text>}
        </View>
      ))}
    </View>
  )
}
