import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button, Empty } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import type { ListingCard } from '@shared/contracts/listing.contract'
import { SEARCH_LIMITS } from '@shared/contracts/search.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { CATEGORIES, CONDITIONS, type ConditionId, type ListingKind, TRADE_METHODS, type TradeMethod } from '@shared/domain/listing'
import { api } from '@/services'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { useCity } from '@/hooks/use-city'
import { usePagedList } from '@/hooks/use-paged-list'
import { useSession } from '@/hooks/use-session'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { askViewerPoint, storedViewerPoint } from '@/utils/viewer-point'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import emptyImage from '@/assets/empty.png'
import {
  EMPTY_FILTERS,
  SORT_OPTIONS,
  type SearchFilters,
  categoryFilterLabel,
  extraFilterCount,
  priceLabel,
  priceRangeError,
  sortLabel,
  toSearchQuery,
  topOf,
} from './filters'
import './index.scss'

const PAGE_SIZE = 20
const SUGGEST_DELAY_MS = 250
type Panel = 'sort' | 'category' | 'price' | 'more' | null

const QUICK_PRICES = [
  { label: '¥50以下', min: '', max: '50' },
  { label: '¥50-200', min: '50', max: '200' },
  { label: '¥200-500', min: '200', max: '500' },
  { label: '¥500-1000', min: '500', max: '1000' },
  { label: '¥1000以上', min: '1000', max: '' },
]
const dash = (id: string) => id.replace(/\./g, '-')

