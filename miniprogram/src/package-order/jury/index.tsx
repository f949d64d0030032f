import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { JuryCase } from '@shared/contracts/dispute.contract'
import { EVIDENCE_LIMITS, SETTLEMENT_LABELS, type Verdict } from '@shared/domain/dispute'
import { formatFen } from '@shared/domain/money'
import { api } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { EvidenceView } from '../detail/evidence-view'
import { dateTimeText } from '../order-text'
import '../order.scss'

type Cases = Awaited<ReturnType<typeof api.dispute.jurorCases>>
const STATUS = { open: '待投票', decided: '已判定', platform: '已转平台' } as const
const SIDE = { buyer: '买家', seller: '卖家' } as const

/** 小法庭 as a list: the cases the caller was drawn for, and their record as a juror. */
function CaseList() {
  const [cases, setCases] = useState<Cases | null>(null)
  const load = () => api.dispute.jurorCases().then(setCases, reportError)
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  if (!cases) return null
  return (
    <View className='order-page jury' id='jury-cases'>
      <View className='order-section'>
        <Text className='order-section__heading'>我的评审记录</Text>
        <Text className='muted' id='jury-stats'>
          已计入 {cases.stats.counted} 件，与最终结果一致 {cases.stats.agreed} 件，可信度{' '}
          {cases.stats.reliabilityPercent}%
        </Text>
        <Text className='muted'>
          小法庭从信用良好、与双方无关联的用户中随机抽选评审员；双方身份已隐去，请依据证据独立判断。
        </Text>
      </View>
      {cases.items.length === 0 ? (
        <EmptyState title='暂时没有需要你评审的案件' />
      ) : (
        cases.items.map((c) => (
          <View
            key={c.caseId}
            className='order-section jury-case-card'
            data-id={c.caseId}
            data-status={c.status}
            onClick={() => Taro.navigateTo({ url: Routes.jury(c.caseId) })}
          >
            <Text>{c.title}</Text>
            <Text className='muted'>
              {formatFen(c.totalFen)} · {c.voted ? '已投票' : STATUS[c.status]} · 截止{' '}
              {dateTimeText(c.dueAt)}
            </Text>
          </View>
        ))
      )}
    </View>
  )
}

/** One case: the anonymised claim and evidence of 买家 and 卖家, and the vote with a reason. */
function CaseView({ caseId }: { caseId: string }) {
  const [c, setCase] = useState<JuryCase | null>(null)
  const [side, setSide] = useState<Verdict | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  useDidShow(() => void api.dispute.juryCase(caseId).then(setCase, reportError))
  if (!c) return null
  const vote = async () => {
    if (!side) return toast('请选择支持哪一方')
    setBusy(true)
    try {
      setCase(await api.dispute.vote({ caseId, side, reason }))
      toast('已投票')
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='order-page jury' id='jury-case' data-status={c.status}>
      <View className='order-section'>
        <Text className='order-section__heading'>{c.title}</Text>
        <Text className='muted'>
          实付 {formatFen(c.totalFen)} · 投票截止 {dateTimeText(c.dueAt)}
        </Text>
        <Text id='jury-claim'>买家诉求：{c.claim}</Text>
        {c.sellerAnswer && <Text id='jury-seller-answer'>卖家回应：{c.sellerAnswer}</Text>}
      </View>
      {(['buyer', 'seller'] as const).map((s) => (
        <View key={s} className='order-section'>
          <Text className='order-section__heading'>{SIDE[s]}的证据</Text>
          {c.evidence[s] ? (
            <EvidenceView evidence={c.evidence[s]!} id={`jury-evidence-${s}`} />
          ) : (
            <Text className='muted'>未提交</Text>
          )}
        </View>
      ))}
      {c.proposals.length > 0 && (
        <View className='order-section'>
          <Text className='order-section__heading'>协商记录</Text>
          {c.proposals.map((p) => (
            <Text key={p.id} className='muted'>
              {SIDE[p.by]}提出{SETTLEMENT_LABELS[p.kind]}
              {p.refundFen ? ` ${formatFen(p.refundFen)}` : ''}
            </Text>
          ))}
        </View>
      )}
      <View className='order-section' id='jury-vote'>
        {c.myVote ? (
          <Text id='jury-my-vote'>
            你已投票：支持{SIDE[c.myVote.side]}（{c.myVote.reason}）
          </Text>
        ) : c.status === 'open' ? (
          <>
            <View className='dispute__buttons'>
              {(['buyer', 'seller'] as const).map((s) => (
                <Button
                  key={s}
                  id={`jury-side-${s}`}
                  size='small'
                  type={side === s ? 'primary' : 'default'}
                  onClick={() => setSide(s)}
                >
                  支持{SIDE[s]}
                </Button>
              ))}
            </View>
            <TextArea
              id='jury-reason'
              placeholder={`理由（${EVIDENCE_LIMITS.reasonMin} 字以上）`}
              value={reason}
              maxLength={EVIDENCE_LIMITS.reasonMax}
              showCount
              onChange={setReason}
            />
            <Button id='jury-vote-submit' type='primary' block loading={busy} onClick={vote}>
              提交投票
            </Button>
          </>
        ) : (
          <Text className='muted'>投票已结束</Text>
        )}
        {c.result && <Text id='jury-result'>判定结果：支持{SIDE[c.result]}</Text>}
      </View>
    </View>
  )
}

export default function Jury() {
  const caseId = useRouter().params.caseId
  return caseId ? <CaseView caseId={decodeURIComponent(caseId)} /> : <CaseList />
}
