/**
 * The weapp popup wired to a fake wx: WeChat's held call → popup → 同意 (the
 * agreePrivacyAuthorization button) / 拒绝. Taro's components and NutUI's Popup are replaced by
 * plain elements that keep the props the component relies on.
 */
import type { ReactNode } from 'react'
import { act, fireEvent, render, screen } from '@testing-library/react'

type Listener = (resolve: (o: unknown) => void, info?: { referrer?: string }) => void
const wx = {
  listener: null as Listener | null,
  onNeedPrivacyAuthorization: jest.fn((l: Listener) => void (wx.listener = l)),
  openPrivacyContract: jest.fn(),
  getPrivacySetting: jest.fn((o: { success: (r: { privacyContractName: string }) => void }) =>
    o.success({ privacyContractName: '《邻圈小程序隐私保护指引》' }),
  ),
}
const toast = jest.fn()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    canIUse: (name: string) => name in wx,
    onNeedPrivacyAuthorization: (l: Listener) => wx.onNeedPrivacyAuthorization(l),
    openPrivacyContract: (o: unknown) => wx.openPrivacyContract(o),
    getPrivacySetting: (o: never) => wx.getPrivacySetting(o),
  },
  useDidShow: () => undefined,
}))
jest.mock('@tarojs/components', () => ({
  Button: ({
    children,
    id,
    openType,
    onClick,
    onAgreePrivacyAuthorization,
  }: {
    children?: ReactNode
    id?: string
    openType?: string
    onClick?: () => void
    onAgreePrivacyAuthorization?: () => void
  }) => (
    // WeChat fires agreeprivacyauthorization (not only tap) on an open-type button.
    <button
      id={id}
      data-open-type={openType}
      onClick={() =>
        openType === 'agreePrivacyAuthorization' ? onAgreePrivacyAuthorization?.() : onClick?.()
      }
    >
      {children}
    </button>
  ),
  View: ({
    children,
    id,
    className,
  }: {
    children?: ReactNode
    id?: string
    className?: string
  }) => (
    <div id={id} className={className}>
      {children}
    </div>
  ),
  Text: ({
    children,
    id,
    onClick,
  }: {
    children?: ReactNode
    id?: string
    onClick?: () => void
  }) => (
    <span id={id} onClick={onClick}>
      {children}
    </span>
  ),
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  Popup: ({ visible, children }: { visible: boolean; children?: ReactNode }) =>
    visible ? <div role='dialog'>{children}</div> : null,
}))
jest.mock('@nutui/nutui-react-taro/dist/esm/Popup/style/css', () => ({}))
jest.mock('@/utils/feedback', () => ({ toast: (...a: unknown[]) => toast(...a) }))

import { PrivacyConsent } from '../privacy-consent.weapp'

const held = (referrer: string) => {
  const resolve = jest.fn()
  act(() => wx.listener!(resolve, { referrer }))
  return resolve
}

describe('PrivacyConsent (weapp)', () => {
  it('registers with WeChat and stays hidden until a privacy API is held', () => {
    render(<PrivacyConsent />)
    expect(wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('agree: resolves with the agree button id and closes', () => {
    render(<PrivacyConsent />)
    const resolve = held('chooseImage')
    expect(screen.getByText('用户隐私保护提示')).toBeTruthy()
    expect(screen.getByText(/使用选择照片前/)).toBeTruthy()
    expect(screen.getByText('《邻圈小程序隐私保护指引》')).toBeTruthy()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })

    const agree = screen.getByText('同意').closest('button')!
    expect(agree.id).toBe('privacy-agree')
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    fireEvent.click(agree)
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens the guideline from the link', () => {
    render(<PrivacyConsent />)
    held('getLocation')
    fireEvent.click(screen.getByText('《邻圈小程序隐私保护指引》'))
    expect(wx.openPrivacyContract).toHaveBeenCalled()
    fireEvent.click(screen.getByText('拒绝'))
  })

  it('disagree: fails the call and explains in a Toast', () => {
    render(<PrivacyConsent />)
    const resolve = held('getLocation')
    fireEvent.click(screen.getByText('拒绝'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(toast).toHaveBeenLastCalledWith('未同意隐私保护指引，暂时无法使用定位')
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
