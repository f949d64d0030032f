import { useEffect, useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { usePagedList, type Page } from './use-paged-list'
import { useSession } from './use-session'
import { goLogin, reportError } from '@/utils/feedback'

/**
 * A page that is one of the signed-in user's lists (orders, disputes, 异常任务): sign in first,
 * load once signed in, look again when the page shows again (an order may have moved meanwhile),
 * pull down to refresh, more at the bottom. With `failure`, a failed load also says so in a toast.
 */
export const useSignedInList = <T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  failure?: string,
) => {
  const { status } = useSession()
  const shown = useRef(false)
  const list = usePagedList(fetchPage)

  const { reload } = list
  useEffect(() => {
    if (status === 'signed-out') goLogin()
    if (status === 'signed-in') void reload()
  }, [status, reload])
  useDidShow(() => {
    if (shown.current && status === 'signed-in') void list.reload('refreshing')
    shown.current = true
  })
  usePullDownRefresh(() => {
    void list.reload('refreshing').finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())
  useEffect(() => {
    if (failure && list.status === 'error') reportError(list.error, failure)
  }, [failure, list.status, list.error])
  return list
}
