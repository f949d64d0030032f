import { UserContract } from '@shared/contracts/user.contract'

const showToast = jest.fn()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    ...require('./taro-mock').taroMock.default,
    showToast: (o: unknown) => showToast(o),
    navigateTo: jest.fn(async () => undefined),
  },
}))

import { reportError } from '@/utils/feedback'
import { createClient } from '../client'
import { rateLimitedMessage, ServiceError, waitInWords } from '../service-error'
import type { Transport } from '../transport'
import { startDemoSession } from '../auth.h5'
import { parseUploadAnswer } from '../upload.h5'

const limitedBy = (message: string, retryAfterMs?: number): Transport => ({
  invoke: async () => ({
    ok: false,
    error: {
      code: 'COMMON.RATE_LIMITED',
      message,
      ...(retryAfterMs === undefined ? {} : { details: { retryAfterMs } }),
    },
  }),
})
const callWith = (transport: Transport): Promise<ServiceError> =>
  createClient(transport)
    .call(UserContract, 'me', {})
    .then(
      () => {
        throw new Error('expected a failure')
      },
      (e: unknown) => e as ServiceError,
    )

beforeEach(() => showToast.mockClear())

describe('COMMON.RATE_LIMITED on screen', () => {
  it('says how long to wait, worked out from retryAfterMs, and keeps code and details', async () => {
    const err = await callWith(limitedBy('操作太频繁，请稍后再试', 90_000))
    expect(err).toBeInstanceOf(ServiceError)
    expect(err).toMatchObject({
      code: 'COMMON.RATE_LIMITED',
      message: '操作太频繁，请 2 分钟后再试',
      details: { retryAfterMs: 90_000 },
    })
  })

  it("keeps the server's own first clause", async () => {
    expect(
      (await callWith(limitedBy('发布太频繁了，请一小时后再试', 57 * 60_000 + 1))).message,
    ).toBe('发布太频繁了，请 58 分钟后再试')
    expect((await callWith(limitedBy('搜索太频繁了，请稍后再试', 4_200))).message).toBe(
      '搜索太频繁了，请 5 秒后再试',
    )
  })

  it('rounds the wait up, so waiting as told is always enough', () => {
    expect(waitInWords(1)).toBe('1 秒')
    expect(waitInWords(59_001)).toBe('60 秒')
    expect(waitInWords(60_000)).toBe('1 分钟')
    expect(waitInWords(60_001)).toBe('2 分钟')
    expect(waitInWords(3 * 3_600_000 - 1)).toBe('3 小时')
  })

  it('leaves the message alone without a usable retryAfterMs, or when it already names the day', () => {
    expect(rateLimitedMessage('操作太频繁，请稍后再试', undefined)).toBe('操作太频繁，请稍后再试')
    expect(rateLimitedMessage('操作太频繁，请稍后再试', { retryAfterMs: 'soon' })).toBe(
      '操作太频繁，请稍后再试',
    )
    expect(
      rateLimitedMessage('今天上传的文件太多了，请明天再传', { retryAfterMs: 3_600_000 }),
    ).toBe('今天上传的文件太多了，请明天再传')
    expect(rateLimitedMessage('', { retryAfterMs: 120_000 })).toBe('操作太频繁，请 2 分钟后再试')
  })

  it('reads the same way from the upload route (HTTP 429) and from demo sign-in', async () => {
    const body = {
      ok: false,
      error: {
        code: 'COMMON.RATE_LIMITED',
        message: '登录太频繁了，请稍后再试',
        details: { retryAfterMs: 30_000 },
      },
    }
    expect(() => parseUploadAnswer(429, JSON.stringify(body))).toThrow(
      '登录太频繁了，请 30 秒后再试',
    )
    const realFetch = globalThis.fetch
    globalThis.fetch = jest.fn(
      async () => ({ status: 429, ok: false, json: async () => body }) as unknown as Response,
    )
    try {
      await expect(startDemoSession('o-demo-01')).rejects.toMatchObject({
        code: 'COMMON.RATE_LIMITED',
        message: '登录太频繁了，请 30 秒后再试',
      })
    } finally {
      globalThis.fetch = realFetch
    }
  })

  it('is what the toast shows when a page reports the failure', async () => {
    reportError(await callWith(limitedBy('操作太频繁，请稍后再试', 90_000)))
    expect(showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '操作太频繁，请 2 分钟后再试' }),
    )
  })

  it('does not touch other codes', async () => {
    const err = await callWith({
      invoke: async () => ({
        ok: false,
        error: {
          code: 'COMMON.FORBIDDEN',
          message: '没有权限，请稍后再试',
          details: { retryAfterMs: 5 },
        },
      }),
    })
    expect(err.message).toBe('没有权限，请稍后再试')
  })
})
