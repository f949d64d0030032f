import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  CONDITIONS,
  type ConditionId,
  type ListingKind,
  TRADE_METHODS,
  type TradeMethod,
} from '@shared/domain/listing'
import type { SearchFilters } from '../../filters'

type MoreFilters = Pick<SearchFilters, 'kind' | 'conditions' | 'trade'>

export interface MorePanelProps {
  filters: MoreFilters
  onApply: (filters: MoreFilters) => void
}

const toggle = <T,>(list: T[], v: T) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v]

/** 筛选: kind, and for goods 成色 and 交易方式; applied with 确定. */
export function MorePanel({ filters, onApply }: MorePanelProps) {
  const [draft, setDraft] = useState<MoreFilters>({
    kind: filters.kind,
    conditions: filters.conditions,
    trade: filters.trade,
  })
  return (
    <View className='search__panel search__panel--form' id='panel-more'>
      <Text className='search__panel-title'>类型</Text>
      <View className='search__chips'>
        {([null, 'goods', 'service'] as (ListingKind | null)[]).map((k) => (
          <Text
            key={k ?? 'any'}
            className={`search__chip filter-kind-${k ?? 'any'} ${draft.kind === k ? 'is-active' : ''}`}
            onClick={() => setDraft({ ...draft, kind: k })}
          >
            {k === null ? '不限' : k === 'goods' ? '闲置物品' : '本地服务'}
          </Text>
        ))}
      </View>
      {draft.kind !== 'service' && (
        <>
          <Text className='search__panel-title'>成色</Text>
          <View className='search__chips'>
            {CONDITIONS.map((c) => (
              <Text
                key={c.id}
                className={`search__chip filter-condition-${c.id} ${draft.conditions.includes(c.id) ? 'is-active' : ''}`}
                onClick={() =>
                  setDraft({ ...draft, conditions: toggle<ConditionId>(draft.conditions, c.id) })
                }
              >
                {c.label}
              </Text>
            ))}
          </View>
          <Text className='search__panel-title'>交易方式</Text>
          <View className='search__chips'>
            {TRADE_METHODS.map((t) => (
              <Text
                key={t.id}
                className={`search__chip filter-trade-${t.id} ${draft.trade.includes(t.id) ? 'is-active' : ''}`}
                onClick={() =>
                  setDraft({ ...draft, trade: toggle<TradeMethod>(draft.trade, t.id) })
                }
              >
                {t.label}
              </Text>
            ))}
          </View>
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
