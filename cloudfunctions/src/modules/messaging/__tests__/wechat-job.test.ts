import { PermanentJobError } from '../../outbox/application/outbox'
import { runWechatCall } from '../application/wechat-job'
import { WechatApiError } from '../ports/wechat-api.port'

const failing = (errcode: WechatApiError['errcode'], retryable: boolean) => () =>
  Promise.reject(
    new WechatApiError(
      errcode,
      `WeChat: ${errcode}`,
      retryable,
      typeof errcode === 'number' ? 'wechat' : 'transport',
    ),
  )

test('success and 43101 (user did not accept) end the job', async () => {
  expect(await runWechatCall(() => Promise.resolve(), { attempts: 1 })).toBe('done')
  expect(await runWechatCall(failing(43101, false), { attempts: 1 })).toBe('done')
})

test('10060023 on a retry means an earlier attempt landed; on the first attempt it is permanent', async () => {
  expect(await runWechatCall(failing(10060023, false), { attempts: 2 })).toBe('done')
  await expect(runWechatCall(failing(10060023, false), { attempts: 1 })).rejects.toBeInstanceOf(
    PermanentJobError,
  )
})

test('retryable failures are rethrown for the outbox backoff; the rest are permanent', async () => {
  await expect(runWechatCall(failing('TIMEOUT', true), { attempts: 1 })).rejects.toBeInstanceOf(
    WechatApiError,
  )
  await expect(runWechatCall(failing(-1, true), { attempts: 3 })).rejects.not.toBeInstanceOf(
    PermanentJobError,
  )
  await expect(runWechatCall(failing(47003, false), { attempts: 1 })).rejects.toThrow(
    /errcode 47003/,
  )
  await expect(
    runWechatCall(failing('NOT_CONFIGURED', false), { attempts: 1 }),
  ).rejects.toBeInstanceOf(PermanentJobError)
  await expect(
    runWechatCall(() => Promise.reject(new Error('bug')), { attempts: 1 }),
  ).rejects.toThrow('bug')
})
