import type { Deps } from '../../src/modules/deps'
import { Merchants } from '../../src/modules/merchant/domain/merchant.records'
import { Identities, Users, type UserRecord } from '../../src/modules/user/domain/user.record'
import { aFinishedMerchant, anIdentity } from '../mothers/merchant.mother'
import { DEMO_USERS } from './demo-users'

/** Demo users who have not opened 收款 yet, so the onboarding journey can be shown from the start. */
export const UNONBOARDED_DEMO_OPENIDS = ['o-demo-07', 'o-demo-08']

/** The sandbox sub-merchant of the n-th demo seller (the local cloud registers these at start). */
export const demoSubMchid = (n: number) => `19003000${String(n).padStart(2, '0')}`

/**
 * Finished 进件 for the demo sellers, written directly (there is no WeChat review to wait for in a
 * seed): a sub_mchid each, a made-up identity sealed like a real one, masked copies for display.
 */
export const seedMerchants = async (
  deps: Deps,
  users: Map<string, UserRecord>,
): Promise<number> => {
  let added = 0
  for (const [index, { openid }] of DEMO_USERS.entries()) {
    const n = index + 1
    const user = users.get(openid)
    if (!user || UNONBOARDED_DEMO_OPENIDS.includes(openid)) continue
    if (await deps.store.get(Merchants, user._id)) continue
    await aFinishedMerchant(deps, user._id, {
      identity: anIdentity(n),
      applymentId: `20000000000${String(10000 + n)}`,
      stateDesc: '完成',
      subMchid: demoSubMchid(n),
      form: {
        idCardValidEnd: '2040-01-01',
        accountBank: '招商银行',
        bankAddressCode: user.city === '杭州' ? '330100' : '310000',
        storeName: `${user.nickname}的小店`.slice(0, 20),
        idCardFrontFileId: 'local://seed/id-card-front.png',
        idCardBackFileId: 'local://seed/id-card-back.png',
      },
      version: 1,
    })
    added += 1
  }
  return added
}

/**
 * For a database seeded before 开通收款 existed: gives the demo sellers who lack one their finished
 * merchant record, so `npm start` on an old .data/ sells with escrow too. Touches nothing else.
 */
export const ensureDemoMerchants = async (deps: Deps): Promise<number> => {
  const users = new Map<string, UserRecord>()
  for (const { openid } of DEMO_USERS) {
    const identity = await deps.store.get(Identities, openid)
    const user = identity && (await deps.store.get(Users, identity.userId))
    if (user) users.set(openid, user)
  }
  return seedMerchants(deps, users)
}
