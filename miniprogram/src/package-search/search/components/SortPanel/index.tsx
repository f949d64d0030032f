import { Text, View } from '@tarojs/components'
import { SORT_OPTIONS, type SearchFilters } from '../../filters'

export interface SortPanelProps {
  sort: SearchFilters['sort']
  onChoose: (sort: SearchFilters['sort']) => void
}

/** 排序: one tap applies. */
export function SortPanel({ sort, onChoose }: SortPanelProps) {
  return (
    <View className='search__panel' id='panel-sort'>
      {SORT_OPTIONS.map((o) => (
        <View
          key={o.id}
          className={`search__option sort-${o.id} ${sort === o.id ? 'is-active' : ''}`}
          onClick={() => onChoose(o.id)}
        >
          <Text>{o.label}</Text>
          {sort === o.id && <Text>✓</Text>}
        </View>
      ))}
    </View>
  )
}
