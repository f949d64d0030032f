import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ListingCard } from '@shared/contracts/listing.contract'
import { reportError } from '@/utils/feedback'
import { type Page, usePagedList } from './use-paged-list'

/**
 * A page whose body is a list of listing cards: first load whenever `fetchPage` changes, pull to
 * refresh, more at the bottom, errors as a Toast. `enabled` holds the first load back (e.g. until
 * the page knows whose listings to show).
 */
export const useListingPages = (
  fetchPage: (cursor: string | undefined) => Promise<Page<ListingCard>>,
  enabled = true,
) => {
  const list = usePagedList<ListingCard>(fetchPage)
  const [now, setNow] = useState(() => Date.now())

  const { reload } = list
  useEffect(() => {
    if (!enabled) return
    setNow(Date.now())
    void reload()
  }, [reload, enabled])
  useEffect(() => {
    if (list.status === 'error') reportError(list.error, '加载失败，请稍后重试')
  }, [list.status, list.error])
  usePullDownRefresh(async () => {
    setNow(Date.now())
    if (enabled) await list.reload('refreshing')
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (enabled && list.status === 'idle') void list.loadMore()
  })

  const empty = list.loaded && list.status !== 'error' && list.items.length === 0
  return { ...list, now, empty }
}
