import { AddressContract } from '@shared/contracts/address.contract'
import {
  createAddress,
  getAddress,
  listAddresses,
  removeAddress,
  setDefaultAddress,
  updateAddress,
} from '../modules/address/application/address-book.use-case'
import { createHandler } from '../platform/create-handler'

/** address: the caller's own address book; identity always from the call context, never the input. */
export const main = createHandler(AddressContract, {
  list: async (_input, { caller, deps }) => listAddresses(deps, caller.user._id),
  get: async ({ id }, { caller, deps }) => getAddress(deps, caller.user._id, id),
  create: async (input, { caller, deps }) => createAddress(deps, caller.user._id, input),
  update: async (input, { caller, deps }) => updateAddress(deps, caller.user._id, input),
  remove: async ({ id }, { caller, deps }) => removeAddress(deps, caller.user._id, id),
  setDefault: async ({ id }, { caller, deps }) => setDefaultAddress(deps, caller.user._id, id),
})
