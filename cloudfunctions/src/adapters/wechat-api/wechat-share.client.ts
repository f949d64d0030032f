import { WechatApiError } from '../../modules/messaging/ports/wechat-api.port'
import type {
  UnlimitedQrCodeInput,
  UpdatableMessageInput,
  WechatShareApi,
} from '../../modules/share/ports/wechat-share.port'
import type { WechatApiConfig } from './wechat-api.config'
import {
  failure,
  invalid,
  WechatApiTransport,
  type Json,
  type WechatApiTransportDeps,
} from './wechat-api.transport'
import { RETRY } from '../../modules/core/ports/provider-error'

/** The mini-program version a config's subscribe-message state stands for, in the share APIs' words. */
const ENV_VERSION: Record<WechatApiConfig['miniprogramState'], 'develop' | 'trial' | 'release'> = {
  developer: 'develop',
  trial: 'trial',
  formal: 'release',
}

/** The parameters each target state needs (WeChat answers 47001 when one is missing). */
const REQUIRED: Record<0 | 1, string[]> = {
  0: ['member_count', 'room_limit'],
  1: ['path', 'version_type'],
}

/** What a cloudID looks like (`27_Ih-9vx…`); anything else is forged and never sent to WeChat. */
const CLOUD_ID = /^[A-Za-z0-9_~.-]{8,512}$/

/**
 * The wx-server-sdk codes for open data that cannot be had (-601005 invalid cloudID, -601006
 * cloudID expired, -601007 cloudID and calling user do not match): an ignorable cloudID, not a
 * failure. WeChat documents them inside the open-data object; accepted at the top level as well.
 */
const UNUSABLE_CLOUD_ID = new Set([-601005, -601006, -601007])

/**
 * WechatShareClient: WechatShareApi over WeChat's HTTPS API, on the same WechatApiTransport (one
 * access_token, retries, timeouts, errcode table) as WechatApiClient:
 * - activity ids and updatable cards: GET cgi-bin/message/wxopen/activityid/create and POST
 *   cgi-bin/message/wxopen/updatablemsg/send;
 * - 小程序码: POST wxa/getwxacodeunlimit (an image, or `{errcode}` JSON);
 * - the group behind a cloudID: POST wxa/getopendata?openid= (what CloudBase's
 *   `cloud.getOpenData` does), so the openGId is resolved server-side for the caller's own
 *   openid, never read from what a client put into the event.
 */
export class WechatShareClient implements WechatShareApi {
  readonly transport: WechatApiTransport

  constructor(deps: WechatApiTransportDeps | { transport: WechatApiTransport }) {
    this.transport = 'transport' in deps ? deps.transport : new WechatApiTransport(deps)
  }

  async createActivityId(input: { openid?: string }): Promise<{
    activityId: string
    expiresAt: number
  }> {
    if (input.openid !== undefined && !input.openid) throw invalid('openid must not be empty')
    const answer = await this.transport.getJson('/cgi-bin/message/wxopen/activityid/create', {
      openid: input.openid,
    })
    const activityId = answer.activity_id
    const expiration = answer.expiration_time
    if (typeof activityId !== 'string' || !activityId || typeof expiration !== 'number')
      throw badResponse('activityid/create: no activity_id/expiration_time', answer)
    // A Unix timestamp in seconds, as WeChat's timestamps are; a value already in ms is kept.
    return { activityId, expiresAt: expiration < 1e11 ? expiration * 1000 : expiration }
  }

  async sendUpdatableMessage(input: UpdatableMessageInput): Promise<void> {
    const state = input.targetState
    if (state !== 0 && state !== 1) throw invalid('targetState must be 0 or 1')
    if (!input.activityId) throw invalid('activityId is required')
    const params = new Map(input.parameters.map((p) => [p.name as string, p.value]))
    // Which version 进入 opens is the deployment's business, not the caller's.
    if (state === 1 && !params.has('version_type')) params.set('version_type', this.envVersion())
    for (const name of REQUIRED[state])
      if (!params.get(name)) throw invalid(`target_state ${state} needs ${name}`)
    await this.transport.postJson('/cgi-bin/message/wxopen/updatablemsg/send', {
      activity_id: input.activityId,
      target_state: state,
      template_info: {
        parameter_list: [...params].map(([name, value]) => ({ name, value: String(value) })),
      },
    })
  }

  async getUnlimitedQrCode(input: UnlimitedQrCodeInput): Promise<Uint8Array> {
    if (input.width !== undefined && !Number.isInteger(input.width))
      throw invalid('width must be an integer number of pixels')
    const envVersion = input.envVersion ?? this.envVersion()
    // WeChat checks the page against the published release unless told not to; a develop or
    // trial build's pages are not published yet.
    const checkPath = input.checkPath ?? envVersion === 'release'
    return this.transport.postForImage('/wxa/getwxacodeunlimit', {
      scene: input.scene,
      page: input.page,
      check_path: checkPath,
      env_version: envVersion,
      ...(input.width !== undefined ? { width: input.width } : {}),
    })
  }

  async openGroupId(input: { cloudId: string; openid: string }): Promise<string | null> {
    if (!input.openid) throw invalid('openid is required')
    if (typeof input.cloudId !== 'string' || !CLOUD_ID.test(input.cloudId)) return null
    let answer: Json
    try {
      answer = await this.transport.postJson(
        '/wxa/getopendata',
        { cloudid_list: [input.cloudId] },
        { openid: input.openid },
      )
    } catch (e) {
      if (e instanceof WechatApiError && UNUSABLE_CLOUD_ID.has(e.errcode as number)) return null
      throw e
    }
    const list = Array.isArray(answer.data_list) ? (answer.data_list as Json[]) : []
    const item = list.find((d) => d?.cloud_id === input.cloudId)
    if (!item) throw badResponse('getopendata: no data for the cloudID sent', answer)
    const open = openDataOf(item.json)
    if (!open) throw badResponse('getopendata: json is not an open-data object', answer)
    if (typeof open.errCode === 'number' && open.errCode !== 0) return null
    const data = (open.data ?? {}) as Json
    // A cloudID minted for another mini-program is not evidence about ours.
    const watermark = (data.watermark ?? {}) as Json
    if (watermark.appid !== this.transport.config.appid) return null
    // getGroupEnterInfo spells it opengid; the older getShareInfo, openGId.
    const gid = data.opengid ?? data.openGId
    return typeof gid === 'string' && gid ? gid : null
  }

  private envVersion() {
    return ENV_VERSION[this.transport.config.miniprogramState]
  }
}

/** `json` is documented as a string and shown as an object in WeChat's example: take either. */
const openDataOf = (json: unknown): Json | null => {
  let value = json
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json)
    } catch {
      return null
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null
}

const badResponse = (what: string, detail: unknown) =>
  failure('BAD_RESPONSE', `WeChat ${what}`, RETRY, 'transport', detail)
