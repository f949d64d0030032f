import type { ShippingAddress } from '@shared/contracts/order.contract'
import type { SecretBox } from '../../core/ports/secret-box.port'

/**
 * An address as an order keeps it (where a parcel goes, where a courier comes, where a return
 * goes back to): the region readable, for routing and quotes; the person (name, phone, street)
 * sealed with the SecretBox like the address book, so a database dump reads no one's address.
 */
export interface SealedShippingAddress {
  region: string
  sealed: string
}

type Person = Pick<ShippingAddress, 'name' | 'phone' | 'detail'>

export const sealShippingAddress = (
  deps: { secrets: SecretBox },
  a: ShippingAddress,
): SealedShippingAddress => {
  const person: Person = { name: a.name, phone: a.phone, detail: a.detail }
  return { region: a.region, sealed: deps.secrets.seal(JSON.stringify(person)) }
}

/** The address in full, for its parties and the courier; orders stored before sealing read as they are. */
export const openShippingAddress = (
  deps: { secrets: SecretBox },
  stored: SealedShippingAddress,
): ShippingAddress => {
  const legacy = stored as unknown as Partial<ShippingAddress>
  if (typeof stored.sealed !== 'string' && legacy.name !== undefined)
    return legacy as ShippingAddress
  const person = JSON.parse(deps.secrets.open(stored.sealed)) as Person
  return { name: person.name, phone: person.phone, region: stored.region, detail: person.detail }
}
