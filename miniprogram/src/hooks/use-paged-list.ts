import { useCallback, useRef, useState } from 'react'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export type PagedStatus = 'idle' | 'loading' | 'refreshing' | 'loading-more' | 'error'

/**
 * Cursor pagination for a list page: first load, refresh and load-more. Answers that arrive after
 * a newer request started (a city switch, a refresh) are dropped, so pages never mix.
 */
export const usePagedList = <T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
) => {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [status, setStatus] = useState<PagedStatus>('idle')
  const [error, setError] = useState<unknown>(null)
  const [loaded, setLoaded] = useState(false)
  const generation = useRef(0)
  const busy = useRef(false)

  const reload = useCallback(
    async (mode: 'loading' | 'refreshing' = 'loading') => {
      const gen = ++generation.current
      busy.current = true
      setStatus(mode)
      if (mode === 'loading') {
        setItems([])
        setLoaded(false)
      }
      try {
        const page = await fetchPage(undefined)
        if (gen !== generation.current) return
        setItems(page.items)
        setCursor(page.nextCursor)
        setError(null)
        setStatus('idle')
      } catch (e) {
        if (gen !== generation.current) return
        setError(e)
        setStatus('error')
      } finally {
        if (gen === generation.current) {
          busy.current = false
          setLoaded(true)
        }
      }
    },
    [fetchPage],
  )

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const gen = generation.current
    busy.current = true
    setStatus('loading-more')
    try {
      const page = await fetchPage(cursor)
      if (gen !== generation.current) return
      // A listing can move between pages while the user scrolls; show it once.
      setItems((prev) => {
        const seen = new Set(prev.map((i) => i.id))
        return [...prev, ...page.items.filter((i) => !seen.has(i.id))]
      })
      setCursor(page.nextCursor)
      setStatus('idle')
    } catch (e) {
      if (gen !== generation.current) return
      setError(e)
      setStatus('error')
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [cursor, fetchPage])

  return { items, status, error, loaded, hasMore: cursor !== null, reload, loadMore }
}
