import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { toast } from '@/utils/feedback'
import { priceRangeError, type SearchFilters } from '../../filters'

type PriceRange = Pick<SearchFilters, 'priceMin' | 'priceMax'>

export interface PricePanelProps {
  range: PriceRange
  onApply: (range: PriceRange) => void
}

const QUICK_PRICES = [
  { label: '¥50以下', min: '', max: '50' },
  { label: '¥50-200', min: '50', max: '200' },
  { label: '¥200-500', min: '200', max: '500' },
  { label: '¥500-1000', min: '500', max: '1000' },
  { label: '¥1000以上', min: '1000', max: '' },
]

/** 价格: a typed range or a quick one, applied with 确定 once it reads as a range. */
export function PricePanel({ range, onApply }: PricePanelProps) {
  const [draft, setDraft] = useState<PriceRange>(range)
  const apply = () => {
    const err = priceRangeError(draft.priceMin, draft.priceMax)
    if (err) return toast(err)
    onApply({ priceMin: draft.priceMin.trim(), priceMax: draft.priceMax.trim() })
  }
  const bound = (key: 'priceMin' | 'priceMax', id: string, placeholder: string) => (
    <Input
      id={id}
      className='search__price-input'
      type='digit'
      placeholder={placeholder}
      value={draft[key]}
      onInput={(e) => setDraft({ ...draft, [key]: e.detail.value })}
    />
  )
  return (
    <View className='search__panel search__panel--form' id='panel-price'>
      <View className='search__price-inputs'>
        {bound('priceMin', 'price-min', '最低价')}
        <Text className='muted'>—</Text>
        {bound('priceMax', 'price-max', '最高价')}
      </View>
      <View className='search__chips'>
        {QUICK_PRICES.map((p) => (
          <Text
            key={p.label}
            className={`search__chip ${draft.priceMin === p.min && draft.priceMax === p.max ? 'is-active' : ''}`}
            onClick={() => setDraft({ priceMin: p.min, priceMax: p.max })}
          >
            {p.label}
          </Text>
        ))}
      </View>
      <View className='search__panel-actions'>
        <Button
          id='filter-reset'
          fill='outline'
          onClick={() => setDraft({ priceMin: '', priceMax: '' })}
        >
          重置
        </Button>
        <Button id='filter-apply' type='primary' onClick={apply}>
          确定
        </Button>
      </View>
    </View>
  )
}
