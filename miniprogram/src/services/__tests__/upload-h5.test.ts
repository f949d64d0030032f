jest.mock('@tarojs/taro', () => require('./taro-mock').taroMock)

import { storage } from './taro-mock'
import { SESSION_KEY } from '../session'
import { uploadPhoto, uploadVideo } from '../upload.h5'

/** An XMLHttpRequest that records what the page sent and answers what the test says. */
class FakeXhr {
  static last: FakeXhr | null = null
  static answer: { status: number; body: unknown } = { status: 200, body: {} }
  method = ''
  url = ''
  headers: Record<string, string> = {}
  sent: FormData | null = null
  status = 0
  responseText = ''
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null
  } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v
  }
  send(body: FormData) {
    FakeXhr.last = this
    this.sent = body
    this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 })
    this.status = FakeXhr.answer.status
    this.responseText = JSON.stringify(FakeXhr.answer.body)
    setTimeout(() => this.onload?.(), 0)
  }
}

const blobOf = (size: number, type = 'image/png') => new Blob([new Uint8Array(size)], { type })

beforeEach(() => {
  storage.clear()
  storage.set(SESSION_KEY, { token: 'tok-1', expiresAt: Date.now() + 60_000 })
  FakeXhr.last = null
  ;(globalThis as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr
})

const withPicked = (blob: Blob) => {
  globalThis.fetch = jest.fn(async () => ({ blob: async () => blob }) as unknown as Response)
}

describe('H5 uploads to the local files route', () => {
  it('sends dir before file with the session token, reports progress and answers the fileId', async () => {
    withPicked(blobOf(100))
    FakeXhr.answer = {
      status: 200,
      body: {
        fileId: 'local://avatars/2026-11/abc.png',
        url: 'http://x/files/avatars/2026-11/abc.png',
      },
    }
    const progress: number[] = []
    const uploaded = await uploadPhoto('blob:1', (p) => progress.push(p), 'avatars')
    expect(uploaded).toEqual({
      fileId: 'local://avatars/2026-11/abc.png',
      url: 'http://x/files/avatars/2026-11/abc.png',
    })
    const xhr = FakeXhr.last!
    expect([xhr.method, xhr.url, xhr.headers.Authorization]).toEqual([
      'POST',
      '/files/upload',
      'Bearer tok-1',
    ])
    expect([...(xhr.sent as unknown as Iterable<[string, unknown]>)].map(([k]) => k)).toEqual([
      'dir',
      'file',
    ])
    expect(xhr.sent!.get('dir')).toBe('avatars')
    expect(progress).toEqual([50])
  })

  it('refuses a photo over 10 MB (a video over 50 MB) before sending a byte', async () => {
    withPicked(blobOf(10 * 1024 * 1024 + 1))
    await expect(uploadPhoto('blob:2')).rejects.toMatchObject({
      code: 'FILE.TOO_LARGE',
      message: '图片不能超过 10 MB',
    })
    withPicked(blobOf(30 * 1024 * 1024, 'video/mp4'))
    FakeXhr.answer = {
      status: 200,
      body: { fileId: 'local://listing-videos/2026-11/v.mp4', url: 'http://x/v.mp4' },
    }
    await expect(uploadVideo('blob:3')).resolves.toMatchObject({
      fileId: 'local://listing-videos/2026-11/v.mp4',
    })
    FakeXhr.last = null
    withPicked(blobOf(50 * 1024 * 1024 + 1, 'video/mp4'))
    await expect(uploadVideo('blob:4')).rejects.toMatchObject({
      code: 'FILE.TOO_LARGE',
      message: '视频不能超过 50 MB',
    })
    expect(FakeXhr.last).toBeNull()
  })

  it("turns the route's refusals into ServiceErrors with their codes", async () => {
    withPicked(blobOf(100))
    FakeXhr.answer = {
      status: 403,
      body: { ok: false, error: { code: 'USER.BANNED', message: '账号已被限制使用' } },
    }
    await expect(uploadPhoto('blob:5')).rejects.toMatchObject({
      code: 'USER.BANNED',
      message: '账号已被限制使用',
    })
    FakeXhr.answer = {
      status: 429,
      body: {
        ok: false,
        error: {
          code: 'COMMON.RATE_LIMITED',
          message: '今天上传的文件太多了，请明天再传',
          details: { retryAfterMs: 3_600_000 },
        },
      },
    }
    await expect(uploadPhoto('blob:6')).rejects.toMatchObject({
      code: 'COMMON.RATE_LIMITED',
      message: '今天上传的文件太多了，请明天再传',
    })
  })
})