export default function SearchPage() {
  const { params } = useRouter()
  const [city] = useCity()
  const { status } = useSession()
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')
  const [composing, setComposing] = useState(true)
  const [suggestions, setSuggestions] = useState<string[]>([])
  const [history, setHistory] = useState<string[]>([])
  const [hot, setHot] = useState<string[]>([])
  const [filters, setFilters] = useState<SearchFilters>(EMPTY_FILTERS)
  const [panel, setPanel] = useState<Panel>(null)
  const [draft, setDraft] = useState<SearchFilters>(EMPTY_FILTERS)
  const [near, setNear] = useState<GeoPoint | null>(() => storedViewerPoint())
  const [categoryTop, setCategoryTop] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.search.query(toSearchQuery(filters, { city, keyword, near, cursor, limit: PAGE_SIZE })),
    [filters, city, keyword, near],
  )
  const results = usePagedList<ListingCard>(fetchPage)

  useEffect(() => {
    if (!keyword) return
    setNow(Date.now())
    void results.reload()
  }, [results.reload, keyword])
  useEffect(() => {
    if (results.status === 'error') reportError(results.error, '搜索失败，请稍后重试')
  }, [results.status, results.error])
  useReachBottom(() => {
    if (!composing && results.status === 'idle') void results.loadMore()
  })

  const loadHistory = useCallback(() => {
    if (status !== 'signed-in') return setHistory([])
    api.search
      .history()
      .then((r) => setHistory(r.keywords))
      .catch(() => setHistory([]))
  }, [status])
  useEffect(loadHistory, [loadHistory])
  useEffect(() => {
    api.search
      .hot({ city })
      .then((r) => setHot(r.keywords))
      .catch(() => setHot([]))
  }, [city])

  // Suggestions follow the typing, a beat behind it; an answer for older text is dropped.
  const typed = useRef('')
  useEffect(() => {
    const prefix = input.trim()
    typed.current = prefix
    if (!composing || !prefix) return setSuggestions([])
    const timer = setTimeout(() => {
      api.search
        .suggest({ prefix, city })
        .then((r) => {
          if (typed.current === prefix) setSuggestions(r.suggestions.slice(0, 10))
        })
        .catch(() => undefined)
    }, SUGGEST_DELAY_MS)
    return () => clearTimeout(timer)
  }, [input, composing, city])

  const submit = (text: string) => {
    const k = text.trim().slice(0, SEARCH_LIMITS.keywordMax)
    if (!k) return toast('请输入关键词')
    setInput(k)
    setSuggestions([])
    setComposing(false)
    setPanel(null)
    setKeyword(k)
    // The server records the search; show it in the history next time the box is opened.
    setTimeout(loadHistory, 800)
  }

  useEffect(() => {
    const q = params.q ? decodeURIComponent(params.q) : ''
    if (q) submit(q)
  }, [])

  const clearHistory = async () => {
    const r = await Taro.showModal({ title: '清空搜索历史？', confirmText: '清空', confirmColor: '#ff4d2e' })
    if (!r.confirm) return
    try {
      await api.search.clearHistory()
      setHistory([])
    } catch (e) {
      reportError(e, '清空失败')
    }
  }

  const openPanel = (p: Exclude<Panel, null>) => {
    if (panel === p) return setPanel(null)
    setDraft(filters)
    if (p === 'category') setCategoryTop(topOf(filters.category) ?? CATEGORIES[0].id)
    setPanel(p)
  }
  const apply = (next: SearchFilters) => {
    setFilters(next)
    setPanel(null)
  }

  const chooseSort = async (sort: SearchFilters['sort']) => {
    if (sort === 'distance' && !near) {
      const point = await askViewerPoint()
      if (!point) return toast('需要你的位置才能按距离排序')
      setNear(point)
    }
    apply({ ...filters, sort })
  }

  const applyPrice = () => {
    const err = priceRangeError(draft.priceMin, draft.priceMax)
    if (err) return toast(err)
    apply({ ...filters, priceMin: draft.priceMin.trim(), priceMax: draft.priceMax.trim() })
  }

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  const filtered =
    filters.category !== null || filters.priceMin !== '' || filters.priceMax !== '' || extraFilterCount(filters) > 0

  const renderCompose = () => {
    if (input.trim() && suggestions.length > 0)
      return (
        <View className='search__suggestions' id='search-suggestions'>
          {suggestions.map((s) => (
            <View key={s} className='search-suggestion' onClick={() => submit(s)}>
              <Text className='search-suggestion__icon'>⌕</Text>
              <Text>{s}</Text>
            </View>
          ))}
        </View>
      )
    return (
      <View className='search__compose'>
        {history.length > 0 && (
          <View className='search__block' id='search-history'>
            <View className='search__block-head'>
              <Text className='search__block-title'>历史搜索</Text>
              <Text className='search__block-action' id='search-history-clear' onClick={clearHistory}>
                清空
              </Text>
            </View>
            <View className='search__words'>
              {history.map((k) => (
                <Text key={k} className='search__word search-history-item' onClick={() => submit(k)}>
                  {k}
                </Text>
              ))}
            </View>
          </View>
        )}
        <View className='search__block' id='search-hot'>
          <View className='search__block-head'>
            <Text className='search__block-title'>{city}热搜</Text>
          </View>
          {hot.length === 0 ? (
            <Text className='muted search__none'>暂时没有热搜，试试「耳机」「自行车」「书桌」</Text>
          ) : (
            <View className='search__hot-list'>
              {hot.slice(0, 10).map((k, i) => (
                <View key={k} className='search__hot search-hot-item' onClick={() => submit(k)}>
                  <Text className={`search__hot-rank ${i < 3 ? 'is-top' : ''}`}>{i + 1}</Text>
                  <Text className='search__hot-word'>{k}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      </View>
    )
  }

  const renderPanel = () => {
    switch (panel) {
      case 'sort':
        return (
          <View className='search__panel' id='panel-sort'>
            {SORT_OPTIONS.map((o) => (
              <View
                key={o.id}
                className={`search__option sort-${o.id} ${filters.sort === o.id ? 'is-active' : ''}`}
                onClick={() => void chooseSort(o.id)}
              >
                <Text>{o.label}</Text>
                {filters.sort === o.id && <Text>✓</Text>}
              </View>
            ))}
          </View>
        )
      case 'category': {
        const top = CATEGORIES.find((c) => c.id === categoryTop) ?? CATEGORIES[0]
        return (
          <View className='search__panel search__panel--category' id='panel-category'>
            <View className='search__tops'>
              <View
                className={`search__top filter-top-all ${filters.category === null ? 'is-active' : ''}`}
                onClick={() => apply({ ...filters, category: null })}
              >
                <Text>不限</Text>
              </View>
              {CATEGORIES.map((c) => (
                <View
                  key={c.id}
                  className={`search__top filter-top-${c.id} ${top.id === c.id ? 'is-active' : ''}`}
                  onClick={() => setCategoryTop(c.id)}
                >
                  <Text>{c.label}</Text>
                </View>
              ))}
            </View>
            <View className='search__leaves'>
              <View
                className={`search__option filter-leaf-${top.id} ${filters.category === top.id ? 'is-active' : ''}`}
                onClick={() => apply({ ...filters, category: top.id })}
              >
                <Text>全部{top.label}</Text>
              </View>
              {top.children.map((s) => (
                <View
                  key={s.id}
                  className={`search__option filter-leaf-${dash(s.id)} ${filters.category === s.id ? 'is-active' : ''}`}
                  onClick={() => apply({ ...filters, category: s.id })}
                >
                  <Text>{s.label}</Text>
                </View>
              ))}
            </View>
          </View>
        )
      }
      case 'price':
        return (
          <View className='search__panel search__panel--form' id='panel-price'>
            <View className='search__price-inputs'>
              <Input
                id='price-min'
                className='search__price-input'
                type='digit'
                placeholder='最低价'
                value={draft.priceMin}
                onInput={(e) => setDraft({ ...draft, priceMin: e.detail.value })}
              />
              <Text className='muted'>—</Text>
              <Input
                id='price-max'
                className='search__price-input'
                type='digit'
                placeholder='最高价'
                value={draft.priceMax}
                onInput={(e) => setDraft({ ...draft, priceMax: e.detail.value })}
              />
            </View>
            <View className='search__chips'>
              {QUICK_PRICES.map((p) => (
                <Text
                  key={p.label}
                  className={`search__chip ${draft.priceMin === p.min && draft.priceMax === p.max ? 'is-active' : ''}`}
                  onClick={() => setDraft({ ...draft, priceMin: p.min, priceMax: p.max })}
                >
                  {p.label}
                </Text>
              ))}
            </View>
            <View className='search__panel-actions'>
              <Button id='filter-reset' fill='outline' onClick={() => setDraft({ ...draft, priceMin: '', priceMax: '' })}>
                重置
              </Button>
              <Button id='filter-apply' type='primary' onClick={applyPrice}>
                确定
              </Button>
            </View>
          </View>
        )
      case 'more':
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
                      onClick={() => setDraft({ ...draft, conditions: toggle<ConditionId>(draft.conditions, c.id) })}
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
                      onClick={() => setDraft({ ...draft, trade: toggle<TradeMethod>(draft.trade, t.id) })}
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
                onClick={() => setDraft({ ...draft, kind: null, conditions: [], trade: [] })}
              >
                重置
              </Button>
              <Button
                id='filter-more-apply'
                type='primary'
                onClick={() => apply({ ...filters, kind: draft.kind, conditions: draft.conditions, trade: draft.trade })}
              >
                确定
              </Button>
            </View>
          </View>
        )
      default:
        return null
    }
  }

  const extra = extraFilterCount(filters)
  const empty = results.loaded && results.status !== 'error' && results.items.length === 0

  return (
    <View className='search'>
      <View className='search__top'>
        <View className='search__box'>
          <Text className='search__box-icon'>⌕</Text>
          <Input
            id='search-input'
            className='search__input'
            value={input}
            focus={composing}
            confirmType='search'
            maxlength={SEARCH_LIMITS.keywordMax}
            placeholder={`在${city}搜索闲置好物`}
            onInput={(e) => {
              setInput(e.detail.value)
              setComposing(true)
            }}
            onFocus={() => setComposing(true)}
            onConfirm={(e) => submit(e.detail.value)}
          />
          {input && (
            <Text
              className='search__box-clear'
              id='search-clear'
              onClick={() => {
                setInput('')
                setComposing(true)
              }}
            >
              ×
            </Text>
          )}
        </View>
        {composing && keyword && input === keyword ? (
          <Text className='search__cancel' onClick={() => setComposing(false)}>
            取消
          </Text>
        ) : (
          <Text className='search__submit' id='search-submit' onClick={() => submit(input)}>
            搜索
          </Text>
        )}
      </View>

      {composing || !keyword ? (
        renderCompose()
      ) : (
        <>
          <View className='search__bar' id='filter-bar'>
            <View
              id='filter-sort'
              className={`search__bar-item ${panel === 'sort' ? 'is-open' : ''} ${filters.sort !== 'relevance' ? 'is-set' : ''}`}
              onClick={() => openPanel('sort')}
            >
              <Text>{sortLabel(filters.sort)}</Text>
              <Text className='search__caret'>▾</Text>
            </View>
            <View
              id='filter-category'
              className={`search__bar-item ${panel === 'category' ? 'is-open' : ''} ${filters.category ? 'is-set' : ''}`}
              onClick={() => openPanel('category')}
            >
              <Text className='search__bar-text'>{categoryFilterLabel(filters.category)}</Text>
              <Text className='search__caret'>▾</Text>
            </View>
            <View
              id='filter-price'
              className={`search__bar-item ${panel === 'price' ? 'is-open' : ''} ${filters.priceMin || filters.priceMax ? 'is-set' : ''}`}
              onClick={() => openPanel('price')}
            >
              <Text className='search__bar-text'>{priceLabel(filters)}</Text>
              <Text className='search__caret'>▾</Text>
            </View>
            <View
              id='filter-more'
              className={`search__bar-item ${panel === 'more' ? 'is-open' : ''} ${extra ? 'is-set' : ''}`}
              onClick={() => openPanel('more')}
            >
              <Text>筛选{extra ? `(${extra})` : ''}</Text>
              <Text className='search__caret'>▾</Text>
            </View>
          </View>
          {panel && (
            <View className='search__dropdown'>
              {renderPanel()}
              <View className='search__mask' onClick={() => setPanel(null)} />
            </View>
          )}

          {empty ? (
            <Empty
              id='search-empty'
              image={emptyImage}
              title={`没有找到「${keyword}」相关的闲置`}
              description={filtered ? '放宽筛选条件试试' : '换个说法试试，比如品牌或型号'}
              actions={filtered ? [{ text: '清除筛选', type: 'primary', onClick: () => apply({ ...EMPTY_FILTERS, sort: filters.sort }) }] : []}
            />
          ) : (
            <View className='search__results'>
              <ListingWaterfall
                id='search-results'
                cards={results.items}
                now={now}
                loading={!results.loaded}
                onOpen={(c) => Taro.navigateTo({ url: Routes.detail(c.id) })}
              />
            </View>
          )}
          <View className='search__footer safe-bottom'>
            {results.status === 'loading-more' && <Text className='muted'>加载中…</Text>}
            {results.status === 'error' && (
              <Button size='small' onClick={() => (results.items.length ? results.loadMore() : results.reload())}>
                重试
              </Button>
            )}
            {results.loaded && results.status === 'idle' && !results.hasMore && results.items.length > 0 && (
              <Text className='muted' id='search-end'>
                没有更多了
              </Text>
            )}
          </View>
        </>
      )}
      <PrivacyConsent />
    </View>
  )
}
