import Taro from '@tarojs/taro'

/** Storage keys in one place so nothing collides; values are JSON-able. */
export const StorageKeys = {
  city: 'linquan.city',
  publishDraft: 'linquan.publish-draft',
  viewerPoint: 'linquan.viewer-point',
  /** Which community the 圈子 tab showed last. */
  feedCommunity: 'linquan.feed-community',
  /** + a conversation id: the composer's unsent text there. */
  chatDraft: 'linquan.chat-draft.',
  /** The last shipping address used at checkout, offered again next time. */
} as const

export const readStored = <T>(key: string): T | null => {
  try {
    const v = Taro.getStorageSync(key)
    return v === '' || v === undefined ? null : (v as T)
  } catch {
    return null
  }
}

export const writeStored = (key: string, value: unknown) => {
  try {
    Taro.setStorageSync(key, value)
  } catch {
    // Storage full or unavailable: remembering is a convenience, never a reason to fail.
  }
}

export const removeStored = (key: string) => {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // see writeStored
  }
}
