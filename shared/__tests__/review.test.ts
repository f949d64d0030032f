import fc from 'fast-check'
import {
  REVIEW_LIMITS,
  REVIEW_TAGS,
  mayRead,
  ratingLevel,
  revealDue,
  reviewDeadlines,
  reviewersAfter,
  tagsFor,
} from '../domain/review'
import { DAY } from '../domain/time'

describe('who may review an ended order', () => {
  const completed = ['checkout', 'pay', 'ship', 'confirm', 'complete']

  it('a completed trade: both parties', () => {
    expect(reviewersAfter('complete', completed)).toEqual(['buyer', 'seller'])
  })

  it('refunds, cancellations and closings give no review', () => {
    for (const ended of [
      'cancelPaid',
      'autoCancel',
      'agreeRefund',
      'autoAgreeRefund',
      'receiveReturn',
      'autoReceiveReturn',
      'expire',
      'cancelUnpaid',
      'compensationPaid',
    ])
      expect(reviewersAfter(ended, ['checkout', 'pay', ended])).toEqual([])
  })

  it('steps that do not end an order give none, and a repeated completion none either', () => {
    for (const ended of ['pay', 'ship', 'confirm', 'handOver', 'refuseRefund', 'compensate'])
      expect(reviewersAfter(ended, ['checkout', ended])).toEqual([])
    expect(reviewersAfter('compensationRefused', [...completed, 'compensate'])).toEqual([])
  })

  it('after a dispute, as its outcome allows', () => {
    const disputed = ['checkout', 'pay', 'ship', 'requestRefund', 'refuseRefund']
    // Found for the buyer: the buyer alone (no revenge rating from the seller who lost).
    expect(reviewersAfter('resolveRefund', [...disputed, 'resolveRefund'])).toEqual(['buyer'])
    // Found for the seller, or split: the trade stood; the window opens at completion, not before.
    expect(reviewersAfter('resolveRelease', [...disputed, 'resolveRelease'])).toEqual([])
    expect(reviewersAfter('complete', [...disputed, 'resolveRelease', 'complete'])).toEqual([
      'buyer',
      'seller',
    ])
    expect(reviewersAfter('complete', [...disputed, 'resolvePartial', 'complete'])).toEqual([
      'buyer',
      'seller',
    ])
  })

  it('is not fooled by names on Object.prototype', () => {
    expect(reviewersAfter('toString', ['toString'])).toEqual([])
    expect(reviewersAfter('complete', ['constructor', 'complete'])).toEqual(['buyer', 'seller'])
  })
})

describe('the double-blind rule', () => {
  it('a party reads their own review at once, the other party’s only once published', () => {
    expect(mayRead({ by: 'buyer', published: false }, 'buyer')).toBe(true)
    expect(mayRead({ by: 'buyer', published: false }, 'seller')).toBe(false)
    expect(mayRead({ by: 'buyer', published: true }, 'seller')).toBe(true)
    expect(mayRead({ by: 'seller', published: false }, 'buyer')).toBe(false)
  })

  const w = { closesAt: 1_000 + 7 * DAY, reviewers: ['buyer', 'seller'] as const }

  it('publishes when every reviewer is in, or at the close, and not before', () => {
    expect(revealDue(w, [], 1_000)).toBe(false)
    expect(revealDue(w, ['buyer'], 1_000)).toBe(false)
    expect(revealDue(w, ['seller'], w.closesAt - 1)).toBe(false)
    expect(revealDue(w, ['buyer', 'seller'], 1_000)).toBe(true)
    expect(revealDue(w, ['buyer'], w.closesAt)).toBe(true)
    expect(revealDue(w, [], w.closesAt)).toBe(true)
    // A window only the buyer may review (a dispute found for them) reveals with the buyer's.
    expect(revealDue({ ...w, reviewers: ['buyer'] }, ['buyer'], 1_000)).toBe(true)
  })

  it('before the close, only a full set reveals (any order of arrival)', () => {
    fc.assert(
      fc.property(
        fc.subarray(['buyer', 'seller'] as const),
        fc.integer({ min: 0, max: 7 * DAY - 1 }),
        (submitted, t) => revealDue(w, submitted, 1_000 + t) === (submitted.length === 2),
      ),
    )
  })
})

describe('windows and tags', () => {
  it('counts the 7-day window, the reminder a day before and 30 days of 追评 from completion', () => {
    expect(reviewDeadlines(5_000)).toEqual({
      closesAt: 5_000 + 7 * DAY,
      remindAt: 5_000 + 6 * DAY,
      followUpUntil: 5_000 + 30 * DAY,
    })
    expect(REVIEW_LIMITS.photosMax).toBe(6)
  })

  it('a buyer picks from the sellers’ tags, a seller from the buyers’', () => {
    expect(tagsFor('buyer')).toBe(REVIEW_TAGS.seller)
    expect(tagsFor('seller')).toBe(REVIEW_TAGS.buyer)
    for (const t of ['描述相符', '发货快', '沟通愉快', '爽快', '包装好'])
      expect(tagsFor('buyer')).toContain(t)
    for (const t of ['付款爽快', '沟通愉快', '守时']) expect(tagsFor('seller')).toContain(t)
    expect(tagsFor('seller')).not.toContain('发货快')
  })

  it('4–5 stars are 好评, 3 中评, 1–2 差评', () => {
    expect([1, 2, 3, 4, 5].map(ratingLevel)).toEqual(['bad', 'bad', 'neutral', 'good', 'good'])
  })
})
