import { ScrollView, Text, View } from '@tarojs/components'
import './tab-row.scss'

export interface TabRowItem {
  id: string
  label: string
  /** A small count or dot after the label. */
  badge?: string
}

export interface TabRowProps {
  items: TabRowItem[]
  value: string
  onChange: (id: string) => void
  /** Each tab gets id `${idPrefix}${item.id}` when given. */
  idPrefix?: string
  variant?: 'tabs' | 'chips'
  id?: string
  className?: string
}

/**
 * A light row of tabs or chips that scrolls sideways. NutUI's Tabs would bring panes and
 * animation code into the main package for what is a row of words.
 */
export function TabRow({
  items,
  value,
  onChange,
  idPrefix,
  variant = 'tabs',
  id,
  className = '',
}: TabRowProps) {
  return (
    <ScrollView
      scrollX
      className={`tab-row tab-row--${variant} ${className}`}
      id={id}
      enhanced
      showScrollbar={false}
    >
      <View className='tab-row__inner'>
        {items.map((item) => (
          <View
            key={item.id}
            id={idPrefix ? `${idPrefix}${item.id.replace(/\./g, '-')}` : undefined}
            className={`tab-row__item ${item.id === value ? 'is-active' : ''}`}
            onClick={() => item.id !== value && onChange(item.id)}
          >
            <Text>{item.label}</Text>
            {item.badge ? <Text className='tab-row__badge'>{item.badge}</Text> : null}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
