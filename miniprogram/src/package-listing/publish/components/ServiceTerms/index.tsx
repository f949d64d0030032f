import { TextArea } from '@nutui/nutui-react-taro'
import { LISTING_LIMITS, SERVICE_UNITS } from '@shared/domain/listing'
import type { PublishFieldProps } from '../../hooks/use-publish-form'
import { Chips, DigitField, Field } from '../Field'

const UNIT_CHIPS = SERVICE_UNITS.map((u) => ({ id: u.id, label: `按${u.label}` }))

/** A service's terms: how it is priced, how far the seller travels, what the buyer gets. */
export function ServiceTerms({ rule, changed }: PublishFieldProps) {
  return (
    <>
      <Field name='serviceUnit' label='计价单位' rule={rule}>
        <Chips onChange={changed('serviceUnit')} options={UNIT_CHIPS} prefix='unit' />
      </Field>
      <DigitField
        name='serviceRadius'
        label='服务范围'
        id='service-radius'
        placeholder={`离你多少公里内，最多 ${LISTING_LIMITS.serviceRadiusKmMax}`}
        rule={rule}
        changed={changed}
      />
      <Field name='serviceStandard' label='服务标准' rule={rule}>
        <TextArea
          id='service-standard'
          onChange={changed('serviceStandard')}
          placeholder='写清包含什么、时长、验收标准，如：每次 2 小时，课后反馈学习情况'
          maxLength={LISTING_LIMITS.deliveryStandardMax}
          showCount
          autoSize
        />
      </Field>
    </>
  )
}
