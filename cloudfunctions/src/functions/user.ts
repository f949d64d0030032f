import { UserContract } from '@shared/contracts/user.contract'
import { listNotices, markAllRead } from '../modules/inbox/application/notices.use-case'
import { login } from '../modules/user/application/login.use-case'
import { updateProfile } from '../modules/user/application/update-profile.use-case'
import { toUserSelf } from '../modules/user/application/user-views'
import { createHandler } from '../platform/create-handler'

/** user: silent login and the caller's own profile. */
export const main = createHandler(UserContract, {
  login: async (_input, { caller, deps }) => {
    const { user, isNew } = await login(deps, caller.openid)
    return { user: await toUserSelf(deps, user), isNew }
  },
  me: async (_input, { caller, deps }) => toUserSelf(deps, caller.user),
  updateProfile: async (input, { caller, deps }) =>
    toUserSelf(deps, await updateProfile(deps, caller.user, input)),
  notices: async (page, { caller, deps }) => listNotices(deps, caller.user._id, page),
  markNoticesRead: async (_input, { caller, deps }) => ({
    marked: await markAllRead(deps, caller.user._id),
  }),
})
