import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { api } from '@/services'
import { useSession } from '@/hooks/use-session'
import { reportError } from '@/utils/feedback'

/** The signed-in user's recent searches (none when signed out), with 清空 behind a confirmation. */
export const useSearchHistory = () => {
  const { status } = useSession()
  const [history, setHistory] = useState<string[]>([])

  const reload = useCallback(() => {
    if (status !== 'signed-in') return setHistory([])
    api.search
      .history()
      .then((r) => setHistory(r.keywords))
      .catch(() => setHistory([]))
  }, [status])
  useEffect(reload, [reload])

  const clear = async () => {
    const r = await Taro.showModal({
      title: '清空搜索历史？',
      confirmText: '清空',
      confirmColor: '#ff4d2e',
    })
    if (!r.confirm) return
    try {
      await api.search.clearHistory()
      setHistory([])
    } catch (e) {
      reportError(e, '清空失败')
    }
  }

  return { history, reload, clear }
}
