import { ListingContract } from '@shared/contracts/listing.contract'
import type { ActionInput } from '@shared/contracts/define-contract'
import { UserContract } from '@shared/contracts/user.contract'
import { createClient } from './client'
import { transport } from './cloud'
import { isAuthError, type ServiceError } from './service-error'

type UnauthenticatedListener = (error: ServiceError) => void
let onUnauthenticated: UnauthenticatedListener | null = null

/** The session store registers here so a dead session is forgotten wherever it is discovered. */
export const setUnauthenticatedListener = (listener: UnauthenticatedListener | null) => {
  onUnauthenticated = listener
}

export const client = createClient(transport, {
  onError: (e) => {
    if (isAuthError(e)) onUnauthenticated?.(e)
  },
})

type L = typeof ListingContract.actions
type U = typeof UserContract.actions

/** The backend as pages see it: one typed function per contract action. */
export const api = {
  user: {
    login: () => client.call(UserContract, 'login', {}),
    me: () => client.call(UserContract, 'me', {}),
    updateProfile: (input: ActionInput<U['updateProfile']>) =>
      client.call(UserContract, 'updateProfile', input),
  },
  listing: {
    create: (input: ActionInput<L['create']>) => client.call(ListingContract, 'create', input),
    get: (input: ActionInput<L['get']>) => client.call(ListingContract, 'get', input),
    feed: (input: ActionInput<L['feed']>) => client.call(ListingContract, 'feed', input),
    mine: (input: ActionInput<L['mine']>) => client.call(ListingContract, 'mine', input),
  },
}
