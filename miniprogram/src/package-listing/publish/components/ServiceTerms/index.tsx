import { Form, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { LISTING_LIMITS, SERVICE_UNITS } from '@shared/domain/listing'
import type { PublishFieldProps } from '../../hooks/use-publish-form'

/** A service's terms: how it is priced, how far the seller travels, what the buyer gets. */
export function ServiceTerms({ rule, changed }: PublishFieldProps) {
  return (
    <>
      <Form.Item
        className='field-serviceUnit'
        label='计价单位'
        name='serviceUnit'
        rules={[rule('serviceUnit')]}
      >
        <Radio.Group
          onChange={changed('serviceUnit')}
          shape='button'
          direction='horizontal'
          className='publish__chips'
        >
          {SERVICE_UNITS.map((u) => (
            <Radio key={u.id} value={u.id} className={`unit-${u.id}`}>
              按{u.label}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        className='field-serviceRadius'
        label='服务范围'
        name='serviceRadius'
        rules={[rule('serviceRadius')]}
      >
        <Input
          id='service-radius'
          onChange={changed('serviceRadius')}
          type='digit'
          placeholder={`离你多少公里内，最多 ${LISTING_LIMITS.serviceRadiusKmMax}`}
        />
      </Form.Item>
      <Form.Item
        className='field-serviceStandard'
        label='服务标准'
        name='serviceStandard'
        rules={[rule('serviceStandard')]}
      >
        <TextArea
          id='service-standard'
          onChange={changed('serviceStandard')}
          placeholder='写清包含什么、时长、验收标准，如：每次 2 小时，课后反馈学习情况'
          maxLength={LISTING_LIMITS.deliveryStandardMax}
          showCount
          autoSize
        />
      </Form.Item>
    </>
  )
}
