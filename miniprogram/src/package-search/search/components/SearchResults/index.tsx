import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ListingCard } from '@shared/contracts/listing.contract'
import type { SearchFallback } from '@shared/contracts/search.contract'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import type { PagedStatus } from '@/hooks/use-paged-list'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'

export interface SearchResultsProps {
  keyword: string
  results: {
    items: ListingCard[]
    status: PagedStatus
    loaded: boolean
    hasMore: boolean
    now: number
    /** What the server offers when the keyword found nothing. */
    fallback: SearchFallback | null
    reload: () => unknown
    loadMore: () => unknown
  }
  /** Whether any filter narrows the results (the empty state then offers 清除筛选). */
  filtered: boolean
  onClearFilters: () => void
  /** Searches the shorter keyword the server found listings for. */
  onKeyword: (keyword: string) => void
  /** Shows the nearest category's listings. */
  onCategory: (category: { id: string; label: string }) => void
}

/**
 * The results as a waterfall, or what to try when there are none: a shorter keyword and the
 * nearest category when the server found some, else 清除筛选 or a hint. The footer says when it
 * ends.
 */
export function SearchResults({
  keyword,
  results,
  filtered,
  onClearFilters,
  onKeyword,
  onCategory,
}: SearchResultsProps) {
  const empty = results.loaded && results.status !== 'error' && results.items.length === 0
  const fallback = empty ? results.fallback : null
  return (
    <>
      {empty ? (
        <>
          <EmptyState
            id='search-empty'
            title={`没有找到「${keyword}」相关的闲置`}
            description={
              fallback ? '看看这些' : filtered ? '放宽筛选条件试试' : '换个说法试试，比如品牌或型号'
            }
            action={filtered && !fallback ? { text: '清除筛选', onClick: onClearFilters } : null}
          />
          {fallback && (
            <View className='search__fallback' id='search-fallback'>
              {fallback.keyword && (
                <Text
                  className='search__fallback-item'
                  id='search-fallback-keyword'
                  onClick={() => onKeyword(fallback.keyword!)}
                >
                  搜「{fallback.keyword}」
                </Text>
              )}
              {fallback.category && (
                <Text
                  className='search__fallback-item'
                  id='search-fallback-category'
                  onClick={() => onCategory(fallback.category!)}
                >
                  逛逛「{fallback.category.label}」分类
                </Text>
              )}
              {filtered && (
                <Text className='search__fallback-item' onClick={onClearFilters}>
                  清除筛选
                </Text>
              )}
            </View>
          )}
        </>
      ) : (
        <View className='search__results'>
          <ListingWaterfall
            id='search-results'
            cards={results.items}
            now={results.now}
            loading={!results.loaded}
            onOpen={(c) => Taro.navigateTo({ url: Routes.detail(c.id) })}
          />
        </View>
      )}
      <View className='search__footer safe-bottom'>
        {results.status === 'loading-more' && <Text className='muted'>加载中…</Text>}
        {results.status === 'error' && (
          <Button
            size='small'
            onClick={() => (results.items.length ? results.loadMore() : results.reload())}
          >
            重试
          </Button>
        )}
        {results.loaded &&
          results.status === 'idle' &&
          !results.hasMore &&
          results.items.length > 0 && (
            <Text className='muted' id='search-end'>
              没有更多了
            </Text>
          )}
      </View>
    </>
  )
}
