import { useCallback, useEffect, useRef, useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import type { ListingCard } from '@shared/contracts/listing.contract'
import type { SearchFallback } from '@shared/contracts/search.contract'
import type { GeoPoint } from '@shared/domain/geo'
import { api } from '@/services'
import { usePagedList } from '@/hooks/use-paged-list'
import { reportError } from '@/utils/feedback'
import { type SearchFilters, toSearchQuery } from '../filters'

const PAGE_SIZE = 20

export interface SearchResultsQuery {
  keyword: string
  filters: SearchFilters
  city: string
  near: GeoPoint | null
  /** More at the bottom only while the results are on screen (not while typing). */
  showing: boolean
}

/**
 * Results for the submitted keyword and filters: first page on each change, more at the bottom,
 * and what the server offers when the keyword found nothing (a category, a shorter keyword).
 */
export const useSearchResults = ({ keyword, filters, city, near, showing }: SearchResultsQuery) => {
  const [now, setNow] = useState(() => Date.now())
  const [fallback, setFallback] = useState<SearchFallback | null>(null)
  // Only the latest first page may set the fallback: an older answer arriving late is dropped.
  const latest = useRef(0)
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const request = cursor ? latest.current : ++latest.current
      if (!cursor) setFallback(null)
      const page = await api.search.query(
        toSearchQuery(filters, { city, keyword, near, cursor, limit: PAGE_SIZE }),
      )
      if (!cursor && request === latest.current) setFallback(page.fallback)
      return page
    },
    [filters, city, keyword, near],
  )
  const results = usePagedList<ListingCard>(fetchPage)

  const { reload } = results
  useEffect(() => {
    if (!keyword) return
    setNow(Date.now())
    void reload()
  }, [reload, keyword])
  useEffect(() => {
    if (results.status === 'error') reportError(results.error, '搜索失败，请稍后重试')
  }, [results.status, results.error])
  useReachBottom(() => {
    if (showing && results.status === 'idle') void results.loadMore()
  })

  return { ...results, now, fallback }
}
