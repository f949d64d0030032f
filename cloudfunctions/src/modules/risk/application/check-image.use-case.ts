import type { TransactionOps } from '../../core/ports/document-store.port'
import type { Deps, JobHandler } from '../../deps'
import { WechatApiError } from '../../messaging/ports/wechat-api.port'
import { enqueue, PermanentJobError } from '../../outbox'
import { ContentFlags } from '../domain/content-flag.record'
import { IMAGE_CHECK_JOB, ImageChecks, type ImageCheckRecord } from '../domain/image-check.record'
import { SCENES, type MediaCheckResult } from '../ports/content-security.port'

/**
 * Every uploaded image goes through WeChat's mediaCheckAsync v2: queued in the upload's own
 * transaction, sent by the outbox once the upload is accepted, and judged when WeChat pushes the
 * result to wechat-notify. A risky image is hidden and the listings showing it are held for
 * review (deps.hooks.imageJudged: the listing module); a review verdict holds them with the image
 * left in place; both leave a content flag for the moderation queue.
 */

/** In the upload's transaction: the check and the job that will send it. */
export const queueImageCheck = async (
  deps: Pick<Deps, 'ids' | 'clock'>,
  tx: TransactionOps,
  upload: { fileId: string; ownerId: string; openid: string },
) => {
  const now = deps.clock.now()
  const check: ImageCheckRecord = {
    _id: deps.ids.next(),
    ...upload,
    status: 'queued',
    traceId: null,
    suggest: null,
    label: null,
    createdAt: now,
    judgedAt: null,
  }
  await tx.insert(ImageChecks, check)
  await enqueue(tx, {
    key: IMAGE_CHECK_JOB.key(check._id),
    kind: IMAGE_CHECK_JOB.kind,
    orderId: null,
    at: now,
  })
}

/** The outbox job: asks WeChat to check the image and keeps the trace_id its push will carry. */
const sendImageCheck: JobHandler = async (deps, job) => {
  const id = IMAGE_CHECK_JOB.checkIdOf(job._id)
  const check = await deps.store.get(ImageChecks, id)
  if (!check) throw new PermanentJobError(`image check ${id} is gone`)
  if (check.status !== 'queued') return 'done'
  const mediaUrl = (await deps.files.urls([check.fileId]))[check.fileId]
  if (!mediaUrl) throw new PermanentJobError(`no URL for ${check.fileId}`)
  let traceId: string
  try {
    ;({ traceId } = await deps.contentSecurity.checkImageAsync({
      openid: check.openid,
      scene: SCENES.forum,
      mediaUrl,
    }))
  } catch (e) {
    // No WeChat here (a local container without the API): the lexicon-only world has no image check.
    if (e instanceof WechatApiError && e.kind === 'not-configured') {
      await deps.store.update(
        ImageChecks,
        id,
        { status: 'skipped' },
        { expect: { status: 'queued' } },
      )
      return 'done'
    }
    throw e
  }
  await deps.store.update(
    ImageChecks,
    id,
    { status: 'sent', traceId },
    { expect: { status: 'queued' } },
  )
  return 'done'
}

export const RISK_JOB_HANDLERS: Record<string, JobHandler> = {
  [IMAGE_CHECK_JOB.kind]: sendImageCheck,
}

/**
 * A verified wxa_media_check push. Answers 'unknown' for a trace_id we never sent, 'duplicate'
 * for one already judged (WeChat retries, and may push twice), 'judged' otherwise. The listing's
 * hold is applied before the check is marked judged, so a crash in between is repaired by
 * WeChat's retry (the hold is idempotent).
 */
export const applyImageVerdict = async (
  deps: Deps,
  result: MediaCheckResult,
): Promise<'unknown' | 'duplicate' | 'judged'> => {
  const found = await deps.store.find(ImageChecks, { traceId: result.traceId }, { limit: 1 })
  const check = found.items[0]
  if (!check) return 'unknown'
  if (check.status === 'judged') return 'duplicate'
  const now = deps.clock.now()
  if (result.suggest !== 'pass')
    await deps.hooks.imageJudged(deps, {
      fileId: check.fileId,
      ownerId: check.ownerId,
      hide: result.suggest === 'risky',
      now,
    })
  try {
    await deps.store.transaction(async (tx) => {
      await tx.update(
        ImageChecks,
        check._id,
        { status: 'judged', suggest: result.suggest, label: result.label, judgedAt: now },
        { expect: { status: check.status } },
      )
      if (result.suggest !== 'pass')
        await tx.insert(ContentFlags, {
          _id: `image:${check._id}`,
          kind: 'image',
          targetId: check.fileId,
          userId: check.ownerId,
          source: 'wechat-image',
          action: 'review',
          hits: [],
          wechat: { suggest: result.suggest, label: result.label, traceId: result.traceId },
          status: 'open',
          createdAt: now,
        })
    })
  } catch (e) {
    // Two copies of one push raced: the other one judged it.
    const again = await deps.store.get(ImageChecks, check._id)
    if (again?.status === 'judged') return 'duplicate'
    throw e
  }
  return 'judged'
}

/** Whether an image was judged risky (hidden): views of other modules may ask. */
export const imageCheckOf = async (deps: Pick<Deps, 'store'>, fileId: string) =>
  (await deps.store.find(ImageChecks, { fileId }, { limit: 1 })).items[0] ?? null
