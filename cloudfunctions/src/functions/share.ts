import { ShareContract } from '@shared/contracts/share.contract'
import { createShare } from '../modules/share/application/create-share.use-case'
import {
  groupPage,
  myGroups,
  postToGroup,
  setGroupLabel,
} from '../modules/share/application/group-circles.use-case'
import { openShare, resolveScene } from '../modules/share/application/open-share.use-case'
import { makePoster } from '../modules/share/application/poster.use-case'
import { settingsOf, updateSettings } from '../modules/share/application/share-settings.use-case'
import { shareStats } from '../modules/share/application/share-stats.use-case'
import { trustSignals } from '../modules/share/application/trust-signals.use-case'
import { createHandler } from '../platform/create-handler'

/** share: share tokens and opens, seller stats, 群闲置 circles, trust signals, posters. */
export const main = createHandler(ShareContract, {
  create: async (input, { caller, deps }) => createShare(deps, caller, input),
  open: async (input, { caller, deps }) => openShare(deps, caller, input),
  scene: async ({ scene }, { caller, deps }) => resolveScene(deps, caller, scene),
  stats: async ({ listingId }, { caller, deps }) => shareStats(deps, caller.user, listingId),
  myGroups: async (_input, { caller, deps }) => myGroups(deps, caller.user),
  group: async (input, { caller, deps }) => groupPage(deps, caller.user, input),
  postToGroup: async (input, { caller, deps }) => postToGroup(deps, caller.user, input),
  setGroupLabel: async (input, { caller, deps }) => setGroupLabel(deps, caller.user, input),
  trust: async (input, { caller, deps }) => trustSignals(deps, caller.user, input),
  settings: async (_input, { caller, deps }) => settingsOf(deps, caller.user._id),
  updateSettings: async (input, { caller, deps }) => updateSettings(deps, caller.user._id, input),
  poster: async ({ token }, { caller, deps }) => makePoster(deps, caller.user, token),
})
