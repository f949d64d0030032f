/** address: the address book, and addresses as orders keep them (sealed). */
export { loadDefaultAddress, loadOwnAddress } from './application/address-book.use-case'
export {
  openShippingAddress,
  sealShippingAddress,
  type SealedShippingAddress,
} from './domain/sealed-address'
