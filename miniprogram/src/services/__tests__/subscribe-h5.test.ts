/** The browser's stand-in for wx.requestSubscribeMessage: the WeChat API sandbox records the 允许. */
const templates = {
  orderPaid: 'T-PAID',
  orderShipped: 'T-SHIP',
  orderDelivered: 'T-DELIV',
  refund: 'T-REFUND',
  autoReceiveReminder: 'T-REMIND',
  chatMessage: 'T-CHAT',
}
const messageTemplates = jest.fn(async () => ({ templates }))
jest.mock('../api', () => ({ api: { order: { messageTemplates: () => messageTemplates() } } }))
let session: { token: string; expiresAt: number; openid?: string } | null = null
jest.mock('../session', () => ({ readSession: () => session }))

import { askMessages, devInboxUrl } from '../subscribe.h5'

describe('subscribe (H5)', () => {
  const fetchMock = jest.fn(async () => ({ ok: true }))
  beforeEach(() => {
    fetchMock.mockClear()
    ;(globalThis as { fetch?: unknown }).fetch = fetchMock
  })

  it('tells the sandbox which templates this demo user accepted, three at most', async () => {
    session = { token: 't', expiresAt: Number.MAX_SAFE_INTEGER, openid: 'o-demo-01' }
    await askMessages(['orderShipped', 'orderDelivered', 'refund', 'autoReceiveReminder'])
    expect(fetchMock).toHaveBeenCalledWith(
      '/sandbox/wechat-api/control/subscribe',
      expect.objectContaining({ method: 'POST' }),
    )
    const body = JSON.parse(
      (fetchMock.mock.calls[0] as unknown as [string, { body: string }])[1].body,
    )
    expect(body).toEqual({ openid: 'o-demo-01', templateIds: ['T-SHIP', 'T-DELIV', 'T-REFUND'] })
    expect(devInboxUrl()).toBe('/sandbox/wechat-api/inbox?openid=o-demo-01')
  })

  it('does nothing when signed out, and never throws when the sandbox is missing', async () => {
    session = null
    await askMessages(['orderShipped'])
    expect(fetchMock).not.toHaveBeenCalled()
    expect(devInboxUrl()).toBeNull()
    session = { token: 't', expiresAt: Number.MAX_SAFE_INTEGER, openid: 'o-demo-01' }
    fetchMock.mockRejectedValueOnce(new Error('offline') as never)
    await expect(askMessages(['orderShipped'])).resolves.toBeUndefined()
  })

  it('asks for 新消息 with the template ids fetched once, before any tap needs them', async () => {
    session = { token: 't', expiresAt: Number.MAX_SAFE_INTEGER, openid: 'o-demo-01' }
    const fetchedBefore = messageTemplates.mock.calls.length
    await askMessages(['chatMessage'])
    await askMessages(['chatMessage'])
    const bodies = fetchMock.mock.calls.map(
      (c) => JSON.parse((c as unknown as [string, { body: string }])[1].body).templateIds,
    )
    expect(bodies).toEqual([['T-CHAT'], ['T-CHAT']])
    expect(messageTemplates.mock.calls.length - fetchedBefore).toBeLessThanOrEqual(1)
  })
})
