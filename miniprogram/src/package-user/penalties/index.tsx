import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { Penalty } from '@shared/contracts/report.contract'
import { RULE_LABELS } from '@shared/domain/report'
import { api } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { useSignedInLoad } from '@/hooks/use-signed-in-load'
import { reportError } from '@/utils/feedback'
import { APPEAL_STATUS_LABELS, dateTimeText, penaltyActive, penaltyText } from '../report-text'
import { AppealForm } from './appeal-form'
import '../report.scss'

/** One decision against the caller: what it does, the rule and reason, and its appeal. */
function PenaltyCard({ p, onChanged }: { p: Penalty; onChanged: (p: Penalty) => void }) {
  const [writing, setWriting] = useState(false)
  const now = Date.now()
  const active = penaltyActive(p, now)
  const status = p.appeal?.status === 'overturned' ? 'overturned' : active ? 'active' : 'ended'
  return (
    <View className='report-card penalty' data-id={p.decisionId} data-action={p.action}>
      <View className='report-card__head'>
        <Text className='report-card__title penalty__what'>{penaltyText(p)}</Text>
        <Text className={`report-card__status is-${status}`}>
          {status === 'overturned' ? '已撤销' : active ? '生效中' : '已结束'}
        </Text>
      </View>
      <Text className='report-card__line'>涉及：{p.targetLabel}</Text>
      <Text className='report-card__line penalty__rule'>违反规则：{RULE_LABELS[p.rule]}</Text>
      <Text className='report-card__line penalty__reason'>处理理由：{p.reason}</Text>
      <Text className='report-card__line'>处理时间：{dateTimeText(p.decidedAt)}</Text>
      {p.appeal ? (
        <View className='report-card__appeal penalty__appeal' data-status={p.appeal.status}>
          <Text className='penalty__appeal-status'>{APPEAL_STATUS_LABELS[p.appeal.status]}</Text>
          <Text className='report-card__line'>我的申诉：{p.appeal.text}</Text>
          {p.appeal.answer && (
            <Text className='report-card__line penalty__appeal-answer'>
              审核回复：{p.appeal.answer}
            </Text>
          )}
        </View>
      ) : writing ? (
        <AppealForm
          decisionId={p.decisionId}
          onDone={(after) => {
            setWriting(false)
            onChanged(after)
          }}
          onCancel={() => setWriting(false)}
        />
      ) : p.appealableUntil !== null && p.appealableUntil > now ? (
        <View className='report-card__head'>
          <Text className='report-card__line'>
            可在 {dateTimeText(p.appealableUntil)} 前申诉一次
          </Text>
          <Button
            className='penalty__appeal-open'
            size='small'
            type='primary'
            fill='outline'
            onClick={() => setWriting(true)}
          >
            申诉
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** 我的处罚: every decision against the caller, newest first, each with its 申诉. */
export default function PenaltiesPage() {
  const [items, setItems] = useState<Penalty[] | null>(null)
  const [failed, setFailed] = useState(false)
  const load = () =>
    api.report.myPenalties().then(
      (r) => {
        setItems(r.items)
        setFailed(false)
      },
      (e) => {
        setFailed(true)
        reportError(e, '加载失败')
      },
    )
  useSignedInLoad(load, items !== null, load, true)
  const replace = (after: Penalty) =>
    setItems((list) => list?.map((p) => (p.decisionId === after.decisionId ? after : p)) ?? null)

  return (
    <View className='report-page' id='my-penalties'>
      <Text className='report-hint'>
        对处理结果有异议，可在 7 天内申诉一次，由另一位审核员复核。
      </Text>
      {items === null ? (
        failed ? (
          <EmptyState title='加载失败' action={{ text: '重新加载', onClick: () => void load() }} />
        ) : (
          <Text className='report-hint'>加载中…</Text>
        )
      ) : items.length === 0 ? (
        <EmptyState
          id='my-penalties-empty'
          title='没有处罚记录'
          description='继续保持，做个靠谱的邻居'
        />
      ) : (
        items.map((p) => <PenaltyCard key={p.decisionId} p={p} onChanged={replace} />)
      )}
    </View>
  )
}
