import { useEffect, useRef, useState } from 'react'
import { WaybillSchema } from '@shared/contracts/order.contract'
import { api } from '@/services'

/** A beat after the last keystroke: one recogniser call per number typed, not per digit. */
const GUESS_DELAY_MS = 400

export interface CourierGuess {
  code: string
  name: string
  short: string
}

/**
 * The company kuaidi100 recognises a waybill number as (order.detectCourier), once the number has
 * the contract's shape; null while typing, for a number no known company fits, or when the
 * recogniser cannot be asked (offline, too many tries): the sheet then works without a hint.
 */
export const useCourierGuess = (
  orderId: string | undefined,
  waybillNo: string | undefined,
): CourierGuess | null => {
  const [guess, setGuess] = useState<CourierGuess | null>(null)
  const known = useRef(new Map<string, CourierGuess | null>())
  useEffect(() => {
    const parsed = WaybillSchema.shape.waybillNo.safeParse(waybillNo ?? '')
    if (!orderId || !parsed.success) return setGuess(null)
    const number = parsed.data
    if (known.current.has(number)) return setGuess(known.current.get(number) ?? null)
    setGuess(null)
    let live = true
    const timer = setTimeout(() => {
      api.order.detectCourier({ orderId, waybillNo: number }).then(
        ({ companies }) => {
          known.current.set(number, companies[0] ?? null)
          if (live) setGuess(companies[0] ?? null)
        },
        () => undefined,
      )
    }, GUESS_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [orderId, waybillNo])
  return guess
}
