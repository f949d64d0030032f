import { freightCityOf } from '@shared/domain/regions'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { Deps } from '../../deps'
import { openShippingAddress } from '../../address'
import { CourierError, type Tracking } from '../ports/courier.port'
import type { OrderRecord, ShipmentRecord } from '../../order'
import { Parcels } from '../domain/shipment.record'

/**
 * A waybill belongs to one journey: the seller's parcel of one order, or one return. A number an
 * order already used (its own outbound parcel included) is refused, so an old or a foreign
 * parcel's 签收 can never stand in for this one. The same order and leg again is a retry.
 */
export const assertWaybillFresh = async (
  deps: Pick<Deps, 'store'>,
  waybillNo: string,
  orderId: string,
  leg: 'outbound' | 'return',
) => {
  const used = await deps.store.get(Parcels, waybillNo)
  if (used && (used.orderId !== orderId || used.leg !== leg))
    throw new AppError(ErrorCodes.ORDER_WAYBILL_REUSED, undefined, { path: ['waybillNo'] })
}

const cityName = (s: string) => s.replace(/[市省]$/u, '').trim()

/**
 * A typed return waybill must be a real parcel going back: a company kuaidi100 recognises, a
 * parcel it knows (揽收 happened), heading to the city of the seller's return address where the
 * courier reports a destination. Answers the tracking so far, kept on the return.
 */
export const verifyReturnParcel = async (
  deps: Deps,
  order: OrderRecord,
  parcel: ShipmentRecord,
): Promise<Tracking> => {
  if (!parcel.companyCode)
    throw new AppError(ErrorCodes.ORDER_UNKNOWN_WAYBILL, '请填写能查询物流的快递公司运单号', {
      path: ['waybillNo'],
    })
  await assertWaybillFresh(deps, parcel.waybillNo, order._id, 'return')
  const returnAddress = order.refund?.returnAddress ?? null
  // 顺丰 answers only with a phone's last four digits: the seller's, as the recipient.
  const phone = returnAddress ? openShippingAddress(deps, returnAddress).phone : undefined
  let tracking: Tracking
  try {
    tracking = await deps.courier.track({
      company: parcel.companyCode,
      waybillNo: parcel.waybillNo,
      phone,
    })
  } catch (e) {
    if (!(e instanceof CourierError)) throw e
    // 查询无结果: a number of the right shape that no courier has collected (yet).
    if (e.code === 'NO_RESULT' || e.code === 'PHONE_REQUIRED')
      throw new AppError(ErrorCodes.ORDER_PARCEL_UNKNOWN, undefined, { path: ['waybillNo'] })
    if (e.code === 'INVALID_WAYBILL' || e.code === 'UNKNOWN_COMPANY')
      throw new AppError(ErrorCodes.ORDER_UNKNOWN_WAYBILL, undefined, { path: ['waybillNo'] })
    throw new AppError(ErrorCodes.ORDER_COURIER_UNAVAILABLE)
  }
  if (tracking.events.length === 0)
    throw new AppError(ErrorCodes.ORDER_PARCEL_UNKNOWN, undefined, { path: ['waybillNo'] })
  const expected = returnAddress ? cityName(freightCityOf(returnAddress.region)) : null
  if (expected && tracking.destinationCity && cityName(tracking.destinationCity) !== expected) {
    throw new AppError(
      ErrorCodes.ORDER_RETURN_WRONG_CITY,
      `这个包裹寄往${tracking.destinationCity}，不是卖家的退货城市${expected}`,
      { path: ['waybillNo'] },
    )
  }
  return tracking
}
