import { useEffect, useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/** How often a shown page asks again for what others change (unread counts, the chat list). */
export const LIVE_REFRESH_MS = 15_000

/**
 * Runs `run` every `everyMs` while the page is on screen: a tab page stays mounted when another
 * tab shows, and a hidden page should not keep asking the server.
 */
export const useWhileShown = (run: () => void, everyMs: number) => {
  const latest = useRef(run)
  latest.current = run
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const stop = () => {
    if (timer.current !== null) clearInterval(timer.current)
    timer.current = null
  }
  const start = () => {
    stop()
    timer.current = setInterval(() => latest.current(), everyMs)
  }
  useEffect(() => {
    start()
    return stop
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer per interval; run is read fresh
  }, [everyMs])
  useDidShow(start)
  useDidHide(stop)
}
