import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Checkbox/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { Dispute, EvidenceMessage } from '@shared/contracts/dispute.contract'
import type { Order } from '@shared/contracts/order.contract'
import {
  EVIDENCE_LIMITS,
  PLATFORM_REASON_LABELS,
  SETTLEMENT_KINDS,
  SETTLEMENT_LABELS,
  STAGE_LABELS,
  type SettlementKind,
} from '@shared/domain/dispute'
import { formatFen, parseYuanToFen } from '@shared/domain/money'
import { api } from '@/services'
import { PhotoGrid, type PhotoItem } from '@/components/PhotoGrid'
import { reportError, toast } from '@/utils/feedback'
import { dateTimeText, transitionLabel } from '../order-text'
import { EvidenceView } from './evidence-view'

const SIDE = { buyer: '买家', seller: '卖家' } as const
const STATUS = { pending: '待回应', accepted: '已接受', rejected: '已拒绝', superseded: '已失效' }

const proposalText = (p: Dispute['proposals'][number]) =>
  `${SETTLEMENT_LABELS[p.kind]}${p.refundFen ? ` ${formatFen(p.refundFen)}` : ''}`

/** The caller's evidence form: text, photos and chat lines picked from this order's conversation. */
function EvidenceForm({ orderId, onDone }: { orderId: string; onDone: (d: Dispute) => void }) {
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [messages, setMessages] = useState<EvidenceMessage[]>([])
  const [picked, setPicked] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    api.dispute.chatMessages(orderId).then(
      (r) => setMessages(r.items.filter((m) => m.from !== 'platform')),
      () => setMessages([]),
    )
  }, [orderId])
  const uploading = photos.some((p) => p.status === 'uploading')
  const submit = async () => {
    if (busy || uploading) return
    setBusy(true)
    try {
      onDone(
        await api.dispute.submitEvidence({
          orderId,
          text,
          photoFileIds: photos.filter((p) => p.fileId).map((p) => p.fileId!),
          messageIds: picked,
          includeTracking: true,
        }),
      )
      toast('证据已提交')
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='dispute-form' id='dispute-evidence-form'>
      <TextArea
        className='dispute-form__text'
        placeholder='说明情况：问题是什么、何时发现、希望怎么处理'
        value={text}
        maxLength={EVIDENCE_LIMITS.textMax}
        showCount
        onChange={setText}
      />
      <PhotoGrid
        items={photos}
        update={setPhotos}
        max={EVIDENCE_LIMITS.photos}
        dir='evidence'
        cover={false}
      />
      {messages.length > 0 && (
        <View className='dispute-form__messages' id='dispute-pick-messages'>
          <Text className='muted'>选择聊天记录作为证据（物流信息会自动附上）</Text>
          {messages.slice(-10).map((m) => (
            <Checkbox
              key={m.id}
              className='dispute-form__message'
              checked={picked.includes(m.id)}
              label={`${SIDE[m.from as 'buyer' | 'seller']}：${m.text}`}
              onChange={(on) =>
                setPicked((p) => (on ? [...p, m.id] : p.filter((id) => id !== m.id)))
              }
            />
          ))}
        </View>
      )}
      <Button
        id='dispute-evidence-submit'
        type='primary'
        size='small'
        loading={busy}
        onClick={submit}
      >
        提交证据
      </Button>
    </View>
  )
}

/** A settlement proposal: the kind, and the amount for 部分退款 (in yuan, sent as fen). */
function ProposeForm({ dispute, onDone }: { dispute: Dispute; onDone: (d: Dispute) => void }) {
  const [kind, setKind] = useState<SettlementKind>('partial')
  const [yuan, setYuan] = useState('')
  const send = async () => {
    const refundFen = kind === 'partial' ? parseYuanToFen(yuan) : undefined
    if (kind === 'partial' && (refundFen === null || refundFen === undefined))
      return toast('请输入退款金额')
    try {
      onDone(
        await api.dispute.propose({
          orderId: dispute.orderId,
          kind,
          refundFen: refundFen ?? undefined,
        }),
      )
      toast('方案已发给对方')
    } catch (e) {
      reportError(e)
    }
  }
  return (
    <View className='dispute-form' id='dispute-propose-form'>
      <View className='dispute-form__kinds'>
        {SETTLEMENT_KINDS.map((k) => (
          <Button
            key={k}
            id={`dispute-kind-${k}`}
            size='small'
            type={kind === k ? 'primary' : 'default'}
            onClick={() => setKind(k)}
          >
            {SETTLEMENT_LABELS[k]}
          </Button>
        ))}
      </View>
      {kind === 'partial' && (
        <Input
          id='dispute-refund-yuan'
          type='digit'
          placeholder={`退款金额（少于 ${formatFen(dispute.totalFen)}）`}
          value={yuan}
          onChange={setYuan}
        />
      )}
      <Button id='dispute-propose-submit' size='small' type='primary' onClick={send}>
        提出方案
      </Button>
    </View>
  )
}

