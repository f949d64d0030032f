import { CountedFaults } from '../counted-faults'
import { type Delivery, type DeliveryState, PushNotifier } from '../push-notifier'
import { ManualClock } from '../sandbox-clock'

/** A vendor of the smallest kind: records carry a name, the signature is a header. */
interface Entry extends Delivery {
  name: string
  state: DeliveryState
}

const NONE = { drop: 0, dup: 0, hold: 0, forge: 0, late: 0, lateMs: 1_000 }
type Fault = Exclude<keyof typeof NONE, 'lateMs'>

class TestNotifier extends PushNotifier<Entry, string, Fault> {
  constructor(
    clock: ManualClock,
    faults: CountedFaults<typeof NONE, Fault>,
    fetchImpl: typeof fetch,
  ) {
    const delay = { fault: 'late' as const, ms: () => faults.get().lateMs }
    const faultNames = {
      drop: 'drop',
      duplicate: 'dup',
      reorder: 'hold',
      wrongSign: 'forge',
      delay,
    } as const
    super(clock, { faults, faultNames, retryMs: [10, 20], okStatuses: [200], fetch: fetchImpl })
  }
  queue(name: string) {
    return this.enqueue(
      { name, url: `http://receiver/${name}`, attempts: 0, statuses: [], state: 'pending' },
      name,
    )
  }
  protected mark(r: Entry, s: DeliveryState) {
    r.state = s
  }
  protected duplicate(r: Entry): Entry {
    return { ...r, name: `${r.name}'`, attempts: 0, statuses: [], state: 'pending' }
  }
  protected sign(name: string, wrongSign: boolean) {
    return { headers: { sig: wrongSign ? 'forged' : 'genuine' }, body: name }
  }
  protected accepts(text: string) {
    return text === 'ok'
  }
}

const setup = (
  answer: (body: string, sig: string) => { status: number; text: string } | 'network',
) => {
  const clock = new ManualClock(0)
  const faults = new CountedFaults<typeof NONE, Fault>(NONE)
  const seen: { body: string; sig: string; at: number }[] = []
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    const body = String(init.body)
    const sig = (init.headers as Record<string, string>).sig!
    seen.push({ body, sig, at: clock.now() })
    const a = answer(body, sig)
    if (a === 'network') throw new Error('connection refused')
    return new Response(a.text, { status: a.status })
  }) as typeof fetch
  return { clock, faults, seen, notifier: new TestNotifier(clock, faults, fetchImpl) }
}

describe('push notifier (the loop the WeChat Pay and kuaidi100 sandboxes share)', () => {
  test('retries on the schedule, logging each status, until an ok status with an accepted body', async () => {
    const answers = ['network', { status: 500, text: '' }, { status: 200, text: 'ok' }] as const
    const { clock, seen, notifier } = setup(() => answers[seen.length - 1]!)
    const entry = notifier.queue('a')
    await clock.advance(30)
    expect(seen.map((s) => s.at)).toEqual([0, 10, 30])
    expect(entry).toMatchObject({ state: 'delivered', attempts: 3, statuses: [0, 500, 200] })
  })

  test('an ok status whose body is not accepted counts as -1; after the last retry the push has failed', async () => {
    const { clock, notifier } = setup(() => ({ status: 200, text: 'nope' }))
    const entry = notifier.queue('a')
    await clock.advance(1_000)
    expect(entry).toMatchObject({ state: 'failed', attempts: 3, statuses: [-1, -1, -1] })
    expect(clock.pending()).toBe(0)
  })

  test('faults: drop, duplicate (logged when queued), hold (held until the next push), forge (first attempt only), late', async () => {
    const { clock, faults, seen, notifier } = setup((_b, sig) =>
      sig === 'genuine' ? { status: 200, text: 'ok' } : { status: 401, text: '' },
    )
    faults.set({ drop: 1 })
    expect(notifier.queue('dropped').state).toBe('dropped')
    faults.set({ dup: 1 })
    expect(notifier.queue('twice').state).toBe('pending')
    expect(notifier.log.map((e) => e.name)).toEqual(['dropped', 'twice', "twice'"])
    faults.set({ hold: 1 })
    const held = notifier.queue('held')
    expect(held.state).toBe('held')
    notifier.queue('next')
    expect(held.state).toBe('pending')
    await clock.advance(0)
    expect(seen.map((s) => s.body)).toEqual(['twice', 'twice', 'next', 'held'])
    faults.set({ forge: 1, late: 1 })
    const forged = notifier.queue('forged')
    await clock.advance(999)
    expect(seen).toHaveLength(4)
    await clock.advance(1 + 10)
    expect(seen.slice(4).map((s) => [s.sig, s.at])).toEqual([
      ['forged', 1_000],
      ['genuine', 1_010],
    ])
    expect(forged).toMatchObject({ state: 'delivered', statuses: [401, 200] })
  })
})
