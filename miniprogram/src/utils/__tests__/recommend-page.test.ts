import type { RecommendPage } from '@shared/contracts/recommend.contract'
import { recommendNote, recommendPage } from '../recommend-page'

const page = (ids: string[], nextCursor: string | null = null): RecommendPage => ({
  items: ids.map((id) => ({ id }) as RecommendPage['items'][number]),
  nextCursor,
  basis: 'personal',
})
const expired = Object.assign(new Error('推荐已更新，请下拉刷新'), {
  code: 'RECOMMEND.CURSOR_EXPIRED',
})

describe('recommendPage', () => {
  it('answers the page asked for', async () => {
    const fetch = jest.fn(async () => page(['a', 'b'], 'g.2'))
    expect(await recommendPage(fetch, { city: '上海', cursor: 'g.0' })).toEqual(
      page(['a', 'b'], 'g.2'),
    )
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('starts a fresh ranking when a later page’s ranking is gone', async () => {
    const fetch = jest.fn(async (input: { cursor?: string }) => {
      if (input.cursor) throw expired
      return page(['c'], 'h.1')
    })
    expect(await recommendPage(fetch, { city: '上海', cursor: 'g.5' })).toEqual(page(['c'], 'h.1'))
    expect(fetch.mock.calls.map(([i]) => i.cursor)).toEqual(['g.5', undefined])
  })

  it('passes other failures on, and an expired first page too', async () => {
    const down = Object.assign(new Error('offline'), { code: 'CLIENT.NETWORK' })
    await expect(recommendPage(async () => Promise.reject(down), { cursor: 'g.5' })).rejects.toBe(
      down,
    )
    const fetch = jest.fn(async () => Promise.reject(expired))
    await expect(recommendPage(fetch, {})).rejects.toBe(expired)
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})

describe('recommendNote', () => {
  it('says what the order is based on, and never that anything is coming soon', () => {
    expect(recommendNote('personal', true)).toBe('根据你的浏览、想要和关注推荐')
    expect(recommendNote('popular', true)).toMatch(/^附近热门/)
    expect(recommendNote('popular', false)).toMatch(/登录后/)
    for (const n of [recommendNote(null, false), recommendNote('popular', true)])
      expect(n).not.toMatch(/即将上线/)
  })
})
