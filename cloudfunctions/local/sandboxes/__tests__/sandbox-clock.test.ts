import { ManualClock, RealClock } from '../sandbox-clock'

describe('sandbox clocks', () => {
  test('ManualClock runs due tasks in time order, including tasks scheduled by tasks', async () => {
    const clock = new ManualClock(1_000)
    const seen: string[] = []
    clock.schedule(30, () => void seen.push(`b@${clock.now()}`))
    clock.schedule(10, () => {
      seen.push(`a@${clock.now()}`)
      clock.schedule(5, () => void seen.push(`c@${clock.now()}`))
    })
    const cancel = clock.schedule(20, () => void seen.push('cancelled'))
    cancel()
    await clock.advance(25)
    expect(seen).toEqual(['a@1010', 'c@1015'])
    await clock.advance(100)
    expect(seen).toEqual(['a@1010', 'c@1015', 'b@1030'])
    expect(clock.now()).toBe(1_125)
    expect(clock.pending()).toBe(0)
  })

  test('RealClock compresses delays by timeFactor (a 15-minute task runs in this test)', async () => {
    const clock = new RealClock(1_000_000)
    await new Promise<void>((resolve) => clock.schedule(15 * 60_000, resolve))
    expect(clock.pending()).toBe(0)
    clock.close()
  })
})
