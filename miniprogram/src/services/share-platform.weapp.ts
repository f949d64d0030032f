import Taro from '@tarojs/taro'
import type { ShareCreated } from '@shared/contracts/share.contract'
import { SHARE_TOKEN_PARAM } from '@shared/domain/share'
import type { SandboxGroup } from './share-platform-types'

export type { SandboxGroup } from './share-platform-types'

/**
 * Scenes in which a page was opened from a card in a group chat: 1008 (群聊会话中的小程序消息卡片)
 * and 1044 (带 shareTicket 的小程序消息卡片). Only there does wx.getGroupEnterInfo answer.
 */
export const GROUP_SCENES = [1008, 1044]

/**
 * WeChat's share menu for a card: 转发 with a shareTicket (so a card opened in a group tells whose
 * group it is) and 朋友圈; for a listing with an activity id, the updatable card (动态消息) whose
 * 在售 / 已预订 / 已售出 the server moves. A failure leaves the ordinary menu.
 */
export const applyShareMenu = async (created: ShareCreated | null): Promise<void> => {
  try {
    if (created?.activityId && created.templateInfo)
      await Taro.updateShareMenu({
        withShareTicket: true,
        isUpdatableMessage: true,
        activityId: created.activityId,
        templateInfo: created.templateInfo,
      } as never)
    else
      await Taro.showShareMenu({
        withShareTicket: true,
        // Taro turns these into WeChat's `menus` (shareAppMessage, shareTimeline); `menus`
        // itself would be overwritten.
        showShareItems: ['wechatFriends', 'wechatMoment'],
      })
  } catch {
    // An old base library or a refused activity: the card is simply not updatable.
  }
}

/**
 * The group chat's cloudID when this launch came from a card in a group and that card carried
 * `token` (the enter options are the launch's, so another page's token says nothing about this
 * one). WeChat no longer tells a sharer where a share went, so this is also how the sharer joins
 * the group's circle: by opening their own card there.
 */
export const groupEnterCloudId = async (token: string): Promise<string | null> => {
  try {
    const enter = Taro.getEnterOptionsSync()
    if (!GROUP_SCENES.includes(enter.scene)) return null
    if (enter.query?.[SHARE_TOKEN_PARAM] !== token) return null
    const info = (await new Promise((resolve, reject) =>
      Taro.getGroupEnterInfo({
        // Newer clients ignore it; older ones read the ticket of the card that was tapped.
        shareTicket: enter.shareTicket,
        success: resolve,
        fail: reject,
      } as never),
    )) as { cloudID?: string }
    return info.cloudID ?? null
  } catch {
    // 40097 场景错误, 65206 用户已不在该群内, or an old base library: not from a group.
    return null
  }
}

export const SHARES_BY_LINK = false

/** WeChat itself shares the updatable card: nothing to play. */
export const playCardShared = async (_created: ShareCreated): Promise<void> => undefined

export const sandboxGroups = async (): Promise<SandboxGroup[]> => []
export const sandboxGroupEnter = async (_groupId: string): Promise<string | null> => null
