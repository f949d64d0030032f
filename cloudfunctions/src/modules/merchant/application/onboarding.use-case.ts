import { updateIfUnchanged } from '../../core'
import { chinaDay } from '@shared/domain/time'
import { isPermanentRefusal } from '../../core/ports/provider-error'
import type {
  OnboardingStatus,
  SubmitOnboardingInputSchema,
} from '@shared/contracts/merchant.contract'
import { ONBOARDING_LABELS, type OnboardingState } from '@shared/domain/merchant'
import { AppError, ErrorCodes, isAppError } from '@shared/errors/error-codes'
import type { z } from 'zod'
import type { Deps } from '../../deps'
import {
  PaymentGatewayError,
  type ApplymentStatus,
} from '../../payments/ports/payment-gateway.port'
import { assertOwnUploads } from '../../upload'
import { loadUser } from '../../user'
import {
  Merchants,
  PENDING_MERCHANT_STATES,
  applymentNo,
  protectIdentity,
  type MerchantRecord,
  type MerchantState,
  type SealedIdentity,
} from '../domain/merchant.records'

type SubmitInput = z.output<typeof SubmitOnboardingInputSchema>

/** How long a SUBMITTING application may go unknown at WeChat before the seller is asked to resubmit. */
const SUBMIT_GRACE_MS = 2 * 60_000

const IN_PROGRESS: MerchantState[] = ['CHECKING', 'AUDITING', 'ACCOUNT_NEED_VERIFY', 'NEED_SIGN']

/** WeChat's eight applyment states, and our two, as the five the seller sees. */
export const onboardingStateOf = (state: MerchantState | null): OnboardingState => {
  switch (state) {
    case null:
      return 'none'
    case 'SUBMITTING':
    case 'CHECKING':
    case 'AUDITING':
      return 'checking'
    case 'ACCOUNT_NEED_VERIFY':
      return 'account_need_verify'
    case 'NEED_SIGN':
      return 'need_sign'
    case 'FINISH':
      return 'finish'
    default:
      return 'rejected'
  }
}

const defaultStoreName = async (deps: Deps, userId: string) => {
  const user = await loadUser(deps, userId)
  return `${user?.nickname ?? '邻圈卖家'}的小店`.slice(0, 20)
}

/** What the seller sees; never a plaintext field, never the sealed blob. */
export const toStatus = (m: MerchantRecord | null, storeName: string): OnboardingStatus => {
  const state = onboardingStateOf(m?.state ?? null)
  return {
    state,
    stateLabel: ONBOARDING_LABELS[state],
    stateDesc: m?.stateDesc ?? '',
    legalValidationUrl: state === 'account_need_verify' ? (m?.legalValidationUrl ?? null) : null,
    accountValidation: state === 'account_need_verify' ? (m?.accountValidation ?? null) : null,
    signUrl: state === 'need_sign' ? (m?.signUrl ?? null) : null,
    rejectReasons: state === 'rejected' ? (m?.rejectReasons ?? []) : [],
    submitted: m
      ? {
          idCardName: m.masked.idCardName,
          idCardNumber: m.masked.idCardNumber,
          idCardValidBegin: m.form.idCardValidBegin,
          idCardValidEnd: m.form.idCardValidEnd,
          mobile: m.masked.mobile,
          accountBank: m.form.accountBank,
          bankAddressCode: m.form.bankAddressCode,
          accountNumber: m.masked.accountNumber,
          storeName: m.form.storeName,
        }
      : null,
    defaultStoreName: storeName,
    canSell: m?.state === 'FINISH' && m.subMchid !== null,
    submittedAt: m?.submittedAt ?? null,
    checkedAt: m?.checkedAt ?? null,
  }
}

/** The caller's application as they see it. */
export const onboardingStatus = async (deps: Deps, userId: string): Promise<OnboardingStatus> => {
  const [m, storeName] = await Promise.all([
    deps.store.get(Merchants, userId),
    defaultStoreName(deps, userId),
  ])
  return toStatus(m, storeName)
}

const gatewayFailed = (e: unknown): AppError => {
  const detail = e instanceof PaymentGatewayError ? { wechatCode: e.wechatCode } : undefined
  return new AppError(ErrorCodes.MERCHANT_GATEWAY_FAILED, undefined, detail)
}

/** WeChat takes JPG, PNG and BMP only; the name it gets carries the type. */
const readPhoto = async (deps: Deps, fileId: string, field: string, name: string) => {
  const ext = /\.(jpe?g|png|bmp)$/i.exec(fileId)?.[1]?.toLowerCase()
  const fieldError = (message: string) =>
    new AppError(ErrorCodes.VALIDATION, message, {
      path: field,
      issues: [{ path: field, message }],
    })
  if (!ext) throw fieldError('证件照请上传 JPG 或 PNG 图片')
  const bytes = await deps.files.read(fileId)
  if (!bytes) throw fieldError('证件照未找到，请重新上传')
  if (bytes.length > 5 * 1024 * 1024) throw fieldError('证件照不能超过 5 MB')
  return { bytes, filename: `${name}.${ext === 'jpeg' ? 'jpg' : ext}` }
}

