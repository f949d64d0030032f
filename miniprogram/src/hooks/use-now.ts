import { useEffect, useState } from 'react'

/** The current time, ticking every `everyMs` while `active` (the 15-minute payment countdown). */
export const useNow = (everyMs: number, active = true): number => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    if (!active) return
    const t = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(t)
  }, [everyMs, active])
  return now
}
