import type { ReportReason } from '@shared/domain/report'
import { HOUR, MINUTE } from '@shared/domain/time'
import type { FakeClock } from '../../src/adapters/clock/system-clock'
import type { Deps } from '../../src/modules/deps'
import { loadListing } from '../../src/modules/listing'
import type { ListingRecord } from '../../src/modules/listing/domain/listing.record'
import { createReport } from '../../src/modules/report'
import type { UserRecord } from '../../src/modules/user/domain/user.record'

/**
 * Open 举报 for the moderation queue (o-demo-08 and o-demo-06 moderate), through the real use
 * case, so cases, scores and holds are what the app makes. Only 杭州 listings are reported: the
 * escrow journeys pick 上海 listings straight from the store, and the case that crosses the hide
 * threshold holds its listing. Nothing is decided here, so nobody's credit moves.
 */
const CASES: { owner: string; reason: ReportReason; reporters: string[]; text: string }[] = [
  // Four independent reporters: above the threshold, hidden pending review.
  {
    owner: 'o-demo-07',
    reason: 'fraud',
    reporters: ['o-demo-01', 'o-demo-02', 'o-demo-03', 'o-demo-04'],
    text: '付款后让我加微信私下转账，说平台交易要多收钱',
  },
  {
    owner: 'o-demo-05',
    reason: 'counterfeit',
    reporters: ['o-demo-01', 'o-demo-03'],
    text: '标的正品，但图片上的走线和logo明显是假货',
  },
  { owner: 'o-demo-07', reason: 'spam', reporters: ['o-demo-02'], text: '同样的东西每天发好几遍' },
]

const isActiveGoods = (l: ListingRecord | null): l is ListingRecord =>
  !!l && l.status === 'active' && l.kind === 'goods' && l.reviewHeldAt == null

export const seedReports = async (
  deps: Deps & { clock: FakeClock },
  users: Map<string, UserRecord>,
  listings: readonly ListingRecord[],
  now: number,
): Promise<number> => {
  // Spread over the last two hours before now (the seed's activity may have run up to it).
  deps.clock.set(Math.min(deps.clock.now(), now - 2 * HOUR))
  const step = Math.max(MINUTE, Math.min(HOUR, Math.floor((now - deps.clock.now()) / 10)))
  const used = new Set<string>()
  let made = 0
  for (const c of CASES) {
    const ownerId = users.get(c.owner)!._id
    let target: ListingRecord | null = null
    for (const l of listings.filter((x) => x.sellerId === ownerId && x.city === '杭州')) {
      const now = await loadListing(deps.store, l._id)
      if (isActiveGoods(now) && !used.has(now._id)) {
        target = now
        break
      }
    }
    if (!target) continue
    used.add(target._id)
    for (const reporter of c.reporters) {
      deps.clock.advance(step)
      await createReport(deps, users.get(reporter)!, {
        target: { kind: 'listing', id: target._id },
        reason: c.reason,
        text: c.text,
        photoFileIds: [],
        messageRefs: [],
      })
      made++
    }
  }
  // A user reported for how they talk.
  deps.clock.advance(step)
  await createReport(deps, users.get('o-demo-07')!, {
    target: { kind: 'user', id: users.get('o-demo-05')!._id },
    reason: 'harassment',
    text: '议价不成就在聊天里骂人',
    photoFileIds: [],
    messageRefs: [],
  })
  return made + 1
}
