import { idCheckChar } from '@shared/domain/merchant'
import type { Deps } from '../../src/modules/deps'
import {
  Merchants,
  applymentNo,
  protectIdentity,
  type MerchantRecord,
  type SealedIdentity,
} from '../../src/modules/merchant/domain/merchant.records'

/** A made-up identity with a valid ID number (check digit and all): `n` tells sellers apart. */
export const anIdentity = (n = 1, over: Partial<SealedIdentity> = {}): SealedIdentity => {
  const first17 = `310104199001${10 + n}12${n % 10}`
  return {
    idCardName: `演示卖家${'甲乙丙丁戊己庚辛'[n - 1] ?? '子'}`,
    idCardNumber: first17 + idCheckChar(first17),
    mobile: `1380000${String(1000 + n)}`,
    accountNumber: `62258800000${String(10000 + n)}`,
    ...over,
  }
}

export interface FinishedMerchantOptions extends Partial<
  Omit<MerchantRecord, '_id' | 'sealedIdentity' | 'masked' | 'form'>
> {
  /** Sealed and masked as onboarding does (protectIdentity). */
  identity?: SealedIdentity
  form?: Partial<MerchantRecord['form']>
}

/**
 * A seller whose 进件 is done (FINISH, a sub_mchid to pay into), written straight: there is no
 * WeChat review to wait for in a seed or a fixture. The sub-merchant itself must exist at WeChat
 * (the sandbox) for payments to go through; that is the caller's part. Answers the record.
 */
export const aFinishedMerchant = async (
  deps: Deps,
  userId: string,
  { identity = anIdentity(), form, ...over }: FinishedMerchantOptions = {},
): Promise<MerchantRecord> => {
  const at = deps.clock.now()
  const record: MerchantRecord = {
    _id: userId,
    attempt: 1,
    outRequestNo: applymentNo(userId, over.attempt ?? 1),
    applymentId: 'test',
    state: 'FINISH',
    stateDesc: '已完成',
    subMchid: '1900300001',
    signUrl: null,
    legalValidationUrl: null,
    accountValidation: null,
    rejectReasons: [],
    ...protectIdentity(deps.secrets, identity),
    form: {
      idCardValidBegin: '2020-01-01',
      idCardValidEnd: '长期',
      accountBank: '工商银行',
      bankAddressCode: '310000',
      storeName: '测试小店',
      idCardFrontFileId: 'local://x/front.png',
      idCardBackFileId: 'local://x/back.png',
      ...form,
    },
    withdrawPendingFen: 0,
    submittedAt: at,
    checkedAt: at,
    updatedAt: at,
    version: 0,
    ...over,
  }
  await deps.store.insert(Merchants, record)
  return record
}
