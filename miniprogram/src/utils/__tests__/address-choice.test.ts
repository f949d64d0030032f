const storage = new Map<string, unknown>()
const navigateTo = jest.fn((_options: unknown) => Promise.resolve())
const navigateBack = jest.fn(() => Promise.resolve())
const emit = jest.fn()
let page: unknown = { getOpenerEventChannel: () => ({ emit }) }

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    navigateTo: (o: unknown) => navigateTo(o),
    navigateBack: () => navigateBack(),
    getCurrentInstance: () => ({ page }),
  },
}))

import {
  ADDRESS_CHOSEN,
  chooseAddress,
  returnChosenAddress,
  takeChosenAddress,
} from '../address-choice'

beforeEach(() => {
  storage.clear()
  jest.clearAllMocks()
  page = { getOpenerEventChannel: () => ({ emit }) }
})

describe('choosing an address', () => {
  it('opens the book in choose mode with an event listener, and forgets an old pick', () => {
    storage.set('linquan.chosen-address', 'OLD')
    const onChosen = jest.fn()
    void chooseAddress(onChosen, 'SEL')
    const opts = navigateTo.mock.calls[0][0] as {
      url: string
      events: Record<string, (p: { id: string }) => void>
    }
    expect(opts.url).toBe('/package-user/addresses/index?choose=1&selected=SEL')
    opts.events[ADDRESS_CHOSEN]({ id: 'A1' })
    expect(onChosen).toHaveBeenCalledWith('A1')
    expect(takeChosenAddress()).toBeNull()
  })

  it('answers on the event channel and in storage, then goes back; storage is read once', () => {
    void returnChosenAddress('A2')
    expect(emit).toHaveBeenCalledWith(ADDRESS_CHOSEN, { id: 'A2' })
    expect(navigateBack).toHaveBeenCalled()
    expect(takeChosenAddress()).toBe('A2')
    expect(takeChosenAddress()).toBeNull()
  })

  it('still answers through storage when the page has no opener channel', () => {
    page = null
    void returnChosenAddress('A3')
    expect(takeChosenAddress()).toBe('A3')
  })
})
