import { useEffect, useState } from 'react'
import { api } from '@/services'

/** What the city searches most; empty when the service has none or fails. */
export const useHotKeywords = (city: string) => {
  const [hot, setHot] = useState<string[]>([])
  useEffect(() => {
    api.search
      .hot({ city })
      .then((r) => setHot(r.keywords))
      .catch(() => setHot([]))
  }, [city])
  return hot
}
