import { COURIER_COMPANIES } from '@shared/domain/couriers'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { loadVisibleOrder } from '../../order'
import type { UserRecord } from '../../user'
import { DETECT_COURIER_PER_USER, DETECT_COURIER_TOO_OFTEN } from '../domain/delivery.limits'
import { CourierError } from '../ports/courier.port'

/**
 * The companies kuaidi100 recognises a waybill number as, in its order (most likely first), for
 * the ship sheet's suggestion. Only an order's buyer or seller asks (they are the ones who send a
 * parcel), so the costly recogniser is not a public service. Companies we cannot track are left
 * out (the seller may still type one); a courier that does not answer, or a number it refuses,
 * is "no suggestion", since the sheet works without one and `ship` checks again.
 */
export const detectCourier = async (
  deps: Deps,
  user: UserRecord,
  input: { orderId: string; waybillNo: string },
) => {
  const order = await loadVisibleOrder(deps, user, input.orderId)
  // An operator sees every order but sends no parcel.
  if (order.buyerId !== user._id && order.sellerId !== user._id)
    throw new AppError(ErrorCodes.FORBIDDEN)
  await enforceLimit(deps.limits, DETECT_COURIER_PER_USER, user._id, DETECT_COURIER_TOO_OFTEN)
  let codes: string[] = []
  try {
    codes = await deps.courier.detectCompany(input.waybillNo)
  } catch (e) {
    if (!(e instanceof CourierError)) throw e
  }
  const companies = codes.flatMap((code) => {
    const c = COURIER_COMPANIES.find((k) => k.code === code)
    return c ? [{ code: c.code, name: c.name, short: c.short }] : []
  })
  return { companies }
}
