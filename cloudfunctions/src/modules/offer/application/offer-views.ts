import type { Offer } from '@shared/contracts/offer.contract'
import { offerActionsFor } from '@shared/domain/offer-process'
import type { Deps } from '../../deps'
import { loadPublicUsers } from '../../user'
import type { OfferRecord } from '../domain/offer.records'
import { partyOf } from './offer-access'

/**
 * Offers as `viewerId` (their buyer or seller) sees them, with the buttons of the viewer's turn. An
 * offer past its deadline that the sweep has not reached yet shows no buttons: every move would be
 * refused. The seller's floor is in no offer.
 */
export const toOffers = async (
  deps: Pick<Deps, 'store' | 'files' | 'clock'>,
  offers: OfferRecord[],
  viewerId: string,
): Promise<Offer[]> => {
  const users = await loadPublicUsers(
    deps,
    offers.map((o) => o.buyerId),
  )
  const now = deps.clock.now()
  return offers.flatMap((o) => {
    const role = partyOf(o, viewerId)
    const buyer = users.get(o.buyerId)
    if (!role || !buyer) return []
    const due = o.dueAt !== null && now >= o.dueAt
    return [
      {
        id: o._id,
        listingId: o.listingId,
        buyer,
        role,
        state: o.state,
        priceFen: o.priceFen,
        proposedBy: o.proposedBy,
        history: o.history.map((m) => ({ by: m.by, priceFen: m.priceFen, at: m.at })),
        dueAt: o.dueAt,
        declineReason: o.declineReason,
        orderId: o.orderId,
        actions: due ? [] : offerActionsFor(o.state, role),
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
      },
    ]
  })
}

export const toOffer = async (
  deps: Pick<Deps, 'store' | 'files' | 'clock'>,
  offer: OfferRecord,
  viewerId: string,
): Promise<Offer> => (await toOffers(deps, [offer], viewerId))[0]!
