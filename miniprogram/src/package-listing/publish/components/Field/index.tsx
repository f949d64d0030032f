import type { ReactNode } from 'react'
import { Form, Input, Radio } from '@nutui/nutui-react-taro'
import type { PublishFields } from '../../draft'
import type { PublishFieldProps } from '../../hooks/use-publish-form'

export interface FieldProps {
  name: string
  label: string
  rule: PublishFieldProps['rule']
  children: ReactNode
}

/** A form row named after its field: class `field-<name>` (the journeys find it by it) and its rule. */
export function Field({ name, label, rule, children }: FieldProps) {
  return (
    <Form.Item className={`field-${name}`} label={label} name={name} rules={[rule(name)]}>
      {children}
    </Form.Item>
  )
}

export interface DigitFieldProps extends Pick<PublishFieldProps, 'rule' | 'changed'> {
  name: keyof PublishFields
  label: string
  id: string
  placeholder: string
}

/** A row with a number pad input: prices in yuan, kilometres, kilograms. */
export function DigitField({ name, label, id, placeholder, rule, changed }: DigitFieldProps) {
  return (
    <Field name={name} label={label} rule={rule}>
      <Input id={id} onChange={changed(name)} type='digit' placeholder={placeholder} />
    </Field>
  )
}

export interface ChipsProps {
  id?: string
  /** Set by the Form.Item around it, like onChange. */
  value?: string | number
  onChange: (value: string | number) => void
  /** One chip per option, with class `<prefix>-<id>` (dots in the id become dashes). */
  options?: readonly { id: string; label: string }[]
  prefix?: string
  /** Chips written out by hand, for options that are not a list. */
  children?: ReactNode
}

/** Pick one, as a row of chip buttons. */
export function Chips({ id, value, onChange, options = [], prefix, children }: ChipsProps) {
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={onChange}
      shape='button'
      direction='horizontal'
      className='publish__chips'
    >
      {options.map((o) => (
        <Radio key={o.id} value={o.id} className={`${prefix}-${o.id.replace(/\./g, '-')}`}>
          {o.label}
        </Radio>
      ))}
      {children}
    </Radio.Group>
  )
}
