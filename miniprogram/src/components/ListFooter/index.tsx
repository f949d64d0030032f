import { Text, View } from '@tarojs/components'
import type { PagedStatus } from '@/hooks/use-paged-list'

/** What the footer reads of a paged list (as usePagedList answers it). */
export interface FooterList {
  status: PagedStatus
  loaded: boolean
  hasMore: boolean
  items: unknown[]
  loadMore: () => unknown
  reload: () => unknown
}

export interface ListFooterProps {
  list: FooterList
  id?: string
}

/** Under a list: 加载中…, a retry after a failure (of the next page, or of the first), or 没有更多了. */
export function ListFooter({ list, id }: ListFooterProps) {
  const end = list.loaded && list.status === 'idle' && !list.hasMore && list.items.length > 0
  return (
    <View
      className='list-footer safe-bottom'
      id={id}
      style={{ textAlign: 'center', padding: '12px 0 24px', fontSize: '12px' }}
    >
      {list.status === 'loading-more' && <Text className='muted'>加载中…</Text>}
      {list.status === 'error' && (
        <Text
          className='muted'
          onClick={() => void (list.items.length ? list.loadMore() : list.reload())}
        >
          加载失败，点击重试
        </Text>
      )}
      {end && <Text className='muted'>没有更多了</Text>}
    </View>
  )
}
