/** The browser's stand-in for wx.requestSubscribeMessage: the WeChat API sandbox records the 允许. */
const templates = {
  orderPaid: 'T-PAID',
  orderShipped: 'T-SHIP',
  orderDelivered: 'T-DELIV',
  refund: 'T-REFUND',
  autoReceiveReminder: 'T-REMIND',
}
jest.mock('../api', () => ({ api: { order: { messageTemplates: async () => ({ templates }) } } }))
let session: { token: string; expiresAt: number; openid?: string } | null = null
jest.mock('../session', () => ({ readSession: () => session }))

import { askOrderMessages, devInboxUrl } from '../subscribe.h5'

describe('subscribe (H5)', () => {
  const fetchMock = jest.fn(async () => ({ ok: true }))
  beforeEach(() => {
    fetchMock.mockClear()
    ;(globalThis as { fetch?: unknown }).fetch = fetchMock
  })

  it('tells the sandbox which templates this demo user accepted, three at most', async () => {
    session = { token: 't', expiresAt: Number.MAX_SAFE_INTEGER, openid: 'o-demo-01' }
    await askOrderMessages(['orderShipped', 'orderDelivered', 'refund', 'autoReceiveReminder'])
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
    await askOrderMessages(['orderShipped'])
    expect(fetchMock).not.toHaveBeenCalled()
    expect(devInboxUrl()).toBeNull()
    session = { token: 't', expiresAt: Number.MAX_SAFE_INTEGER, openid: 'o-demo-01' }
    fetchMock.mockRejectedValueOnce(new Error('offline') as never)
    await expect(askOrderMessages(['orderShipped'])).resolves.toBeUndefined()
  })
})
