import fs from 'node:fs'
import path from 'node:path'
import { storage, cloud, taroMock } from './taro-mock'

jest.mock('@tarojs/taro', () => require('./taro-mock').taroMock)

import { createHttpTransport } from '../cloud.h5'
import { transport as weappTransport } from '../cloud.weapp'
import { transport as fallbackTransport } from '../cloud'
import { parseUploadAnswer } from '../upload.h5'
import { SESSION_KEY, readSession } from '../session'

void taroMock
const jsonResponse = (status: number, body: unknown) =>
  ({ status, json: async () => (typeof body === 'string' ? JSON.parse(body) : body) }) as Response

beforeEach(() => {
  storage.clear()
  jest.clearAllMocks()
})

describe('H5 transport (local gateway)', () => {
  it('POSTs { action, input } to /fn/<name> with the session token', async () => {
    storage.set(SESSION_KEY, { token: 'tok-1', expiresAt: Date.now() + 60_000 })
    const fetchImpl = jest.fn(async () => jsonResponse(200, { ok: true, data: 1 }))
    const answer = await createHttpTransport(fetchImpl as unknown as typeof fetch).invoke(
      'listing',
      'feed',
      { city: '上海' },
    )
    expect(answer).toEqual({ ok: true, data: 1 })
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/fn/listing')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({ action: 'feed', input: { city: '上海' } })
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1')
  })

  it('sends no Authorization without a session, or with an expired one', async () => {
    storage.set(SESSION_KEY, { token: 'old', expiresAt: Date.now() - 1 })
    const fetchImpl = jest.fn(async () => jsonResponse(200, { ok: true, data: 1 }))
    await createHttpTransport(fetchImpl as unknown as typeof fetch).invoke('user', 'login', {})
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined()
    expect(readSession()).toBeNull()
  })

  it('hands back error envelopes that come with a 4xx status', async () => {
    const body = { ok: false, error: { code: 'COMMON.UNAUTHENTICATED', message: '请先登录' } }
    const fetchImpl = jest.fn(async () => jsonResponse(401, body))
    await expect(
      createHttpTransport(fetchImpl as unknown as typeof fetch).invoke('listing', 'mine', {}),
    ).resolves.toEqual(body)
  })

  it('reports non-JSON answers and network failures with client codes', async () => {
    const notJson = jest.fn(async () => jsonResponse(502, '<html>'))
    await expect(
      createHttpTransport(notJson as unknown as typeof fetch).invoke('user', 'me', {}),
    ).rejects.toMatchObject({
      code: 'CLIENT.BAD_RESPONSE',
    })
    const down = jest.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(
      createHttpTransport(down as unknown as typeof fetch).invoke('user', 'me', {}),
    ).rejects.toMatchObject({
      code: 'CLIENT.NETWORK',
    })
  })
})

describe('weapp transport (wx.cloud)', () => {
  it('calls the cloud function with { action, input } as data and returns its result', async () => {
    cloud.callFunction.mockResolvedValue({ result: { ok: true, data: 'x' } })
    await expect(weappTransport.invoke('user', 'login', {})).resolves.toEqual({
      ok: true,
      data: 'x',
    })
    expect(cloud.init).toHaveBeenCalledTimes(1)
    expect(cloud.callFunction).toHaveBeenCalledWith({
      name: 'user',
      data: { action: 'login', input: {} },
    })
  })

  it('reports a failed call as CLIENT.NETWORK', async () => {
    cloud.callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail' })
    await expect(weappTransport.invoke('user', 'me', {})).rejects.toMatchObject({
      code: 'CLIENT.NETWORK',
    })
  })
})

describe('transport choice', () => {
  it('has no transport outside the two platform builds', async () => {
    await expect(fallbackTransport.invoke('user', 'me', {})).rejects.toMatchObject({
      code: 'CLIENT.UNSUPPORTED',
    })
  })

  it('gives every platform file both a weapp and an h5 version next to its fallback', () => {
    const dir = path.resolve(__dirname, '..')
    const files = fs.readdirSync(dir)
    const platformBases = new Set(
      files
        .filter((f) => /\.(weapp|h5)\.ts$/.test(f))
        .map((f) => f.replace(/\.(weapp|h5)\.ts$/, '')),
    )
    expect([...platformBases].sort()).toEqual([
      'auth',
      'chat-stream',
      'cloud',
      'pay',
      'share-platform',
      'subscribe',
      'upload',
    ])
    for (const base of platformBases) {
      expect(files).toEqual(
        expect.arrayContaining([`${base}.ts`, `${base}.weapp.ts`, `${base}.h5.ts`]),
      )
    }
  })
})

describe('H5 upload answers', () => {
  it('accepts { fileId, url }', () => {
    expect(
      parseUploadAnswer(200, '{"fileId":"local://listing-photos/a.jpg","url":"/files/a.jpg"}'),
    ).toEqual({
      fileId: 'local://listing-photos/a.jpg',
      url: '/files/a.jpg',
    })
  })
  it('surfaces the gateway error code', () => {
    expect(() =>
      parseUploadAnswer(
        401,
        '{"ok":false,"error":{"code":"COMMON.UNAUTHENTICATED","message":"请先登录"}}',
      ),
    ).toThrow(expect.objectContaining({ code: 'COMMON.UNAUTHENTICATED' }))
  })
  it('refuses a file id the contracts would refuse', () => {
    expect(() => parseUploadAnswer(200, '{"fileId":"http://evil/x.jpg","url":"/x"}')).toThrow(
      expect.objectContaining({ code: 'CLIENT.BAD_RESPONSE' }),
    )
  })
})
