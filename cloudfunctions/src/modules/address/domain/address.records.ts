import type { AddressTag } from '@shared/domain/address'
import type { Region } from '@shared/domain/regions'
import { defineCollection } from '../../core/ports/document-store.port'

/** The personal part of an address, only ever stored sealed (SecretBox) as this JSON. */
export interface SealedAddress {
  name: string
  phone: string
  detail: string
}

/**
 * One saved address. Name, phone and detail are sealed, with masked copies for lists; the region
 * and tag stay plain for display and filters (they identify no one on their own).
 */
export interface AddressRecord {
  _id: string
  userId: string
  /** SecretBox-sealed SealedAddress. */
  sealed: string
  masked: SealedAddress
  region: Region
  tag: AddressTag | null
  createdAt: number
  updatedAt: number
  version: number
}

/**
 * Per-user book, keyed by user id: how many addresses and which is the default. Every create,
 * remove and setDefault moves it with compare-and-set in the same transaction as the address, so
 * the limit holds under races and there is never more than one default.
 */
export interface AddressBookRecord {
  _id: string
  count: number
  defaultId: string | null
  version: number
}

export const Addresses = defineCollection<AddressRecord>('addresses', [
  { name: 'user_at', fields: [{ field: 'userId' }, { field: 'createdAt', direction: 'desc' }] },
])
export const AddressBooks = defineCollection<AddressBookRecord>('address_books')
