import { useEffect, useRef, useState } from 'react'
import type { Conversation } from '@shared/contracts/chat.contract'
import type { Offer } from '@shared/contracts/offer.contract'
import { api } from '@/services'
import { reportError, toast } from '@/utils/feedback'

/**
 * The conversation's current offer (the pair's latest, whatever its state): loaded with the
 * conversation and again whenever a newer offer line arrives (`lastOfferSeq`), so both phones see
 * each move. The moves answer the offer as it now stands; the line itself comes through the feed.
 */
export const useOffer = (c: Conversation | null, lastOfferSeq: number) => {
  const [offer, setOffer] = useState<Offer | null>(null)
  const [busy, setBusy] = useState(false)
  const asked = useRef(0)

  const reload = async () => {
    if (!c || c.role === 'operator') return
    const ask = ++asked.current
    const page = await api.offer.forListing({
      listingId: c.listing.id,
      limit: 1,
      ...(c.role === 'seller' ? { buyerId: c.other.id } : {}),
    })
    // An older answer arriving late must not replace a newer one.
    if (ask === asked.current) setOffer(page.items[0] ?? null)
  }

  useEffect(() => {
    reload().catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload per conversation and offer line
  }, [c?.id, lastOfferSeq])

  /** Runs one move; a refusal (out of turn, expired meanwhile) is told and the card reloaded. */
  const move = async (run: () => Promise<Offer>, done?: string) => {
    if (busy) return false
    setBusy(true)
    try {
      asked.current++
      setOffer(await run())
      if (done) toast(done)
      return true
    } catch (e) {
      reportError(e, '操作失败，请稍后重试')
      reload().catch(() => undefined)
      return false
    } finally {
      setBusy(false)
    }
  }

  return {
    offer,
    busy,
    make: (priceFen: number) => move(() => api.offer.make(c!.listing.id, priceFen), '已出价'),
    counter: (priceFen: number) => move(() => api.offer.counter(offer!.id, priceFen), '已还价'),
    accept: () => move(() => api.offer.accept(offer!.id)),
    decline: () => move(() => api.offer.decline(offer!.id)),
    withdraw: () => move(() => api.offer.withdraw(offer!.id)),
  }
}

export type OfferControls = ReturnType<typeof useOffer>
