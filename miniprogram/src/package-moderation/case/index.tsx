import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ModerationCase } from '@shared/contracts/report.contract'
import { ErrorCodes } from '@shared/errors/error-codes'
import { api, isServiceError } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { useSignedInLoad } from '@/hooks/use-signed-in-load'
import { reportError } from '@/utils/feedback'
import { AppealAnswer } from './appeal-answer'
import { CaseDecision, CaseFlags, CaseHead, CaseReports, CaseTarget } from './case-view'
import { DecisionForm } from './decision-form'
import '../moderation.scss'

/**
 * One case as a moderator opens it: the head with score and SLA, the content as it stands,
 * every report with its evidence, risk flags, then the decision form (open) or the decision and
 * its appeal with the 复核 form (decided, appeal pending).
 */
export default function CasePage() {
  const { params } = useRouter()
  const caseId = params.id ? decodeURIComponent(params.id) : ''
  const [c, setCase] = useState<ModerationCase | null>(null)
  const [failed, setFailed] = useState<'forbidden' | 'missing' | 'error' | null>(null)
  const load = () =>
    api.report.case(caseId).then(
      (x) => {
        setCase(x)
        setFailed(null)
      },
      (e) => {
        if (isServiceError(e) && e.code === ErrorCodes.FORBIDDEN) setFailed('forbidden')
        else if (isServiceError(e) && e.code === ErrorCodes.NOT_FOUND) setFailed('missing')
        else {
          setFailed('error')
          reportError(e, '加载失败')
        }
      },
    )
  useSignedInLoad(load, false)

  if (failed === 'forbidden') return <EmptyState id='case-forbidden' title='仅审核员可以查看' />
  if (failed === 'missing') return <EmptyState title='找不到这个案件' />
  if (!c)
    return failed ? (
      <EmptyState title='加载失败' action={{ text: '重新加载', onClick: () => void load() }} />
    ) : (
      <Text className='muted mod-wait'>加载中…</Text>
    )

  const now = Date.now()
  const appealPending = c.decision?.appeal?.status === 'pending'
  return (
    <View className='mod-page' id='moderation-case' data-status={c.status}>
      <CaseHead c={c} now={now} />
      <CaseTarget c={c} now={now} />
      <CaseReports c={c} />
      <CaseFlags c={c} />
      {c.decision && <CaseDecision d={c.decision} />}
      {c.status === 'open' && <DecisionForm c={c} onDone={setCase} />}
      {appealPending && (
        <View className='mod-section' id='appeal-review'>
          <Text className='mod-section__heading'>申诉复核</Text>
          <AppealAnswer c={c} onDone={setCase} />
        </View>
      )}
    </View>
  )
}
