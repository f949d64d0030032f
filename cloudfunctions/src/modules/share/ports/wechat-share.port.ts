/**
 * WechatShareApi: the parts of WeChat that sharing needs — updatable share cards (动态消息), the
 * 小程序码 on posters, and the group behind a cloudID from `wx.getGroupEnterInfo`. The production
 * adapter is the same HTTPS client as WechatApi (api.weixin.qq.com, one access_token); locally it
 * talks to the WeChat API sandbox. Failures are WechatApiError (messaging/ports/wechat-api.port).
 */

/**
 * WeChat's two card states: 0 "未开始" (its text carries member_count/room_limit) can move to 0 or
 * 1; 1 "已开始" is final and carries the path that 进入 opens. 在售 and 已预订 are state 0 with
 * different counts; 已售出 is state 1.
 */
export type UpdatableTargetState = 0 | 1

export interface UpdatableMessageInput {
  activityId: string
  targetState: UpdatableTargetState
  /** Sent as template_info.parameter_list: member_count/room_limit for 0, path/version_type for 1. */
  parameters: { name: 'member_count' | 'room_limit' | 'path' | 'version_type'; value: string }[]
}

export interface UnlimitedQrCodeInput {
  /** At most 32 visible characters; the page reads it from `query.scene` (here: the share token). */
  scene: string
  /** A published page path without a leading slash, e.g. `package-listing/detail/index`. */
  page: string
  /** Pixels, 280–1280 (WeChat's default 430). */
  width?: number
  /** False lets an unpublished page through (develop/trial builds). */
  checkPath?: boolean
  envVersion?: 'release' | 'trial' | 'develop'
}

export interface WechatShareApi {
  /** A new activity id for one updatable card (cgi-bin/message/wxopen/activityid/create); it expires (24 h by default). */
  createActivityId(input: { openid?: string }): Promise<{ activityId: string; expiresAt: number }>
  /** Moves a shared updatable card to a new state (cgi-bin/message/wxopen/updatablemsg/send). */
  sendUpdatableMessage(input: UpdatableMessageInput): Promise<void>
  /** A 小程序码 PNG for a scene and page (wxa/getwxacodeunlimit). */
  getUnlimitedQrCode(input: UnlimitedQrCodeInput): Promise<Uint8Array>
  /**
   * The openGId behind a cloudID from wx.getGroupEnterInfo / wx.getShareInfo, checked for the user
   * who obtained it (CloudBase: cloud.getOpenData). null for an unknown, forged, expired or
   * someone else's cloudID: callers ignore it without telling the user.
   */
  openGroupId(input: { cloudId: string; openid: string }): Promise<string | null>
}
