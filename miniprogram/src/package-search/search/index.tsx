import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import { SEARCH_LIMITS } from '@shared/contracts/search.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { useCity } from '@/hooks/use-city'
import { toast } from '@/utils/feedback'
import { askViewerPoint, storedViewerPoint } from '@/utils/viewer-point'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import { CategoryPanel } from './components/CategoryPanel'
import { ComposePanel } from './components/ComposePanel'
import { FilterBar, type Panel } from './components/FilterBar'
import { MorePanel } from './components/MorePanel'
import { PricePanel } from './components/PricePanel'
import { SearchBox } from './components/SearchBox'
import { SearchResults } from './components/SearchResults'
import { SortPanel } from './components/SortPanel'
import { EMPTY_FILTERS, type SearchFilters, extraFilterCount } from './filters'
import { useHotKeywords } from './hooks/use-hot-keywords'
import { useSearchHistory } from './hooks/use-search-history'
import { useSearchResults } from './hooks/use-search-results'
import { useSuggestions } from './hooks/use-suggestions'
import './index.scss'

export default function SearchPage() {
  const { params } = useRouter()
  const [city] = useCity()
  const [input, setInput] = useState('')
  const [keyword, setKeyword] = useState('')
  const [composing, setComposing] = useState(true)
  const [filters, setFilters] = useState<SearchFilters>(EMPTY_FILTERS)
  const [panel, setPanel] = useState<Panel | null>(null)
  const [near, setNear] = useState<GeoPoint | null>(() => storedViewerPoint())
  const history = useSearchHistory()
  const hot = useHotKeywords(city)
  const suggest = useSuggestions(input, composing, city)
  const results = useSearchResults({ keyword, filters, city, near, showing: !composing })

  const submit = (text: string, patch: Partial<SearchFilters> = {}) => {
    const k = text.trim().slice(0, SEARCH_LIMITS.keywordMax)
    if (!k) return toast('请输入关键词')
    setInput(k)
    suggest.clear()
    setComposing(false)
    setPanel(null)
    if (Object.keys(patch).length) setFilters({ ...filters, ...patch })
    setKeyword(k)
    // The server records the search; show it in the history next time the box is opened.
    setTimeout(history.reload, 800)
  }

  useEffect(() => {
    const q = params.q ? decodeURIComponent(params.q) : ''
    if (q) submit(q)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a keyword in the page's query runs once when the page opens
  }, [])

  const type = (text: string) => {
    setInput(text)
    setComposing(true)
  }
  const openPanel = (p: Panel) => setPanel(panel === p ? null : p)
  const apply = (patch: Partial<SearchFilters>) => {
    setFilters({ ...filters, ...patch })
    setPanel(null)
  }
  const chooseSort = async (sort: SearchFilters['sort']) => {
    if (sort === 'distance' && !near) {
      const point = await askViewerPoint()
      if (!point) return toast('需要你的位置才能按距离排序')
      setNear(point)
    }
    apply({ sort })
  }

  const filtered =
    filters.category !== null ||
    filters.priceMin !== '' ||
    filters.priceMax !== '' ||
    extraFilterCount(filters) > 0

  return (
    <View className='search'>
      <SearchBox
        input={input}
        composing={composing}
        keyword={keyword}
        city={city}
        onType={type}
        onFocus={() => setComposing(true)}
        onSubmit={submit}
        onCancel={() => setComposing(false)}
      />

      {composing || !keyword ? (
        <ComposePanel
          input={input}
          suggestions={suggest.suggestions}
          history={history.history}
          hot={hot}
          city={city}
          onPick={submit}
          onClearHistory={() => void history.clear()}
        />
      ) : (
        <>
          <FilterBar filters={filters} open={panel} onOpen={openPanel} />
          {panel && (
            <View className='search__dropdown'>
              {panel === 'sort' && (
                <SortPanel sort={filters.sort} onChoose={(s) => void chooseSort(s)} />
              )}
              {panel === 'category' && (
                <CategoryPanel
                  category={filters.category}
                  onApply={(category) => apply({ category })}
                />
              )}
              {panel === 'price' && <PricePanel range={filters} onApply={apply} />}
              {panel === 'more' && <MorePanel filters={filters} onApply={apply} />}
              <View className='search__mask' onClick={() => setPanel(null)} />
            </View>
          )}
          <SearchResults
            keyword={keyword}
            results={results}
            filtered={filtered}
            onClearFilters={() => apply({ ...EMPTY_FILTERS, sort: filters.sort })}
            onKeyword={(k) => submit(k)}
            // The category's own name finds every listing filed there (its names are index terms).
            onCategory={(c) => submit(c.label, { category: c.id })}
          />
        </>
      )}
      <PrivacyConsent />
    </View>
  )
}
