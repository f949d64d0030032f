import { ListingContract } from '@shared/contracts/listing.contract'
import { UserContract } from '@shared/contracts/user.contract'
import { createClient } from '../client'
import { ServiceError, isAuthError } from '../service-error'
import type { Transport } from '../transport'

const ID = '01JD0000000000000000000000'
const card = {
  id: ID,
  kind: 'goods',
  title: '九成新 AirPods Pro 2',
  priceFen: 99900,
  originalPriceFen: 189900,
  category: 'digital',
  subcategory: 'digital.earphones',
  condition: 'like_new',
  serviceUnit: null,
  coverUrl: 'http://127.0.0.1/files/a.jpg',
  city: '上海',
  area: '浦东新区',
  distanceMeters: null,
  freeShipping: true,
  status: 'active',
  bumpedAt: 1_700_000_000_000,
  createdAt: 1_700_000_000_000,
  favoriteCount: 3,
  seller: {
    id: '01JD0000000000000000000001',
    nickname: '小王',
    avatarUrl: null,
    creditBadge: null,
  },
}

/** A transport that records what was sent and answers whatever the test says. */
const fakeTransport = (answer: unknown | (() => unknown)) => {
  const calls: { name: string; action: string; input: unknown }[] = []
  const transport: Transport = {
    invoke: jest.fn(async (name, action, input) => {
      calls.push({ name, action, input })
      return typeof answer === 'function' ? (answer as () => unknown)() : answer
    }),
  }
  return { transport, calls }
}

describe('createClient', () => {
  it('sends { name, action, input } with contract defaults and returns the typed data', async () => {
    const { transport, calls } = fakeTransport({
      ok: true,
      data: { items: [card], nextCursor: 'c2' },
    })
    const page = await createClient(transport).call(ListingContract, 'feed', { city: '上海' })
    expect(calls).toEqual([{ name: 'listing', action: 'feed', input: { city: '上海', limit: 20 } }])
    expect(page.items[0].title).toBe('九成新 AirPods Pro 2')
    expect(page.nextCursor).toBe('c2')
  })

  it('turns an error envelope into a ServiceError carrying code, message and details', async () => {
    const details = { path: 'title', issues: [{ path: 'title', message: '标题至少 2 个字' }] }
    const { transport } = fakeTransport({
      ok: false,
      error: { code: 'COMMON.VALIDATION', message: '标题至少 2 个字', details },
    })
    const err = await createClient(transport)
      .call(ListingContract, 'get', { id: ID })
      .catch((e) => e)
    expect(err).toBeInstanceOf(ServiceError)
    expect(err).toMatchObject({ code: 'COMMON.VALIDATION', message: '标题至少 2 个字', details })
    expect(err.fieldPath).toBe('title')
    expect(err.fieldErrors).toEqual({ title: '标题至少 2 个字' })
  })

  it('rejects bad input before it leaves, with the same VALIDATION shape the gateway uses', async () => {
    const { transport } = fakeTransport({ ok: true, data: {} })
    const err = await createClient(transport)
      .call(UserContract, 'updateProfile', { nickname: 'x'.repeat(21) })
      .catch((e) => e)
    expect(transport.invoke).not.toHaveBeenCalled()
    expect(err.code).toBe('COMMON.VALIDATION')
    expect(err.fieldPath).toBe('nickname')
    expect(err.message).toBe('昵称最多 20 个字')
  })

  it('refuses data that does not match the contract output', async () => {
    const { transport } = fakeTransport({
      ok: true,
      data: { items: [{ ...card, priceFen: '999' }], nextCursor: null },
    })
    await expect(
      createClient(transport).call(ListingContract, 'feed', { city: '杭州' }),
    ).rejects.toMatchObject({
      code: 'CLIENT.BAD_RESPONSE',
    })
  })

  it('refuses answers that are not envelopes at all', async () => {
    const { transport } = fakeTransport('<html>502 Bad Gateway</html>')
    await expect(createClient(transport).call(UserContract, 'me', {})).rejects.toMatchObject({
      code: 'CLIENT.BAD_RESPONSE',
    })
  })

  it('reports a transport failure as CLIENT.NETWORK', async () => {
    const { transport } = fakeTransport(() => {
      throw new TypeError('Failed to fetch')
    })
    await expect(createClient(transport).call(UserContract, 'me', {})).rejects.toMatchObject({
      code: 'CLIENT.NETWORK',
    })
  })

  it('tells its listener about failures, so a dead session can be forgotten', async () => {
    const onError = jest.fn()
    const { transport } = fakeTransport({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED', message: '请先登录' },
    })
    await expect(
      createClient(transport, { onError }).call(ListingContract, 'mine', {}),
    ).rejects.toBeInstanceOf(ServiceError)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(isAuthError(onError.mock.calls[0][0])).toBe(true)
  })

  it('does not treat other failures as "sign in first"', () => {
    expect(isAuthError(new ServiceError('COMMON.FORBIDDEN', 'no'))).toBe(false)
    expect(isAuthError(new Error('COMMON.UNAUTHENTICATED'))).toBe(false)
  })
})
