/**
 * Object Mothers: the people, sellers, listings and orders the demo seed, the benches and the
 * tests start from, each built one way (through the real use cases or functions where the
 * object is made one at a time, as records only where a bench needs them by the thousand).
 * Local tooling only: nothing under src/ imports this, so no function bundle carries it.
 */
export * from './address.mother'
export * from './listing.mother'
export * from './merchant.mother'
export * from './order.mother'
export * from './order-record.mother'
export * from './user.mother'
