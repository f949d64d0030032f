/**
 * The `wx` the built pages see: what a phone's WeChat client would answer, kept in memory and
 * recorded so a test can read what a page asked for (toasts, modals, navigation, the tab badge,
 * the share menu). miniprogram-simulate merges its own mocks under this object for everything
 * not listed here; these are the APIs whose answers or calls the tests care about.
 */
import type { FakeCloud } from './fake-cloud'

/** One call a page made to a recorded wx API. */
export interface WxCall {
  api: string
  options: Record<string, unknown>
}

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

/** The phone the pages run on: an iPhone-sized screen, base library new enough for privacy APIs. */
export const SYSTEM_INFO = {
  brand: 'iPhone',
  model: 'iPhone 13',
  pixelRatio: 3,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'ios',
  SDKVersion: '3.4.0',
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  theme: 'light',
}

const FIRST_ENTER: EnterOptions = { path: 'pages/index/index', query: {}, scene: 1001 }

/** Calls whose options are recorded (everything a page does that a person would notice). */
const RECORDED = [
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'showModal',
  'showActionSheet',
  'navigateTo',
  'redirectTo',
  'switchTab',
  'reLaunch',
  'navigateBack',
  'setTabBarBadge',
  'removeTabBarBadge',
  'showTabBarRedDot',
  'hideTabBarRedDot',
  'setNavigationBarTitle',
  'stopPullDownRefresh',
  'showShareMenu',
  'hideShareMenu',
  'updateShareMenu',
  'previewImage',
  'requestSubscribeMessage',
  'setClipboardData',
  'vibrateShort',
  'getGroupEnterInfo',
  'getShareInfo',
] as const
export type RecordedApi = (typeof RECORDED)[number]

export interface EnterOptions {
  path: string
  query: Record<string, string>
  scene: number
  shareTicket?: string
  referrerInfo?: Record<string, unknown>
}

export interface FakeWx {
  /** The object installed as the global `wx`. */
  wx: Record<string, unknown>
  /** Every recorded call, in order. */
  calls: WxCall[]
  /** Options of each call to one API, in order. */
  callsTo(api: RecordedApi): Record<string, unknown>[]
  storage: Map<string, unknown>
  /** What showModal answers next (default: the person taps 取消). */
  modalAnswer: { confirm: boolean; cancel: boolean; content?: string }
  /** What getLocation answers: a point, or null for a refusal (the default). */
  location: { latitude: number; longitude: number } | null
  /**
   * How the mini-program was entered (wx.getEnterOptionsSync / getLaunchOptionsSync): scene 1001
   * is the 发现 list, 1007 a card in a one-to-one chat, 1008 a card in a group chat (with a
   * shareTicket). WeappApp.open sets it from its `enter` option.
   */
  enter: EnterOptions
  /** What wx.getGroupEnterInfo / getShareInfo answer for a shareTicket (none: they fail). */
  groupInfo: { cloudID: string; encryptedData?: string; iv?: string } | null
  /** The listener the app gave wx.onNeedPrivacyAuthorization, if any. */
  privacyListener: ((resolve: (r: unknown) => void, event: unknown) => void) | null
  /** Forgets recorded calls and storage between tests (the app's listeners stay). */
  reset(): void
}

/** Answers like WeChat: success/complete callbacks when given, a promise either way. */
const settle = (name: string, options: Options | undefined, result: () => unknown) => {
  const o = options ?? {}
  return new Promise((resolve, reject) => {
    Promise.resolve().then(() => {
      try {
        const res = { errMsg: `${name}:ok`, ...(result() as object) }
        o.success?.(res)
        o.complete?.(res)
        resolve(res)
      } catch (e) {
        const err = { errMsg: `${name}:fail ${(e as Error).message}` }
        o.fail?.(err)
        o.complete?.(err)
        if (o.fail || o.complete) resolve(err)
        else reject(err)
      }
    })
  })
}

/** Strips the callbacks so recorded options compare with plain objects. */
const recordable = (options: Options | undefined) => {
  const { success: _s, fail: _f, complete: _c, ...rest } = options ?? {}
  return rest
}

/** A createSelectorQuery whose nodes all measure as a full-width phone row. */
const selectorQuery = () => {
  const rect = { id: '', dataset: {}, left: 0, right: 375, top: 0, bottom: 100, width: 375 }
  const fields: unknown[] = []
  const node = {
    boundingClientRect(cb?: (r: unknown) => void) {
      fields.push({ ...rect, height: 100 })
      cb?.(fields[fields.length - 1])
      return query
    },
    scrollOffset(cb?: (r: unknown) => void) {
      fields.push({ scrollLeft: 0, scrollTop: 0, scrollHeight: 0, scrollWidth: 375 })
      cb?.(fields[fields.length - 1])
      return query
    },
    fields(_f: unknown, cb?: (r: unknown) => void) {
      fields.push({ ...rect, height: 100 })
      cb?.(fields[fields.length - 1])
      return query
    },
    node(cb?: (r: unknown) => void) {
      fields.push({ node: null })
      cb?.(fields[fields.length - 1])
      return query
    },
  }
  const query = {
    in: () => query,
    select: () => node,
    selectAll: () => node,
    selectViewport: () => node,
    exec(cb?: (res: unknown[]) => void) {
      const res = fields.splice(0)
      setTimeout(() => cb?.(res), 0)
    },
  }
  return query
}

