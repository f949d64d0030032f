import { idCheckChar } from '@shared/domain/merchant'
import type { Deps } from '../../src/modules/deps'
import {
  Merchants,
  applymentNo,
  protectIdentity,
  type MerchantRecord,
  type SealedIdentity,
} from '../../src/modules/merchant/domain/merchant.records'
import { Identities, Users, type UserRecord } from '../../src/modules/user/domain/user.record'
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
    const first17 = `310104199001${10 + n}12${n % 10}`
    const identity: SealedIdentity = {
      idCardName: `演示卖家${'甲乙丙丁戊己庚辛'[n - 1] ?? '子'}`,
      idCardNumber: first17 + idCheckChar(first17),
      mobile: `1380000${String(1000 + n)}`,
      accountNumber: `62258800000${String(10000 + n)}`,
    }
    const at = deps.clock.now()
    const record: MerchantRecord = {
      _id: user._id,
      attempt: 1,
      outRequestNo: applymentNo(user._id, 1),
      applymentId: `20000000000${String(10000 + n)}`,
      state: 'FINISH',
      stateDesc: '完成',
      subMchid: demoSubMchid(n),
      signUrl: null,
      legalValidationUrl: null,
      accountValidation: null,
      rejectReasons: [],
      ...protectIdentity(deps.secrets, identity),
      form: {
        idCardValidBegin: '2020-01-01',
        idCardValidEnd: '2040-01-01',
        accountBank: '招商银行',
        bankAddressCode: user.city === '杭州' ? '330100' : '310000',
        storeName: `${user.nickname}的小店`.slice(0, 20),
        idCardFrontFileId: 'local://seed/id-card-front.png',
        idCardBackFileId: 'local://seed/id-card-back.png',
      },
      withdrawPendingFen: 0,
      submittedAt: at,
      checkedAt: at,
      updatedAt: at,
      version: 1,
    }
    await deps.store.insert(Merchants, record)
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