/**
 * Submits the real-name form as an individual seller (个人卖家), or resubmits after 驳回 as the next
 * attempt. The record (sealed identity, new out_request_no) is saved before WeChat is called, so
 * a crash or timeout in between is retried with the same key instead of opening a second application.
 */
export const submitOnboarding = async (
  deps: Deps,
  userId: string,
  input: SubmitInput,
): Promise<OnboardingStatus> => {
  const existing = await deps.store.get(Merchants, userId)
  if (existing?.state === 'FINISH') throw new AppError(ErrorCodes.MERCHANT_ALREADY_ONBOARDED)
  if (existing && IN_PROGRESS.includes(existing.state))
    throw new AppError(ErrorCodes.MERCHANT_APPLYMENT_IN_PROGRESS)

  // WeChat refuses an expired card days later; say so now (dates are China dates).
  const today = chinaDay(deps.clock.now())
  if (input.idCardValidEnd !== '长期' && input.idCardValidEnd <= today) {
    const message = '身份证已过期，请使用有效期内的证件'
    throw new AppError(ErrorCodes.VALIDATION, message, {
      path: 'idCardValidEnd',
      issues: [{ path: 'idCardValidEnd', message }],
    })
  }
  const storeName = input.storeName ?? (await defaultStoreName(deps, userId))
  const [front, back] = await Promise.all([
    readPhoto(deps, input.idCardFrontFileId, 'idCardFrontFileId', 'id-card-front'),
    readPhoto(deps, input.idCardBackFileId, 'idCardBackFileId', 'id-card-back'),
  ])
  // Someone else's ID card (its fileId leaked, or guessed) must never reach WeChat Pay as yours.
  await assertOwnUploads(deps, userId, 'id-cards', [
    { fileId: input.idCardFrontFileId, path: 'idCardFrontFileId' },
    { fileId: input.idCardBackFileId, path: 'idCardBackFileId' },
  ])
  const identity: SealedIdentity = {
    idCardName: input.idCardName,
    idCardNumber: input.idCardNumber,
    mobile: input.mobile,
    accountNumber: input.accountNumber,
  }
  const now = deps.clock.now()
  // A SUBMITTING attempt whose answer we never heard keeps its key; anything final starts the next one.
  const attempt = existing?.state === 'SUBMITTING' ? existing.attempt : (existing?.attempt ?? 0) + 1
  const record: MerchantRecord = {
    _id: userId,
    attempt,
    outRequestNo: applymentNo(userId, attempt),
    applymentId: null,
    state: 'SUBMITTING',
    stateDesc: '提交中',
    subMchid: null,
    signUrl: null,
    legalValidationUrl: null,
    accountValidation: null,
    rejectReasons: [],
    ...protectIdentity(deps.secrets, identity),
    form: {
      idCardValidBegin: input.idCardValidBegin,
      idCardValidEnd: input.idCardValidEnd,
      accountBank: input.accountBank,
      bankAddressCode: input.bankAddressCode,
      storeName,
      idCardFrontFileId: input.idCardFrontFileId,
      idCardBackFileId: input.idCardBackFileId,
    },
    withdrawPendingFen: existing?.withdrawPendingFen ?? 0,
    submittedAt: now,
    checkedAt: null,
    updatedAt: now,
    version: (existing?.version ?? 0) + 1,
  }
  if (existing) {
    const { _id, ...patch } = record
    // Two submits racing: the loser's compare-and-set fails with CONFLICT.
    await deps.store.update(Merchants, userId, patch, {
      expect: { version: existing.version, state: existing.state },
    })
  } else {
    await deps.store.insert(Merchants, record)
  }

  let submitted: { applymentId: string }
  try {
    const [frontMedia, backMedia] = await Promise.all([
      deps.payments.uploadImage(front.bytes, front.filename),
      deps.payments.uploadImage(back.bytes, back.filename),
    ])
    submitted = await deps.payments.submitApplyment({
      outRequestNo: record.outRequestNo,
      idCardCopyMediaId: frontMedia.mediaId,
      idCardNationalMediaId: backMedia.mediaId,
      idCardName: identity.idCardName,
      idCardNumber: identity.idCardNumber,
      idCardValidTimeBegin: input.idCardValidBegin,
      idCardValidTime: input.idCardValidEnd,
      mobilePhone: identity.mobile,
      bankAccount: {
        accountBank: input.accountBank,
        bankAddressCode: input.bankAddressCode,
        accountName: identity.idCardName,
        accountNumber: identity.accountNumber,
      },
      merchantShortname: storeName,
      storeName,
    })
  } catch (e) {
    if (isPermanentRefusal(e)) {
      // WeChat refused the request itself: show why, and let the seller correct and resubmit.
      const failed = await updateIfUnchanged(deps.store, Merchants, userId, record, {
        state: 'SUBMIT_FAILED',
        stateDesc: '提交被微信支付拒绝',
        rejectReasons: [{ field: '', reason: e.message }],
        updatedAt: deps.clock.now(),
      })
      return toStatus(failed, storeName)
    }
    throw gatewayFailed(e)
  }
  const saved = await updateIfUnchanged(deps.store, Merchants, userId, record, {
    state: 'CHECKING',
    stateDesc: '资料校验中',
    applymentId: submitted.applymentId,
    updatedAt: deps.clock.now(),
  })
  return toStatus(saved, storeName)
}

