import {
  AGREE_BUTTON_ID,
  type ConsentView,
  type PrivacyListener,
  type PrivacyResolveOption,
  createPrivacyGate,
  featureOf,
  refusalMessage,
} from '../gate'

/** A stand-in for wx: keeps the listener so a test can play a held privacy API call. */
const fakeWx = () => {
  const wx = {
    listeners: [] as PrivacyListener[],
    onNeedPrivacyAuthorization: jest.fn((l: PrivacyListener) => void wx.listeners.push(l)),
    /** WeChat holding e.g. wx.getLocation: returns what the call was resolved with. */
    need(referrer?: string) {
      const calls: PrivacyResolveOption[] = []
      const resolve = jest.fn((o: PrivacyResolveOption) => void calls.push(o))
      wx.listeners[wx.listeners.length - 1](resolve, referrer ? { referrer } : undefined)
      return { resolve, calls }
    },
  }
  return wx
}

const fakeView = () => {
  const view = { shown: false, feature: null as string | null, open: jest.fn(), close: jest.fn() }
  view.open.mockImplementation((f: string | null) => {
    view.shown = true
    view.feature = f
  })
  view.close.mockImplementation(() => void (view.shown = false))
  return view as typeof view & ConsentView
}

/** A gate installed on wx, with one page's popup attached and a spy on refusals. */
const gateOnAPage = () => {
  const wx = fakeWx()
  const refused = jest.fn()
  const gate = createPrivacyGate({ onRefused: refused })
  gate.install(wx)
  const view = fakeView()
  gate.attach(view)
  return { wx, refused, gate, view }
}

describe('privacy consent gate', () => {
  it('registers one listener, and none where the API is missing', () => {
    const gate = createPrivacyGate()
    expect(gate.install(null)).toBe(false)
    expect(gate.install({} as never)).toBe(false)
    const wx = fakeWx()
    expect(gate.install(wx)).toBe(true)
    expect(gate.install(wx)).toBe(true)
    expect(wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    expect(gate.installed).toBe(true)
  })

  it('shows the popup, reports the exposure and lets the call go on after 同意', () => {
    const { wx, refused, gate, view } = gateOnAPage()

    const call = wx.need('getLocation')
    expect(view.shown).toBe(true)
    expect(view.feature).toBe('定位')
    expect(call.calls).toEqual([{ event: 'exposureAuthorization' }])
    expect(gate.pending).toBe(1)

    gate.agree(AGREE_BUTTON_ID)
    expect(call.calls[1]).toEqual({ event: 'agree', buttonId: 'privacy-agree' })
    expect(view.shown).toBe(false)
    expect(gate.pending).toBe(0)
    expect(refused).not.toHaveBeenCalled()
  })

  it('fails the call after 拒绝 and says what will not work', () => {
    const { wx, refused, gate, view } = gateOnAPage()

    const call = wx.need('setClipboardData')
    gate.disagree()
    expect(call.calls.at(-1)).toEqual({ event: 'disagree' })
    expect(view.shown).toBe(false)
    expect(refused).toHaveBeenCalledWith('复制')
    expect(refusalMessage('复制')).toBe('未同意隐私保护指引，暂时无法使用复制')
  })

  it('answers every call held while the popup was open', () => {
    const wx = fakeWx()
    const gate = createPrivacyGate()
    gate.install(wx)
    gate.attach(fakeView())
    const a = wx.need('chooseImage')
    const b = wx.need('chooseLocation')
    expect(gate.pending).toBe(2)
    gate.agree()
    expect(a.calls.at(-1)).toEqual({ event: 'agree', buttonId: AGREE_BUTTON_ID })
    expect(b.calls.at(-1)).toEqual({ event: 'agree', buttonId: AGREE_BUTTON_ID })
  })

  it('asks on the page in front: the last mounted, or the last shown', () => {
    const wx = fakeWx()
    const gate = createPrivacyGate()
    gate.install(wx)
    const home = fakeView()
    const publish = fakeView()
    gate.attach(home)
    const detachPublish = gate.attach(publish)

    wx.need('chooseImage')
    expect(publish.shown).toBe(true)
    expect(home.shown).toBe(false)
    gate.agree()

    // Back on the 首页 tab (both tab pages stay mounted).
    gate.activate(home)
    wx.need('getLocation')
    expect(home.shown).toBe(true)
    expect(publish.shown).toBe(false)
    gate.disagree()

    // The page closes while asking: the popup moves to the page now in front.
    gate.activate(publish)
    wx.need('chooseImage')
    expect(publish.shown).toBe(true)
    detachPublish()
    expect(home.shown).toBe(true)
    expect(gate.pending).toBe(1)
  })

  it('never leaves a call hanging when no page can ask', () => {
    const wx = fakeWx()
    const refused = jest.fn()
    const gate = createPrivacyGate({ onRefused: refused })
    gate.install(wx)
    const call = wx.need('chooseMedia')
    expect(call.calls).toEqual([{ event: 'disagree' }])
    expect(refused).toHaveBeenCalledWith('选择照片')
    expect(gate.pending).toBe(0)

    // …nor when the only page asking goes away.
    const detach = gate.attach(fakeView())
    const second = wx.need('getLocation')
    detach()
    expect(second.calls.at(-1)).toEqual({ event: 'disagree' })
    expect(refused).toHaveBeenLastCalledWith('定位')
  })

  it.each([
    ['getLocation', '定位'],
    ['chooseLocation', '定位'],
    ['chooseImage', '选择照片'],
    ['chooseMedia', '选择照片'],
    // The poster's 保存到相册: saving, not picking a photo.
    ['saveImageToPhotosAlbum', '保存到相册'],
    ['scope.writePhotosAlbum', '保存到相册'],
    ['setClipboardData', '复制'],
    ['getPhoneNumber', '获取手机号'],
    ['somethingElse', null],
    [undefined, null],
  ])('names the feature behind the privacy API %s', (api, feature) => {
    expect(featureOf(api)).toBe(feature)
  })

  it('names the usual features when it does not know which one was refused', () => {
    expect(refusalMessage(null)).toMatch(/定位、选图和复制/)
  })
})
