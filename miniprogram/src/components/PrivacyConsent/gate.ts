/**
 * The privacy-consent gate (weapp): WeChat holds a privacy API (getLocation, chooseImage,
 * setClipboardData …) pending and fires `onNeedPrivacyAuthorization(resolve)`; the gate hands the
 * request to the consent popup of the page the user is looking at and settles every pending
 * `resolve` with the user's answer. Pure logic with no Taro import, so it is tested with a fake wx.
 */

/** What WeChat's `resolve` accepts (Taro.onNeedPrivacyAuthorization.ResolveOption). */
export interface PrivacyResolveOption {
  event: 'exposureAuthorization' | 'agree' | 'disagree'
  /** The id of the agree button the user tapped; required with `agree`. */
  buttonId?: string
}
export type PrivacyResolve = (option: PrivacyResolveOption) => void
export type PrivacyListener = (resolve: PrivacyResolve, eventInfo?: { referrer?: string }) => void

/** The part of `wx` (or Taro in the weapp build) the gate needs. */
export interface PrivacyHost {
  onNeedPrivacyAuthorization(listener: PrivacyListener): void
}

/** A mounted consent popup. */
export interface ConsentView {
  /** Show the popup; `feature` names what the user was trying to do (定位, 选择照片 …) when known. */
  open(feature: string | null): void
  close(): void
}

/** The id of the 同意 button; WeChat checks that the button with this id was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'

/** What WeChat reports as the referrer (the API or component that asked) in the user's words. */
const FEATURES: [RegExp, string][] = [
  [/location/i, '定位'],
  // Before the image rule: saveImageToPhotosAlbum (and scope.writePhotosAlbum) saves, not picks.
  [/PhotosAlbum/i, '保存到相册'],
  [/image|media|video|camera|album|photo/i, '选择照片'],
  [/clipboard/i, '复制'],
  [/phone/i, '获取手机号'],
  [/address/i, '选择地址'],
]

export const featureOf = (referrer: string | undefined | null): string | null => {
  if (!referrer) return null
  for (const [pattern, feature] of FEATURES) if (pattern.test(referrer)) return feature
  return null
}

/** The Toast after 拒绝 (or when no page can show the popup): what will not work. */
export const refusalMessage = (feature: string | null) =>
  feature
    ? `未同意隐私保护指引，暂时无法使用${feature}`
    : '未同意隐私保护指引，定位、选图和复制等功能暂不可用'

export interface PrivacyGateOptions {
  /** Called after the request was refused: by the user, or because no page could ask. */
  onRefused?: (feature: string | null) => void
}

export interface PrivacyGate {
  /** Registers the listener once; false when the host has no privacy API (old base library, H5). */
  install(host: PrivacyHost | null | undefined): boolean
  readonly installed: boolean
  /** A popup mounted; it becomes the one that asks. Returns the detach function for unmount. */
  attach(view: ConsentView): () => void
  /** The popup's page came to the front (tab switch, navigateBack): it asks from now on. */
  activate(view: ConsentView): void
  agree(buttonId?: string): void
  disagree(): void
  /** Requests waiting for an answer. */
  readonly pending: number
}

export function createPrivacyGate(options: PrivacyGateOptions = {}): PrivacyGate {
  /** Mounted popups, the one on the visible page last. */
  const views: ConsentView[] = []
  let waiting: PrivacyResolve[] = []
  let shown: ConsentView | null = null
  let feature: string | null = null
  let installed = false

  const settle = (option: PrivacyResolveOption) => {
    const list = waiting
    waiting = []
    shown?.close()
    shown = null
    // Every API that was held pending goes on (agree) or fails with "privacy permission is not
    // authorized" (disagree).
    for (const resolve of list) resolve(option)
  }

  const refuse = () => {
    const what = feature
    feature = null
    settle({ event: 'disagree' })
    options.onRefused?.(what)
  }

  /** Puts the popup on the visible page; true when one is showing. */
  const present = (): boolean => {
    const top = views[views.length - 1]
    if (!top) return false
    if (shown !== top) {
      shown?.close()
      shown = top
    }
    top.open(feature)
    return true
  }

  const listener: PrivacyListener = (resolve, eventInfo) => {
    waiting.push(resolve)
    feature = featureOf(eventInfo?.referrer) ?? feature
    if (present()) {
      // Tells WeChat the guideline was shown (allowed before agree/disagree).
      resolve({ event: 'exposureAuthorization' })
    } else {
      // No popup on this page: never leave the API hanging.
      refuse()
    }
  }

  return {
    install(host) {
      if (installed) return true
      if (!host || typeof host.onNeedPrivacyAuthorization !== 'function') return false
      host.onNeedPrivacyAuthorization(listener)
      installed = true
      return true
    },
    get installed() {
      return installed
    },
    attach(view) {
      views.push(view)
      return () => {
        const i = views.indexOf(view)
        if (i >= 0) views.splice(i, 1)
        if (shown === view) {
          shown = null
          // The page went away while asking: hand over to the page now in front, or refuse.
          if (waiting.length > 0 && !present()) refuse()
        }
      }
    },
    activate(view) {
      const i = views.indexOf(view)
      if (i < 0 || i === views.length - 1) return
      views.splice(i, 1)
      views.push(view)
      if (waiting.length > 0) present()
    },
    agree(buttonId = AGREE_BUTTON_ID) {
      feature = null
      settle({ event: 'agree', buttonId })
    },
    disagree() {
      refuse()
    },
    get pending() {
      return waiting.length
    },
  }
}
