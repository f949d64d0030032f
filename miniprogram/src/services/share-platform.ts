import type { ShareCreated } from '@shared/contracts/share.contract'
import type { SandboxGroup } from './share-platform-types'

export type { SandboxGroup } from './share-platform-types'

// Fallback for tools that do not resolve platform files (jest); see share-platform.weapp.ts and
// share-platform.h5.ts.

/** Sets up WeChat's share menu for a card (weapp only). */
export const applyShareMenu = async (_created: ShareCreated | null): Promise<void> => undefined

/** The cloudID of the group chat the page was opened in, when it was (weapp only). */
export const groupEnterCloudId = async (_token: string): Promise<string | null> => null

/** Whether this build shares through a copied link (H5) rather than WeChat's share sheet. */
export const SHARES_BY_LINK = false

/** H5: what WeChat's share sheet does with an updatable card, played on the sandbox. */
export const playCardShared = async (_created: ShareCreated): Promise<void> => undefined

/** H5 dev control: the WeChat API sandbox's groups. */
export const sandboxGroups = async (): Promise<SandboxGroup[]> => []

/** H5 dev control: the cloudID wx.getGroupEnterInfo would give this user in that group. */
export const sandboxGroupEnter = async (_groupId: string): Promise<string | null> => null
