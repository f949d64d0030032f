import { updateIfUnchanged } from '../../core'
import type {
  Address,
  AddressInputSchema,
  AddressList,
  AddressSummary,
} from '@shared/contracts/address.contract'
import type { ShippingAddress } from '@shared/contracts/order.contract'
import { ADDRESS_LIMITS, maskDetail, maskMobile, maskName } from '@shared/domain/address'
import { formatRegion, type Region } from '@shared/domain/regions'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import type { z } from 'zod'
import type { Deps } from '../../deps'
import type { TransactionOps } from '../../core/ports/document-store.port'
import {
  AddressBooks,
  Addresses,
  type AddressBookRecord,
  type AddressRecord,
  type SealedAddress,
} from '../domain/address.records'

type AddressInput = z.output<typeof AddressInputSchema>

const notFound = () => new AppError(ErrorCodes.NOT_FOUND, '地址不存在或已删除')

const emptyBook = (userId: string): AddressBookRecord => ({
  _id: userId,
  count: 0,
  defaultId: null,
  version: 0,
})

/** Reads the book inside a transaction, creating it on first use (insert, so a racing first use CONFLICTs). */
const readBook = async (tx: TransactionOps, userId: string) =>
  (await tx.get(AddressBooks, userId)) ?? null

/** Moves the book with compare-and-set: a concurrent change makes this transaction CONFLICT and roll back. */
const writeBook = async (
  tx: TransactionOps,
  before: AddressBookRecord | null,
  next: Omit<AddressBookRecord, '_id' | 'version'>,
  userId: string,
) => {
  if (!before) {
    await tx.insert(AddressBooks, { _id: userId, ...next, version: 1 })
    return
  }
  await updateIfUnchanged(tx, AddressBooks, userId, before, { ...next })
}

const sealFields = (deps: Deps, input: AddressInput) => {
  const personal: SealedAddress = { name: input.name, phone: input.phone, detail: input.detail }
  return {
    sealed: deps.secrets.seal(JSON.stringify(personal)),
    masked: {
      name: maskName(personal.name),
      phone: maskMobile(personal.phone),
      detail: maskDetail(personal.detail),
    },
    region: {
      province: input.region.province,
      city: input.region.city,
      district: input.region.district,
    } satisfies Region,
    tag: input.tag,
  }
}

const openFields = (deps: Deps, a: AddressRecord): SealedAddress =>
  JSON.parse(deps.secrets.open(a.sealed)) as SealedAddress

const summary = (
  a: AddressRecord,
  defaultId: string | null,
  fields: SealedAddress,
): AddressSummary => ({
  id: a._id,
  name: fields.name,
  phone: fields.phone,
  region: a.region,
  regionText: formatRegion(a.region),
  detail: fields.detail,
  tag: a.tag,
  isDefault: a._id === defaultId,
  version: a.version,
  updatedAt: a.updatedAt,
})

/** The caller's own address record, or NOT_FOUND (another user's address is indistinguishable from none). */
const ownRecord = async (deps: Deps, userId: string, id: string): Promise<AddressRecord> => {
  const a = await deps.store.get(Addresses, id)
  if (!a || a.userId !== userId) throw notFound()
  return a
}

const allOf = async (deps: Deps, userId: string) =>
  (
    await deps.store.find(
      Addresses,
      { userId },
      { orderBy: { field: 'createdAt', direction: 'desc' }, limit: ADDRESS_LIMITS.max + 5 },
    )
  ).items

/** The caller's addresses, masked: the default first, then newest first. */
export const listAddresses = async (deps: Deps, userId: string): Promise<AddressList> => {
  const [items, book] = await Promise.all([
    allOf(deps, userId),
    deps.store.get(AddressBooks, userId),
  ])
  const defaultId = book?.defaultId ?? null
  const sorted = [
    ...items.filter((a) => a._id === defaultId),
    ...items.filter((a) => a._id !== defaultId),
  ]
  return { items: sorted.map((a) => summary(a, defaultId, a.masked)), max: ADDRESS_LIMITS.max }
}

/** One of the caller's addresses in full. */
export const getAddress = async (deps: Deps, userId: string, id: string): Promise<Address> => {
  const [a, book] = await Promise.all([
    ownRecord(deps, userId, id),
    deps.store.get(AddressBooks, userId),
  ])
  return summary(a, book?.defaultId ?? null, openFields(deps, a))
}

