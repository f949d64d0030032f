import { defineCollection } from '../../core/ports/document-store.port'

/** Waybill number → the order it belongs to, so a courier push finds its order. */
export interface ParcelRecord {
  _id: string
  orderId: string
  leg: 'outbound' | 'return'
  companyCode: string | null
}
export const Parcels = defineCollection<ParcelRecord>('parcels')

/** kuaidi100's pickup task id → the order and leg, so a pickup-status push finds its order. */
export interface PickupTaskRecord {
  _id: string
  orderId: string
  leg: 'outbound' | 'return'
  attempt: number
}
export const PickupTasks = defineCollection<PickupTaskRecord>('pickup_tasks')
