import { BUYER_ADDRESS } from './address.mother'

/** A function's answer: an object with an id, its other fields read by the test. */
type View = { id: string } & Record<string, unknown>

/**
 * What the order mothers need of a test cloud: the functions as a signed-in person calls them,
 * and the buyer's side of WeChat Pay (test/escrow-harness.ts gives all four).
 */
export interface OrderWorld {
  /** Publishes a goods listing through the listing function; `over` replaces input fields. */
  publish(openid: string, over?: Record<string, unknown>): Promise<View>
  /** The id of this address in the person's book, saved on first use. */
  addressIdOf(openid: string, address?: Record<string, unknown>): Promise<string>
  /** Calls the order function and answers its data, throwing on an error envelope. */
  mustOrder(openid: string, action: string, input?: unknown): Promise<View>
  /** The buyer confirms at WeChat's cashier and the payment notification is applied. */
  buyerPays(orderId: string): Promise<void>
}

export interface OrderOptions {
  seller?: string
  buyer?: string
  /** Replaces fields of the listing the seller publishes for it. */
  listing?: Record<string, unknown>
  /** Where a courier order goes, from the buyer's book. */
  address?: Record<string, unknown>
  /** The buyer opens the cashier (order.pay) before paying, as the app does; off, only WeChat's side runs. */
  viaCashier?: boolean
}

export interface ShippedOrderOptions extends OrderOptions {
  /** The seller's parcel; a known waybill prefix lets the company be recognised. */
  parcel?: { waybillNo: string; company?: string }
}

/** An order and the listing it was checked out from; `order` is checkout's answer. */
export interface OrderFixture {
  listing: View
  order: View
}

const who = (o: OrderOptions) => ({ seller: o.seller ?? 'o-seller', buyer: o.buyer ?? 'o-buyer' })

/** The seller publishes, the buyer checks out: a courier order ships to an address of the buyer's book. */
const checkedOut = async (
  world: OrderWorld,
  fulfilment: 'courier' | 'meetup',
  options: OrderOptions,
): Promise<OrderFixture> => {
  const { seller, buyer } = who(options)
  const listing = await world.publish(seller, options.listing)
  const order = await world.mustOrder(buyer, 'checkout', {
    listingId: listing.id,
    fulfilment,
    ...(fulfilment === 'courier'
      ? { addressId: await world.addressIdOf(buyer, options.address ?? BUYER_ADDRESS) }
      : {}),
  })
  return { listing, order }
}

/** A courier order waiting for payment. */
export const aCourierOrder = (world: OrderWorld, options: OrderOptions = {}) =>
  checkedOut(world, 'courier', options)

/** A 同城面交 order waiting for payment. */
export const aMeetupOrder = (world: OrderWorld, options: OrderOptions = {}) =>
  checkedOut(world, 'meetup', options)

/** Pays an order as its buyer: through the cashier when asked, then WeChat's notification. */
export const payOrder = async (world: OrderWorld, orderId: string, options: OrderOptions = {}) => {
  if (options.viaCashier) await world.mustOrder(who(options).buyer, 'pay', { orderId })
  await world.buyerPays(orderId)
}

/** A courier order the buyer has paid: the money is in escrow, the seller is to ship. */
export const aPaidCourierOrder = async (world: OrderWorld, options: OrderOptions = {}) => {
  const fixture = await aCourierOrder(world, options)
  await payOrder(world, fixture.order.id, options)
  return fixture
}

/** A paid courier order the seller has shipped with a waybill. */
export const aShippedOrder = async (world: OrderWorld, options: ShippedOrderOptions = {}) => {
  const fixture = await aPaidCourierOrder(world, options)
  await world.mustOrder(who(options).seller, 'ship', {
    orderId: fixture.order.id,
    ...(options.parcel ?? { company: '顺丰速运', waybillNo: 'SF1234567890' }),
  })
  return fixture
}

/** A shipped order whose buyer confirmed receipt: the money is released to the seller. */
export const aCompletedOrder = async (world: OrderWorld, options: ShippedOrderOptions = {}) => {
  const fixture = await aShippedOrder(world, options)
  await world.mustOrder(who(options).buyer, 'confirm', { orderId: fixture.order.id })
  return fixture
}
