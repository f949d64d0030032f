import { useEffect, useState } from 'react'
import type { PriceReference } from '@shared/contracts/listing.contract'
import { api } from '@/services'

const PRICE_REFERENCE_DELAY_MS = 500

export interface PriceReferenceQuery {
  city: string
  category: string | undefined
  subcategory: string | undefined
  /** The title as typed; its first 30 characters narrow the reference once there are 2. */
  title: string | undefined
}

/** Prices of similar listings nearby, asked a beat after the seller stops typing; null without a category. */
export const usePriceReference = ({
  city,
  category,
  subcategory,
  title,
}: PriceReferenceQuery): PriceReference | null => {
  const [reference, setReference] = useState<PriceReference | null>(null)
  const keyword = (title ?? '').trim().slice(0, 30)
  useEffect(() => {
    if (!category) return setReference(null)
    const timer = setTimeout(() => {
      api.listing
        .priceReference({
          city,
          category: category as never,
          ...(subcategory ? { subcategory: subcategory as never } : {}),
          ...(keyword.length >= 2 ? { keyword } : {}),
        })
        .then(setReference)
        .catch(() => setReference(null))
    }, PRICE_REFERENCE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [city, category, subcategory, keyword])
  return reference
}