export const createFakeWx = (cloud: FakeCloud): FakeWx => {
  const calls: WxCall[] = []
  const storage = new Map<string, unknown>()
  const fake: FakeWx = {
    wx: {},
    calls,
    callsTo: (api) => calls.filter((c) => c.api === api).map((c) => c.options),
    storage,
    modalAnswer: { confirm: false, cancel: true },
    location: null,
    enter: { ...FIRST_ENTER },
    groupInfo: null,
    privacyListener: null,
    reset() {
      calls.splice(0)
      storage.clear()
      fake.modalAnswer = { confirm: false, cancel: true }
      fake.location = null
      fake.enter = { ...FIRST_ENTER }
      fake.groupInfo = null
    },
  }

  /** What a recorded API answers: most only say ok. */
  const answerOf = (api: RecordedApi, options: Options | undefined) => {
    if (api === 'showModal') return fake.modalAnswer
    if (api === 'getGroupEnterInfo' || api === 'getShareInfo') {
      if (!fake.groupInfo || options?.shareTicket !== fake.enter.shareTicket)
        throw new Error('invalid shareTicket')
      return { encryptedData: 'encrypted', iv: 'iv', ...fake.groupInfo }
    }
    return {}
  }

  const recorded = Object.fromEntries(
    RECORDED.map((api) => [
      api,
      (options?: Options) => {
        calls.push({ api, options: recordable(options) })
        return settle(api, options, () => answerOf(api, options))
      },
    ]),
  )

  const copy = (v: unknown) => (v === undefined ? v : JSON.parse(JSON.stringify(v)))
  const info = () => ({ keys: [...storage.keys()], currentSize: storage.size, limitSize: 10240 })

  fake.wx = {
    // Taro's chunks push themselves here; it must exist before the first bundle runs.
    webpackJsonp: [],
    ...recorded,

    getStorageSync: (key: string) => (storage.has(key) ? copy(storage.get(key)) : ''),
    setStorageSync: (key: string, data: unknown) => void storage.set(key, copy(data)),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: info,
    getStorage: (o: Options & { key: string }) =>
      settle('getStorage', o, () => {
        if (!storage.has(o.key)) throw new Error('data not found')
        return { data: copy(storage.get(o.key)) }
      }),
    setStorage: (o: Options & { key: string; data: unknown }) =>
      settle('setStorage', o, () => void storage.set(o.key, copy(o.data))),
    removeStorage: (o: Options & { key: string }) =>
      settle('removeStorage', o, () => void storage.delete(o.key)),
    clearStorage: (o?: Options) => settle('clearStorage', o, () => storage.clear()),
    getStorageInfo: (o?: Options) => settle('getStorageInfo', o, info),

    getSystemInfoSync: () => ({ ...SYSTEM_INFO }),
    getSystemInfo: (o?: Options) => settle('getSystemInfo', o, () => ({ ...SYSTEM_INFO })),
    getWindowInfo: () => ({ ...SYSTEM_INFO }),
    getDeviceInfo: () => ({ ...SYSTEM_INFO }),
    getAppBaseInfo: () => ({ ...SYSTEM_INFO }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: 48,
      right: 368,
      bottom: 80,
      left: 281,
    }),
    canIUse: () => true,
    getEnterOptionsSync: () => copy(fake.enter),
    getLaunchOptionsSync: () => copy(fake.enter),

    onNeedPrivacyAuthorization: (listener: FakeWx['privacyListener']) => {
      fake.privacyListener = listener
    },
    getPrivacySetting: (o?: Options) =>
      settle('getPrivacySetting', o, () => ({
        needAuthorization: false,
        privacyContractName: '《邻圈隐私保护指引》',
      })),
    requirePrivacyAuthorize: (o?: Options) => settle('requirePrivacyAuthorize', o, () => ({})),
    openPrivacyContract: (o?: Options) => settle('openPrivacyContract', o, () => ({})),

    getLocation: (o?: Options) =>
      settle('getLocation', o, () => {
        if (!fake.location) throw new Error('auth deny')
        return { ...fake.location, accuracy: 30 }
      }),

    createSelectorQuery: selectorQuery,

    cloud: cloud.wxCloud,
  }
  return fake
}
