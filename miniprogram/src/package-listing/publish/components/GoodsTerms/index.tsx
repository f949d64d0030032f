import { Text } from '@tarojs/components'
import { Checkbox, Form, Radio } from '@nutui/nutui-react-taro'
import { CONDITIONS, TRADE_METHODS } from '@shared/domain/listing'
import type { PublishFieldProps } from '../../hooks/use-publish-form'
import { weightPlaceholder } from '../../weight-hint'
import { Chips, DigitField, Field } from '../Field'

/** 成色, 交易方式 and, when 邮寄 is offered, who pays the postage and the parcel weight. */
export function GoodsTerms({ values, rule, changed }: PublishFieldProps) {
  const shipping = (values.tradeMethods ?? []).includes('shipping')
  return (
    <>
      <Field name='condition' label='成色' rule={rule}>
        <Chips
          id='publish-condition'
          onChange={changed('condition')}
          options={CONDITIONS}
          prefix='condition'
        />
      </Field>
      <Form.Item
        className='field-trade'
        label='交易方式'
        name='tradeMethods'
        rules={[rule('tradeMethods')]}
      >
        <Checkbox.Group
          onChange={changed('tradeMethods')}
          direction='horizontal'
          className='publish__checks'
        >
          {TRADE_METHODS.map((t) => (
            <Checkbox
              key={t.id}
              value={t.id}
              id={`trade-${t.id}`}
              className={`trade-${t.id}`}
              label={t.label}
            />
          ))}
        </Checkbox.Group>
      </Form.Item>
      {shipping && (
        <Form.Item className='field-shipping' label='运费' name='shippingPayer'>
          <Chips onChange={changed('shippingPayer')}>
            <Radio value='seller' id='shipping-free' className='shipping-free'>
              包邮
            </Radio>
            <Radio value='buyer' id='shipping-buyer' className='shipping-buyer'>
              固定运费
            </Radio>
            <Radio value='quote' id='shipping-quote' className='shipping-quote'>
              买家按实际运费
            </Radio>
          </Chips>
        </Form.Item>
      )}
      {shipping && values.shippingPayer === 'buyer' && (
        <DigitField
          name='shippingFee'
          label='运费金额'
          id='shipping-fee'
          placeholder='¥ 买家支付的运费，最多 ¥200'
          rule={rule}
          changed={changed}
        />
      )}
      {shipping && (
        <DigitField
          name='weight'
          label='重量'
          id='publish-weight'
          placeholder={weightPlaceholder(values)}
          rule={rule}
          changed={changed}
        />
      )}
      {shipping && values.shippingPayer === 'quote' && (
        <Text className='publish__hint muted' id='publish-quote-hint'>
          下单时按买家地址查询快递价，取最低一家计入订单，运费随货款一起结算给你
        </Text>
      )}
    </>
  )
}
