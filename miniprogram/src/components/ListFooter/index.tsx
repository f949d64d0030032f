import { Text, View } from '@tarojs/components'
import type { PagedStatus } from '@/hooks/use-paged-list'

export interface ListFooterProps {
  status: PagedStatus
  end: boolean
  onRetry: () => void
  id?: string
}

/** Under a list: 加载中…, a retry after a failure, or 没有更多了. */
export function ListFooter({ status, end, onRetry, id }: ListFooterProps) {
  return (
    <View
      className='list-footer safe-bottom'
      id={id}
      style={{ textAlign: 'center', padding: '12px 0 24px', fontSize: '12px' }}
    >
      {status === 'loading-more' && <Text className='muted'>加载中…</Text>}
      {status === 'error' && (
        <Text className='muted' onClick={onRetry}>
          加载失败，点击重试
        </Text>
      )}
      {end && <Text className='muted'>没有更多了</Text>}
    </View>
  )
}
