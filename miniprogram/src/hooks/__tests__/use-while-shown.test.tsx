import { act, render } from '@testing-library/react'

const lifecycle: { show?: () => void; hide?: () => void } = {}
jest.mock('@tarojs/taro', () => ({
  useDidShow: (f: () => void) => (lifecycle.show = f),
  useDidHide: (f: () => void) => (lifecycle.hide = f),
}))

import { useWhileShown } from '../use-while-shown'

function Probe({ run }: { run: () => void }) {
  useWhileShown(run, 1_000)
  return null
}

describe('useWhileShown', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('runs on its interval while shown, pauses while hidden, stops when unmounted', () => {
    const run = jest.fn()
    const page = render(<Probe run={run} />)
    act(() => void jest.advanceTimersByTime(3_000))
    expect(run).toHaveBeenCalledTimes(3)
    act(() => lifecycle.hide!())
    act(() => void jest.advanceTimersByTime(5_000))
    expect(run).toHaveBeenCalledTimes(3)
    act(() => lifecycle.show!())
    act(() => void jest.advanceTimersByTime(1_000))
    expect(run).toHaveBeenCalledTimes(4)
    // Shown twice in a row (a tab tapped again) still keeps one timer.
    act(() => lifecycle.show!())
    act(() => void jest.advanceTimersByTime(1_000))
    expect(run).toHaveBeenCalledTimes(5)
    page.unmount()
    act(() => void jest.advanceTimersByTime(5_000))
    expect(run).toHaveBeenCalledTimes(5)
  })

  it('calls the latest function it was given', () => {
    const first = jest.fn()
    const second = jest.fn()
    const page = render(<Probe run={first} />)
    page.rerender(<Probe run={second} />)
    act(() => void jest.advanceTimersByTime(1_000))
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledTimes(1)
  })
})
