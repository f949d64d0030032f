import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CONDITIONS, TRADE_METHODS } from '@shared/domain/listing'
import type { SearchFilters } from '../../filters'

type MoreFilters = Pick<SearchFilters, 'kind' | 'conditions' | 'trade'>

export interface MorePanelProps {
  filters: MoreFilters
  onApply: (filters: MoreFilters) => void
}

const toggle = <T,>(list: T[], v: T) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v]

const KINDS = [
  { id: 'any', label: '不限' },
  { id: 'goods', label: '闲置物品' },
  { id: 'service', label: '本地服务' },
] as const

interface ChipRowProps<Id extends string> {
  title: string
  /** Each chip's class is `filter-<prefix>-<id>`. */
  prefix: string
  options: readonly { id: Id; label: string }[]
  isOn: (id: Id) => boolean
  onTap: (id: Id) => void
}

/** A titled row of chips, lit where `isOn`. */
function ChipRow<Id extends string>({ title, prefix, options, isOn, onTap }: ChipRowProps<Id>) {
  return (
    <>
      <Text className='search__panel-title'>{title}</Text>
      <View className='search__chips'>
        {options.map((o) => (
          <Text
            key={o.id}
            className={`search__chip filter-${prefix}-${o.id} ${isOn(o.id) ? 'is-active' : ''}`}
            onClick={() => onTap(o.id)}
          >
            {o.label}
          </Text>
        ))}
      </View>
    </>
  )
}

/** 筛选: kind, and for goods 成色 and 交易方式; applied with 确定. */
export function MorePanel({ filters, onApply }: MorePanelProps) {
  const [draft, setDraft] = useState<MoreFilters>({
    kind: filters.kind,
    conditions: filters.conditions,
    trade: filters.trade,
  })
  return (
    <View className='search__panel search__panel--form' id='panel-more'>
      <ChipRow
        title='类型'
        prefix='kind'
        options={KINDS}
        isOn={(id) => (draft.kind ?? 'any') === id}
        onTap={(id) => setDraft({ ...draft, kind: id === 'any' ? null : id })}
      />
      {draft.kind !== 'service' && (
        <>
          <ChipRow
            title='成色'
            prefix='condition'
            options={CONDITIONS}
            isOn={(id) => draft.conditions.includes(id)}
            onTap={(id) => setDraft({ ...draft, conditions: toggle(draft.conditions, id) })}
          />
          <ChipRow
            title='交易方式'
            prefix='trade'
            options={TRADE_METHODS}
            isOn={(id) => draft.trade.includes(id)}
            onTap={(id) => setDraft({ ...draft, trade: toggle(draft.trade, id) })}
          />
        </>
      )}
      <View className='search__panel-actions'>
        <Button
          id='filter-more-reset'
          fill='outline'
          onClick={() => setDraft({ kind: null, conditions: [], trade: [] })}
        >
          重置
        </Button>
        <Button id='filter-more-apply' type='primary' onClick={() => onApply(draft)}>
          确定
        </Button>
      </View>
    </View>
  )
}
