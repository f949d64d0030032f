// An in-memory stand-in for the few Taro APIs the services touch (storage, cloud).
export const storage = new Map<string, unknown>()
export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(),
  uploadFile: jest.fn(),
  DYNAMIC_CURRENT_ENV: 'dynamic',
}
export const taroMock = {
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    cloud,
  },
}
