import { randomBytes } from 'node:crypto'
import QRCode from 'qrcode'
import { DAY, MINUTE } from '@shared/domain/time'
import type { Clock } from '../../core/ports/clock.port'
import { WechatApiError } from '../../messaging/ports/wechat-api.port'
import type {
  UnlimitedQrCodeInput,
  UpdatableMessageInput,
  WechatShareApi,
} from '../ports/wechat-share.port'

/** WeChat's errcodes for updatable messages and 小程序码 (the ones the fake answers). */
export const FAKE_ERRCODES = {
  SYSTEM_BUSY: -1,
  DATA_FORMAT: 47001,
  BAD_ACTIVITY_ID: 47501,
  BAD_TARGET_STATE: 47502,
  BAD_VERSION_TYPE: 47503,
  ACTIVITY_EXPIRED: 47504,
  BAD_SCENE: 40169,
} as const

interface FakeCard {
  expiresAt: number
  /** null until the first update: the card shows what the sharer's client set. */
  state: 0 | 1 | null
  sent: UpdatableMessageInput[]
}

const refused = (errcode: number, message: string) =>
  new WechatApiError(errcode, message, false, 'wechat')
const busy = () => new WechatApiError(FAKE_ERRCODES.SYSTEM_BUSY, 'system busy', true, 'wechat')

/**
 * An in-memory WeChat for the share module's tests, behaving as WeChat does where it matters:
 * activity ids lapse after 24 h and a card in state 1 takes no further update; a cloudID opens
 * only for the user it was issued to, and only for a while; a 小程序码 is a real, decodable QR PNG
 * of the scene. `failNext` makes the next call of a method fail (busy or refused).
 */
export class FakeWechatShare implements WechatShareApi {
  readonly cards = new Map<string, FakeCard>()
  readonly qrCalls: UnlimitedQrCodeInput[] = []
  private readonly cloudIds = new Map<string, { openid: string; openGId: string; at: number }>()
  private readonly failures = new Map<keyof WechatShareApi, 'busy' | 'refused'>()
  /** How long a cloudID can be exchanged after it was issued. */
  static readonly CLOUD_ID_LIFETIME_MS = 10 * MINUTE

  constructor(private readonly clock: Clock) {}

  /** What wx.getGroupEnterInfo hands `openid` in the group `openGId`. */
  issueCloudId(openid: string, openGId: string): string {
    const cloudId = `cid_${randomBytes(12).toString('hex')}`
    this.cloudIds.set(cloudId, { openid, openGId, at: this.clock.now() })
    return cloudId
  }

  failNext(method: keyof WechatShareApi, how: 'busy' | 'refused' = 'busy') {
    this.failures.set(method, how)
  }

  private maybeFail(method: keyof WechatShareApi) {
    const how = this.failures.get(method)
    if (!how) return
    this.failures.delete(method)
    throw how === 'busy' ? busy() : refused(FAKE_ERRCODES.DATA_FORMAT, 'refused on purpose')
  }

  async createActivityId(_input: { openid?: string }) {
    this.maybeFail('createActivityId')
    const activityId = `act_${randomBytes(10).toString('hex')}`
    const expiresAt = this.clock.now() + DAY
    this.cards.set(activityId, { expiresAt, state: null, sent: [] })
    return { activityId, expiresAt }
  }

  async sendUpdatableMessage(input: UpdatableMessageInput) {
    this.maybeFail('sendUpdatableMessage')
    const card = this.cards.get(input.activityId)
    if (!card) throw refused(FAKE_ERRCODES.BAD_ACTIVITY_ID, 'invalid activity_id')
    if (this.clock.now() >= card.expiresAt)
      throw refused(FAKE_ERRCODES.ACTIVITY_EXPIRED, 'activity_id expired')
    if (card.state === 1) throw refused(FAKE_ERRCODES.BAD_TARGET_STATE, 'state 1 is final')
    const names = new Set(input.parameters.map((p) => p.name))
    const needs =
      input.targetState === 0 ? ['member_count', 'room_limit'] : ['path', 'version_type']
    if (!needs.every((n) => names.has(n as never)))
      throw refused(FAKE_ERRCODES.DATA_FORMAT, 'data format error')
    const version = input.parameters.find((p) => p.name === 'version_type')?.value
    if (version !== undefined && !['develop', 'trial', 'release'].includes(version))
      throw refused(FAKE_ERRCODES.BAD_VERSION_TYPE, 'invalid version_type')
    card.state = input.targetState
    card.sent.push(input)
  }

  async getUnlimitedQrCode(input: UnlimitedQrCodeInput) {
    this.maybeFail('getUnlimitedQrCode')
    if (!input.scene || input.scene.length > 32 || input.page.startsWith('/'))
      throw refused(FAKE_ERRCODES.BAD_SCENE, 'invalid scene or page')
    this.qrCalls.push(input)
    return new Uint8Array(
      await QRCode.toBuffer(input.scene, { type: 'png', width: input.width ?? 430 }),
    )
  }

  async openGroupId({ cloudId, openid }: { cloudId: string; openid: string }) {
    this.maybeFail('openGroupId')
    const issued = this.cloudIds.get(cloudId)
    if (!issued || issued.openid !== openid) return null
    if (this.clock.now() - issued.at > FakeWechatShare.CLOUD_ID_LIFETIME_MS) return null
    return issued.openGId
  }

  /** The state a card shows in the chat: 'on_sale' | 'reserved' from state 0's counts, 'sold' for 1. */
  shown(activityId: string): string | null {
    const last = this.cards.get(activityId)?.sent.at(-1)
    if (!last) return null
    if (last.targetState === 1) return 'sold'
    return last.parameters.find((p) => p.name === 'member_count')?.value === '1'
      ? 'reserved'
      : 'on_sale'
  }
}
