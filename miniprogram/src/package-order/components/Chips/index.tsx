import { Text, View } from '@tarojs/components'
import './chips.scss'

export interface ChipsProps {
  options: readonly { id: string; label: string; sub?: string }[]
  value: string | null
  onChange: (id: string) => void
  id?: string
}

/** A few choices as pill buttons (fulfilment, refund type): lighter than NutUI's Radio group. */
export function Chips({ options, value, onChange, id }: ChipsProps) {
  return (
    <View className='order-chips' id={id}>
      {options.map((o) => (
        <View
          key={o.id}
          id={id ? `${id}-${o.id}` : undefined}
          className={`order-chip ${o.id === value ? 'is-active' : ''}`}
          onClick={() => onChange(o.id)}
        >
          <Text>{o.label}</Text>
          {o.sub ? <Text className='order-chip__sub'>{o.sub}</Text> : null}
        </View>
      ))}
    </View>
  )
}
