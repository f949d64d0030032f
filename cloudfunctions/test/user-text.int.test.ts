import { main as listing } from '../src/functions/listing'
import { main as user } from '../src/functions/user'
import { main as order } from '../src/functions/order'
import { Listings } from '../src/modules/listing/domain/listing.record'
import { DEMO_USERS } from '../local/seed/demo-users'
import { NicknameSchema } from '@shared/contracts/user-text'
import { goodsInput, publishListing } from './fixtures'
import { invoke, signUp, startTestCloud, type TestCloud } from './harness'

/** User text is cleaned by the contracts before any use case runs (shared/contracts/user-text.ts). */
let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await signUp(cloud, 'o-seller')
})
afterEach(() => cloud.stop())

describe('user text through the functions', () => {
  it('refuses a listing whose title carries a right-to-left override: COMMON.VALIDATION on title, nothing written', async () => {
    const res = await invoke(
      listing,
      cloud,
      'o-seller',
      'create',
      await goodsInput(cloud, { title: '全新耳机\u202Egnp.exe' }),
    )
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'COMMON.VALIDATION',
        message: '标题包含不可见或控制字符',
        details: { path: 'title' },
      },
    })
    expect((await cloud.container.store.find(Listings, {}, { limit: 10 })).items).toHaveLength(0)
  })

  it('refuses control characters in a description but keeps its line breaks', async () => {
    const bad = await invoke(
      listing,
      cloud,
      'o-seller',
      'create',
      await goodsInput(cloud, { description: '九成新，无划痕\u0007，可小刀' }),
    )
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'COMMON.VALIDATION', details: { path: 'description' } },
    })
    const ok = await publishListing(cloud, 'o-seller', {
      title: 'ＳＯＮＹ 耳机',
      description: '  九成新，无划痕！\r\n配件齐全，可当面验货。  ',
    })
    expect(ok).toMatchObject({
      title: 'SONY 耳机',
      description: '九成新，无划痕！\n配件齐全，可当面验货。',
    })
  })

  it('refuses a nickname posing as the platform, however it is spaced', async () => {
    for (const nickname of ['邻圈客服', '邻 圈', '官\u200B方小助手', 'ＬＱ管理员']) {
      const res = await invoke(user, cloud, 'o-seller', 'updateProfile', { nickname })
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'COMMON.VALIDATION', details: { path: 'nickname' } },
      })
      expect(res.ok || res.error.message).toMatch(/^昵称不能包含“(邻圈|官方|客服|管理员)”等字样$/)
    }
    expect(
      await invoke(user, cloud, 'o-seller', 'updateProfile', { nickname: ' 小鹿爱搬家 ' }),
    ).toMatchObject({ ok: true, data: { nickname: '小鹿爱搬家' } })
  })

  it('keeps every seeded demo nickname valid', () => {
    for (const demo of DEMO_USERS)
      expect(NicknameSchema.safeParse(demo.nickname)).toMatchObject({
        success: true,
        data: demo.nickname,
      })
  })

  it('refuses a refund reason that is only zero-width characters', async () => {
    const res = await invoke(order, cloud, 'o-seller', 'requestRefund', {
      orderId: '01J00000000000000000000000',
      type: 'refund_only',
      reason: '\u200B\u200B\u200B',
    })
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'COMMON.VALIDATION',
        message: '说明不能只有空格或不可见字符',
        details: { path: 'reason' },
      },
    })
  })
})
