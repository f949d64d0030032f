import { Text, View } from '@tarojs/components'
import {
  type SearchFilters,
  categoryFilterLabel,
  extraFilterCount,
  priceLabel,
  sortLabel,
} from '../../filters'

export type Panel = 'sort' | 'category' | 'price' | 'more'

export interface FilterBarProps {
  filters: SearchFilters
  open: Panel | null
  onOpen: (panel: Panel) => void
}

/** The row over the results: 排序, 分类, 价格, 筛选; a set filter is marked. */
export function FilterBar({ filters, open, onOpen }: FilterBarProps) {
  const extra = extraFilterCount(filters)
  const item = (panel: Panel, set: boolean, label: string, textClass?: string) => (
    <View
      id={`filter-${panel}`}
      className={`search__bar-item ${open === panel ? 'is-open' : ''} ${set ? 'is-set' : ''}`}
      onClick={() => onOpen(panel)}
    >
      <Text className={textClass}>{label}</Text>
      <Text className='search__caret'>▾</Text>
    </View>
  )
  return (
    <View className='search__bar' id='filter-bar'>
      {item('sort', filters.sort !== 'relevance', sortLabel(filters.sort))}
      {item(
        'category',
        Boolean(filters.category),
        categoryFilterLabel(filters.category),
        'search__bar-text',
      )}
      {item(
        'price',
        Boolean(filters.priceMin || filters.priceMax),
        priceLabel(filters),
        'search__bar-text',
      )}
      {item('more', extra > 0, `筛选${extra ? `(${extra})` : ''}`)}
    </View>
  )
}
