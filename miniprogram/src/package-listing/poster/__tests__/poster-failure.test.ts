import { ServiceError } from '@/services/service-error'
import { defaultMessages } from '@shared/errors/error-codes'
import { PosterQrMissingError } from '@/utils/poster/render-poster'
import { failureOf } from '../poster-failure'

const fail = (code: string) =>
  new ServiceError(code, defaultMessages[code as keyof typeof defaultMessages] ?? code)

describe('failureOf: what the poster page says when it cannot draw', () => {
  it('WeChat could not make the 小程序码: its message, and 重新生成', () => {
    expect(failureOf(fail('SHARE.POSTER_UNAVAILABLE'))).toEqual({
      kind: 'failed',
      message: '小程序码生成失败，请稍后再试',
      retry: true,
    })
  })

  it('not the caller’s share, or a forged token: no retry', () => {
    for (const code of ['COMMON.NOT_FOUND', 'COMMON.VALIDATION'])
      expect(failureOf(fail(code))).toEqual({
        kind: 'failed',
        message: '这个分享不存在，或者不是你分享的',
        retry: false,
      })
  })

  it('the listing cannot be shared any more: the server’s words, no retry', () => {
    expect(failureOf(fail('SHARE.TARGET_UNAVAILABLE'))).toMatchObject({
      message: '这个内容暂时不能分享',
      retry: false,
    })
  })

  it('the code image did not load, or anything else: try again', () => {
    expect(failureOf(new PosterQrMissingError())).toEqual({
      kind: 'failed',
      message: '小程序码加载失败',
      retry: true,
    })
    expect(failureOf(new Error('boom'))).toMatchObject({
      retry: true,
      message: '海报生成失败，请稍后再试',
    })
    expect(failureOf(fail('COMMON.RATE_LIMITED'))).toMatchObject({ retry: true })
  })
})