/**
 * 纠纷 on the order page: the stage and its deadline, both sides' evidence (the other side's once
 * submitted), the evidence form, proposals with 接受 / 拒绝, 申请小法庭, the jury's progress and the
 * outcome. Shows nothing for orders that never were disputed.
 */
export function DisputeBlock({
  order,
  onOrderChanged,
}: {
  order: Order
  onOrderChanged: () => void
}) {
  const [dispute, setDispute] = useState<Dispute | null>(null)
  useEffect(() => {
    api.dispute.get(order.id).then(setDispute, () => setDispute(null))
  }, [order])
  if (!dispute) return null
  const changed = (d: Dispute) => {
    setDispute(d)
    if (d.stage === 'closed') onOrderChanged()
  }
  const mineSide = dispute.side
  const other = mineSide === 'buyer' ? 'seller' : 'buyer'
  const due =
    dispute.stage === 'evidence'
      ? `举证截止 ${dateTimeText(dispute.evidenceDueAt)}`
      : dispute.stage === 'negotiation' && dispute.negotiationDueAt
        ? `协商截止 ${dateTimeText(dispute.negotiationDueAt)}`
        : dispute.stage === 'jury' && dispute.jury
          ? `投票截止 ${dateTimeText(dispute.jury.dueAt)}`
          : null
  const answer = async (accept: boolean) => {
    try {
      changed(await api.dispute.answer(dispute.orderId, dispute.can.answer!, accept))
      toast(accept ? '已接受方案' : '已拒绝方案')
    } catch (e) {
      reportError(e)
    }
  }
  const escalate = async () => {
    try {
      changed(await api.dispute.escalate(dispute.orderId))
    } catch (e) {
      reportError(e)
    }
  }
  return (
    <View className='order-section dispute' id='order-dispute' data-stage={dispute.stage}>
      <Text className='order-section__heading'>纠纷 · {STAGE_LABELS[dispute.stage]}</Text>
      {due && (
        <Text className='muted' id='dispute-due'>
          {due}
        </Text>
      )}

      {(['buyer', 'seller'] as const).map((side) => {
        const e = dispute.evidence[side]
        const who = side === mineSide ? '我的证据' : `${SIDE[side]}的证据`
        return (
          <View key={side} className='dispute__side'>
            <Text className='dispute__label'>{who}</Text>
            {e ? (
              <EvidenceView evidence={e} id={`dispute-evidence-${side}`} />
            ) : (
              <Text className='muted'>{side === mineSide ? '尚未提交' : '对方尚未提交'}</Text>
            )}
          </View>
        )
      })}
      {dispute.can.submitEvidence && <EvidenceForm orderId={dispute.orderId} onDone={changed} />}

      {dispute.proposals.length > 0 && (
        <View className='dispute__proposals' id='dispute-proposals'>
          <Text className='dispute__label'>协商方案</Text>
          {dispute.proposals.map((p) => (
            <Text key={p.id} className='dispute__proposal' data-status={p.status}>
              {p.by === mineSide ? '我' : SIDE[p.by]}提出：{proposalText(p)} · {STATUS[p.status]}
            </Text>
          ))}
        </View>
      )}
      {dispute.can.answer && (
        <View className='dispute__buttons'>
          <Button id='dispute-accept' type='primary' size='small' onClick={() => answer(true)}>
            接受方案
          </Button>
          <Button id='dispute-reject' size='small' onClick={() => answer(false)}>
            拒绝
          </Button>
        </View>
      )}
      {dispute.can.propose && <ProposeForm dispute={dispute} onDone={changed} />}
      {dispute.can.escalate && (
        <Button id='dispute-escalate' size='small' onClick={escalate}>
          协商不成，申请小法庭判定
        </Button>
      )}

      {dispute.jury && (
        <Text className='dispute__jury' id='dispute-jury'>
          小法庭：{dispute.jury.panelSize} 位评审员，已投票 {dispute.jury.voted} 位
          {dispute.jury.buyerVotes !== null &&
            ` · 支持买家 ${dispute.jury.buyerVotes} 票，支持卖家 ${dispute.jury.sellerVotes} 票`}
        </Text>
      )}
      {dispute.platformReason && (
        <Text className='muted' id='dispute-platform'>
          {PLATFORM_REASON_LABELS[dispute.platformReason]}
        </Text>
      )}
      {dispute.outcome && (
        <Text className='dispute__outcome' id='dispute-outcome'>
          结果：{transitionLabel(dispute.outcome.transition)}
        </Text>
      )}
      {mineSide &&
        dispute.stage !== 'closed' &&
        !dispute.evidence[other] &&
        dispute.stage === 'evidence' && <Text className='muted'>对方提交证据后你可以看到</Text>}
    </View>
  )
}
