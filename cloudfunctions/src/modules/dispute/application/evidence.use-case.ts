import { getDispute } from './dispute-views'
import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { DISPUTE_RULES, type DisputeSide } from '@shared/domain/dispute'
import type { EvidenceMessage } from '@shared/contracts/dispute.contract'
import { updateIfUnchanged } from '../../core'
import type { Deps } from '../../deps'
import { conversationId, latestMessagesOf, messagesIn } from '../../chat'
import type { OrderRecord } from '../../order'
import { SCENES, screenText } from '../../risk'
import { assertOwnUploads } from '../../upload'
import { openidOf, type UserRecord } from '../../user'
import { Disputes, type DisputeRecord, type EvidenceTracking } from '../domain/dispute.records'
import { evidenceOpen, loadPartyCase, wrongStage } from './dispute-access'

type MessageLike = {
  _id: string
  senderId: string | null
  kind: string
  text: string | null
  at: number
}

/** A chat message as evidence: the side that said it, never who. */
const asEvidence = (order: OrderRecord, m: MessageLike): EvidenceMessage => ({
  id: m._id,
  from:
    m.senderId === order.buyerId ? 'buyer' : m.senderId === order.sellerId ? 'seller' : 'platform',
  kind: m.kind,
  text: m.text ?? (m.kind === 'image' ? '[图片]' : ''),
  at: m.at,
})

/** The order's parcels with their courier trace, as the order holds it now (delivery keeps it current). */
export const trackingOf = (order: OrderRecord): EvidenceTracking[] => {
  const legs = [
    ['outbound', order.shipment],
    ['return', order.refund?.returnShipment ?? null],
  ] as const
  return legs.flatMap(([leg, s]) =>
    s
      ? [
          {
            leg,
            company: s.company,
            waybillNo: s.waybillNo,
            events: (s.tracking?.events ?? []).map((e) => ({ at: e.at, context: e.context })),
          },
        ]
      : [],
  )
}

/** What the caller may pick from: the latest messages of the order's own conversation. */
export const pickableMessages = async (deps: Deps, user: UserRecord, orderId: string) => {
  const { order } = await loadPartyCase(deps, user, orderId)
  const convId = conversationId(order.listingId, order.buyerId)
  const items = await latestMessagesOf(deps, convId, 100)
  return { items: items.map((m) => asEvidence(order, m)) }
}

/** When both sides have given evidence the negotiation starts at once (it need not wait out the 3 days). */
export const negotiationPatch = (now: number): Partial<DisputeRecord> => ({
  stage: 'negotiation',
  negotiationDueAt: now + DISPUTE_RULES.negotiationMs,
  dueAt: now + DISPUTE_RULES.negotiationMs,
})

/**
 * A party's evidence, once, before the evidence deadline: the text is screened (prohibited content
 * refused), photos must be the caller's own evidence uploads, chat messages must belong to this
 * order's conversation (copied as they are now), and the parcels' courier traces are attached from
 * the order itself, never from the payload.
 */
export const submitEvidence = async (
  deps: Deps,
  user: UserRecord,
  input: {
    orderId: string
    text: string
    photoFileIds: string[]
    messageIds: string[]
    includeTracking: boolean
  },
) => {
  const { dispute, order, side } = await loadPartyCase(deps, user, input.orderId)
  const now = deps.clock.now()
  if (!evidenceOpen(dispute, now)) throw wrongStage('举证期已结束')
  if (dispute.evidence[side]) throw new AppError(ErrorCodes.DISPUTE_EVIDENCE_SUBMITTED)
  await assertOwnUploads(
    deps,
    user._id,
    'evidence',
    input.photoFileIds.map((fileId, i) => ({ fileId, path: `photoFileIds.${i}` })),
  )
  const ids = [...new Set(input.messageIds)]
  const found = await messagesIn(deps, conversationId(order.listingId, order.buyerId), ids)
  const missing = found.findIndex((m) => m === null)
  if (missing >= 0)
    throw new AppError(ErrorCodes.DISPUTE_MESSAGE_NOT_IN_ORDER, undefined, {
      path: ['messageIds', missing],
    })
  await screenText(deps, {
    openid: input.text ? await openidOf(deps, user._id) : null,
    scene: SCENES.comment,
    fields: [{ path: 'text', text: input.text }],
  })
  const evidence = {
    text: input.text,
    photoFileIds: input.photoFileIds,
    messages: found.map((m) => asEvidence(order, m!)),
    tracking: input.includeTracking ? trackingOf(order) : [],
    submittedAt: now,
  }
  const both = { ...dispute.evidence, [side]: evidence } as DisputeRecord['evidence']
  const other: DisputeSide = side === 'buyer' ? 'seller' : 'buyer'
  await updateIfUnchanged(deps.store, Disputes, dispute._id, dispute, {
    evidence: both,
    ...(both[other] ? negotiationPatch(now) : {}),
    updatedAt: now,
  })
  return getDispute(deps, user, input.orderId)
}
