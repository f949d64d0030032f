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

  /** Fetches one page and hands it to `apply`, unless a newer request started meanwhile. */
  const fetchInto = useCallback(
    async (gen: number, from: string | undefined, apply: (page: Page<T>) => void) => {
      try {
        const page = await fetchPage(from)
        if (gen !== generation.current) return
        apply(page)
        setCursor(page.nextCursor)
        setStatus('idle')
      } catch (e) {
        if (gen !== generation.current) return
        setError(e)
        setStatus('error')
      }
    },
    [fetchPage],
  )

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
        await fetchInto(gen, undefined, (page) => {
          setItems(page.items)
          setError(null)
        })
      } finally {
        if (gen === generation.current) {
          busy.current = false
          setLoaded(true)
        }
      }
    },
    [fetchInto],
  )

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const gen = generation.current
    busy.current = true
    setStatus('loading-more')
    try {
      // A listing can move between pages while the user scrolls; show it once.
      await fetchInto(gen, cursor, (page) =>
        setItems((prev) => {
          const seen = new Set(prev.map((i) => i.id))
          return [...prev, ...page.items.filter((i) => !seen.has(i.id))]
        }),
      )
    } finally {
      if (gen === generation.current) busy.current = false
    }
  }, [cursor, fetchInto])

  return { items, status, error, loaded, hasMore: cursor !== null, reload, loadMore }
}
