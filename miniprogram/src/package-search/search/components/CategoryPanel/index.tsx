import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CATEGORIES } from '@shared/domain/listing'
import { topOf } from '../../filters'

export interface CategoryPanelProps {
  /** The category filtered on (a top category or a leaf), or null for any. */
  category: string | null
  onApply: (category: string | null) => void
}

const dash = (id: string) => id.replace(/\./g, '-')

/** 分类: top categories on the left, their leaves on the right; it opens on the current one. */
export function CategoryPanel({ category, onApply }: CategoryPanelProps) {
  const [topId, setTopId] = useState(() => topOf(category) ?? CATEGORIES[0].id)
  const top = CATEGORIES.find((c) => c.id === topId) ?? CATEGORIES[0]
  return (
    <View className='search__panel search__panel--category' id='panel-category'>
      <View className='search__tops'>
        <View
          className={`search__top filter-top-all ${category === null ? 'is-active' : ''}`}
          onClick={() => onApply(null)}
        >
          <Text>不限</Text>
        </View>
        {CATEGORIES.map((c) => (
          <View
            key={c.id}
            className={`search__top filter-top-${c.id} ${top.id === c.id ? 'is-active' : ''}`}
            onClick={() => setTopId(c.id)}
          >
            <Text>{c.label}</Text>
          </View>
        ))}
      </View>
      <View className='search__leaves'>
        <View
          className={`search__option filter-leaf-${top.id} ${category === top.id ? 'is-active' : ''}`}
          onClick={() => onApply(top.id)}
        >
          <Text>全部{top.label}</Text>
        </View>
        {top.children.map((s) => (
          <View
            key={s.id}
            className={`search__option filter-leaf-${dash(s.id)} ${category === s.id ? 'is-active' : ''}`}
            onClick={() => onApply(s.id)}
          >
            <Text>{s.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
