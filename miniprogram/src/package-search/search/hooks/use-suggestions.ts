import { useEffect, useRef, useState } from 'react'
import { api } from '@/services'

const SUGGEST_DELAY_MS = 250

/** Suggestions follow the typing, a beat behind it; an answer for older text is dropped. */
export const useSuggestions = (input: string, composing: boolean, city: string) => {
  const [suggestions, setSuggestions] = useState<string[]>([])
  const typed = useRef('')
  useEffect(() => {
    const prefix = input.trim()
    typed.current = prefix
    if (!composing || !prefix) return setSuggestions([])
    const timer = setTimeout(() => {
      api.search
        .suggest({ prefix, city })
        .then((r) => {
          if (typed.current === prefix) setSuggestions(r.suggestions.slice(0, 10))
        })
        .catch(() => undefined)
    }, SUGGEST_DELAY_MS)
    return () => clearTimeout(timer)
  }, [input, composing, city])
  return { suggestions, clear: () => setSuggestions([]) }
}
