import { createHmac, randomBytes, randomInt } from 'node:crypto'
import { WxApiError } from './state'

/**
 * Group chats and the open data behind their cloudIDs. A user who opens a card in a group gets a
 * cloudID from wx.getGroupEnterInfo (here: `POST /control/group-enter`, the sandbox playing the
 * WeChat client); the server trades it for `{ opengid }` at POST /wxa/getopendata, for the openid
 * it was issued to only and only while it lives (five minutes, as CloudBase documents). openGIds
 * are opaque and stable per (appid, group): an HMAC of both under the app's secret.
 */

type Json = Record<string, unknown>

export interface SandboxGroup {
  id: string
  name: string
  openGId: string
  /** How many cloudIDs were issued for it (opens from this group). */
  enters: number
}

interface IssuedCloudId {
  openid: string
  groupId: string
  issuedAt: number
  expiresAt: number
}

/** CloudBase: "The cloudID is valid for five minutes." */
export const CLOUD_ID_TTL_MS = 5 * 60_000
/** Expired cloudIDs are remembered this long, so a late one reads "expired", not "invalid". */
const FORGET_AFTER_MS = 24 * 3600_000
const MAX_LIST = 20

/** Groups every sandbox starts with (ids are stable, so journeys and seeds can name them). */
export const SEEDED_GROUPS: { id: string; name: string }[] = [
  { id: 'g-sunshine-garden', name: '阳光花园业主群' },
  { id: 'g-jingan-moms', name: '静安宝妈闲置群' },
  { id: 'g-zhangjiang-rent', name: '张江租房转让群' },
  { id: 'g-xuhui-runners', name: '徐汇夜跑群' },
]

const OPENID = /^[A-Za-z0-9_-]{6,64}$/

/** WeChat's open-data failures (wx-server-sdk error codes), inside the `json` of one cloudID. */
const UNUSABLE = {
  invalid: { errCode: -601005, errMsg: 'invalid cloudID' },
  expired: { errCode: -601006, errMsg: 'cloudID expired.' },
  otherUser: { errCode: -601007, errMsg: 'cloudID and calling user does not match' },
}

const fail = (errcode: number, errmsg: string): never => {
  throw new WxApiError(errcode, errmsg)
}

export class GroupOpenData {
  private groups = new Map<string, SandboxGroup>()
  private issued = new Map<string, IssuedCloudId>()

  constructor(
    private readonly o: { appid: string; secret: string; now: () => number; ttlMs?: number },
  ) {
    for (const g of SEEDED_GROUPS) this.groups.set(g.id, this.group(g.id, g.name))
  }

  list(): SandboxGroup[] {
    return [...this.groups.values()]
  }

  /** A new named group (sandbox control). */
  addGroup(name: unknown): SandboxGroup {
    if (typeof name !== 'string' || !name.trim() || [...name.trim()].length > 30)
      throw new Error('name must be 1 to 30 characters')
    if (this.find(name.trim())) throw new Error(`a group named ${name.trim()} exists`)
    const g = this.group(`g-${randomBytes(6).toString('hex')}`, name.trim())
    this.groups.set(g.id, g)
    return g
  }

  /**
   * What wx.getGroupEnterInfo hands a user who opened a card in this group (id or name): a
   * short-lived cloudID bound to that openid. Unknown groups are WeChat's 40097 (场景错误).
   */
  enter(openid: unknown, groupRef: unknown) {
    if (typeof openid !== 'string' || !OPENID.test(openid)) fail(40003, 'invalid openid')
    const g =
      (typeof groupRef === 'string' && this.find(groupRef)) ||
      fail(40097, '场景错误: no such group')
    const now = this.o.now()
    this.sweep(now)
    // Shaped like WeChat's (`27_Ih-9vx…`), random: a cloudID cannot be derived from anything.
    const cloudID = `${randomInt(10, 100)}_${randomBytes(36).toString('base64url')}`
    const expiresAt = now + (this.o.ttlMs ?? CLOUD_ID_TTL_MS)
    this.issued.set(cloudID, { openid: openid as string, groupId: g.id, issuedAt: now, expiresAt })
    g.enters++
    return { errMsg: 'getGroupEnterInfo:ok', cloudID, expiresAt, group: { id: g.id, name: g.name } }
  }

  /** POST /wxa/getopendata?openid=: one `{cloud_id, json}` per cloudID, `json` a JSON string. */
  getOpenData(openid: string | null, b: Json): { data_list: { cloud_id: string; json: string }[] } {
    if (!openid || !OPENID.test(openid)) fail(40003, 'invalid openid')
    const list = b.cloudid_list
    if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === 'string'))
      fail(47001, 'data format error: cloudid_list must be a non-empty array of strings')
    if ((list as string[]).length > MAX_LIST)
      fail(47001, `data format error: at most ${MAX_LIST} cloudIDs`)
    const now = this.o.now()
    return {
      data_list: (list as string[]).map((cloudID) => ({
        cloud_id: cloudID,
        json: JSON.stringify(this.openData(cloudID, openid!, now)),
      })),
    }
  }

  exportState(): { id: string; name: string }[] {
    return this.list()
      .filter((g) => !SEEDED_GROUPS.some((s) => s.id === g.id))
      .map(({ id, name }) => ({ id, name }))
  }

  /** Adds back the groups made at run time (cloudIDs are not kept: they live five minutes). */
  importState(saved: unknown): void {
    if (
      !Array.isArray(saved) ||
      !saved.every((g) => typeof g?.id === 'string' && typeof g?.name === 'string')
    )
      throw new Error('bad groups')
    this.reset()
    for (const g of saved as { id: string; name: string }[])
      this.groups.set(g.id, this.group(g.id, g.name))
  }

  reset(): void {
    this.groups = new Map(SEEDED_GROUPS.map((g) => [g.id, this.group(g.id, g.name)]))
    this.issued.clear()
  }

  private openData(cloudID: string, openid: string, now: number): Json {
    const issued = this.issued.get(cloudID)
    if (!issued) return { cloudID, ...UNUSABLE.invalid }
    if (now >= issued.expiresAt) return { cloudID, ...UNUSABLE.expired }
    if (issued.openid !== openid) return { cloudID, ...UNUSABLE.otherUser }
    const g = this.groups.get(issued.groupId)
    if (!g) return { cloudID, ...UNUSABLE.invalid }
    return {
      cloudID,
      data: {
        opengid: g.openGId,
        watermark: { appid: this.o.appid, timestamp: Math.floor(issued.issuedAt / 1000) },
      },
    }
  }

  private find(ref: string): SandboxGroup | undefined {
    return this.groups.get(ref) ?? this.list().find((g) => g.name === ref)
  }

  private group(id: string, name: string): SandboxGroup {
    const mac = createHmac('sha256', this.o.secret).update(`${this.o.appid}|${id}`).digest()
    return { id, name, openGId: `tG${mac.toString('base64url').slice(0, 26)}`, enters: 0 }
  }

  private sweep(now: number): void {
    for (const [id, c] of this.issued)
      if (now - c.expiresAt > FORGET_AFTER_MS) this.issued.delete(id)
  }
}