/** Saves a new address; the first one, or one saved with isDefault, becomes the default. */
export const createAddress = async (
  deps: Deps,
  userId: string,
  input: AddressInput,
): Promise<Address> => {
  const now = deps.clock.now()
  const record: AddressRecord = {
    _id: deps.ids.next(),
    userId,
    ...sealFields(deps, input),
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  const defaultId = await deps.store.transaction(async (tx) => {
    const book = await readBook(tx, userId)
    const { count, defaultId } = book ?? emptyBook(userId)
    if (count >= ADDRESS_LIMITS.max) throw new AppError(ErrorCodes.ADDRESS_TOO_MANY)
    await tx.insert(Addresses, record)
    const nextDefault = input.isDefault || !defaultId ? record._id : defaultId
    await writeBook(tx, book, { count: count + 1, defaultId: nextDefault }, userId)
    return nextDefault
  })
  return summary(record, defaultId, { name: input.name, phone: input.phone, detail: input.detail })
}

/** Replaces an address still at expectedVersion; isDefault true also makes it the default. */
export const updateAddress = async (
  deps: Deps,
  userId: string,
  input: AddressInput & { id: string; expectedVersion: number },
): Promise<Address> => {
  const current = await ownRecord(deps, userId, input.id)
  if (current.version !== input.expectedVersion)
    throw new AppError(ErrorCodes.CONFLICT, '地址已在别处修改，请刷新后重试')
  const patch = {
    ...sealFields(deps, input),
    updatedAt: deps.clock.now(),
    version: current.version + 1,
  }
  const { updated, defaultId } = await deps.store.transaction(async (tx) => {
    const updated = await tx.update(Addresses, input.id, patch, {
      expect: { version: input.expectedVersion, userId },
    })
    const book = await readBook(tx, userId)
    let defaultId = book?.defaultId ?? null
    if (input.isDefault && defaultId !== input.id) {
      defaultId = input.id
      await writeBook(tx, book, { count: book?.count ?? 1, defaultId }, userId)
    }
    return { updated, defaultId }
  })
  return summary(updated, defaultId, { name: input.name, phone: input.phone, detail: input.detail })
}

/** Deletes an address; a removed default hands over to the newest remaining address. */
export const removeAddress = async (
  deps: Deps,
  userId: string,
  id: string,
): Promise<AddressList> => {
  await ownRecord(deps, userId, id)
  const successor = (await allOf(deps, userId)).find((a) => a._id !== id)?._id ?? null
  await deps.store.transaction(async (tx) => {
    const book = await readBook(tx, userId)
    if (!(await tx.remove(Addresses, id))) throw notFound()
    const stillThere = successor && (await tx.get(Addresses, successor)) ? successor : null
    const defaultId = book?.defaultId === id || !book?.defaultId ? stillThere : book.defaultId
    await writeBook(tx, book, { count: Math.max(0, (book?.count ?? 1) - 1), defaultId }, userId)
  })
  return listAddresses(deps, userId)
}

/** Makes one of the caller's addresses the default. */
export const setDefaultAddress = async (
  deps: Deps,
  userId: string,
  id: string,
): Promise<AddressList> => {
  await ownRecord(deps, userId, id)
  await deps.store.transaction(async (tx) => {
    const book = await readBook(tx, userId)
    if (!(await tx.get(Addresses, id))) throw notFound()
    if (book?.defaultId === id) return
    await writeBook(tx, book, { count: book?.count ?? 1, defaultId: id }, userId)
  })
  return listAddresses(deps, userId)
}

/**
 * For checkout (the order module): the caller's own address in full, as an order stores it
 * (ShippingAddressSchema: region as one line) plus the city for freight quotes (e.g. 杭州市).
 * Another user's or a deleted address is COMMON.NOT_FOUND. ShippingAddressSchema is strict: take
 * `city` off before storing, `const { city, ...address } = await loadOwnAddress(...)`.
 */
export const loadOwnAddress = async (
  deps: Deps,
  userId: string,
  addressId: string,
): Promise<ShippingAddress & { city: string }> => {
  const a = await ownRecord(deps, userId, addressId)
  const { name, phone, detail } = openFields(deps, a)
  return { name, phone, region: formatRegion(a.region), detail, city: a.region.city }
}

/** The user's default address, opened, or null when their book has none. */
export const loadDefaultAddress = async (
  deps: Deps,
  userId: string,
): Promise<(ShippingAddress & { city: string }) | null> => {
  const book = await deps.store.get(AddressBooks, userId)
  return book?.defaultId ? loadOwnAddress(deps, userId, book.defaultId) : null
}
