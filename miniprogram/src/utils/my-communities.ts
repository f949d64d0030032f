import type { Community } from '@shared/contracts/social.contract'
import { api } from '@/services'
import { reportError } from './feedback'

/** The user's communities into `set`; none, and a toast saying `failure`, when they cannot be had. */
export const loadMyCommunities = (set: (items: Community[]) => void, failure: string) =>
  api.social
    .myCommunities()
    .then((r) => set(r.items))
    .catch((e) => {
      set([])
      reportError(e, failure)
    })