/** Records what WeChat says about the application; FINISH brings the sub_mchid. */
const applyQuery = async (
  deps: Deps,
  m: MerchantRecord,
  q: ApplymentStatus,
): Promise<MerchantRecord> => {
  const now = deps.clock.now()
  const patch: Partial<MerchantRecord> = {
    state: q.state,
    stateDesc: q.stateDesc,
    applymentId: q.applymentId || m.applymentId,
    subMchid: q.state === 'FINISH' ? (q.subMchid ?? null) : m.subMchid,
    signUrl: q.signUrl ?? null,
    legalValidationUrl: q.legalValidationUrl ?? null,
    accountValidation: q.accountValidation ?? null,
    rejectReasons: q.rejectReasons.map((r) => ({ field: r.param, reason: r.reason })),
    checkedAt: now,
  }
  const changed = (Object.keys(patch) as (keyof MerchantRecord)[]).some(
    (k) => k !== 'checkedAt' && JSON.stringify(patch[k] ?? null) !== JSON.stringify(m[k] ?? null),
  )
  if (!changed) return deps.store.update(Merchants, m._id, { checkedAt: now })
  return updateIfUnchanged(deps.store, Merchants, m._id, m, { ...patch, updatedAt: now })
}

/**
 * WeChat has no such application: it never arrived (SUBMITTING), or it was lost (the local
 * sandbox forgets on restart). Either way the seller is shown why and may submit anew.
 */
const lost = async (deps: Deps, m: MerchantRecord): Promise<MerchantRecord> => {
  // A submit may still be on its way; after a couple of minutes it surely is not.
  if (m.state === 'SUBMITTING' && deps.clock.now() - m.updatedAt < SUBMIT_GRACE_MS) return m
  const reason =
    m.state === 'SUBMITTING'
      ? '提交没有完成（网络或微信支付暂时不可用），请重新提交'
      : '微信支付找不到这份申请，请重新提交'
  const patch = {
    state: 'SUBMIT_FAILED' as const,
    stateDesc: '申请单不存在',
    rejectReasons: [{ field: '', reason }],
  }
  return updateIfUnchanged(deps.store, Merchants, m._id, m, {
    ...patch,
    updatedAt: deps.clock.now(),
  })
}

const isPending = (m: MerchantRecord | null): m is MerchantRecord =>
  m !== null && PENDING_MERCHANT_STATES.includes(m.state)

/** Asks WeChat now about one seller's application (the 刷新 button). */
export const refreshOnboarding = async (deps: Deps, userId: string): Promise<OnboardingStatus> => {
  const m = await deps.store.get(Merchants, userId)
  const storeName = await defaultStoreName(deps, userId)
  if (!isPending(m)) return toStatus(m, storeName)
  try {
    return toStatus(
      await applyQuery(deps, m, await deps.payments.queryApplyment(m.outRequestNo)),
      storeName,
    )
  } catch (e) {
    if (e instanceof PaymentGatewayError && e.wechatCode === 'RESOURCE_NOT_EXISTS')
      return toStatus(await lost(deps, m), storeName)
    if (isAppError(e)) throw e
    throw gatewayFailed(e)
  }
}

/**
 * The sweep (cron): asks WeChat about every application still moving and records the answers.
 * Answers how many changed state. One failure does not stop the others.
 */
export const refreshPendingApplyments = async (deps: Deps): Promise<number> => {
  let changed = 0
  let cursor: string | undefined
  do {
    const page = await deps.store.find(
      Merchants,
      { state: { $in: PENDING_MERCHANT_STATES } },
      { limit: 50, cursor },
    )
    for (const m of page.items) {
      try {
        const after = await applyQuery(
          deps,
          m,
          await deps.payments.queryApplyment(m.outRequestNo),
        ).catch((e: unknown) => {
          if (e instanceof PaymentGatewayError && e.wechatCode === 'RESOURCE_NOT_EXISTS')
            return lost(deps, m)
          throw e
        })
        if (after.state !== m.state) changed++
      } catch {
        // Unknown at WeChat, a conflict with the seller's own refresh, or the network: next sweep.
      }
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return changed
}
