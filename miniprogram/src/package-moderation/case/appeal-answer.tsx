import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { ModerationCase } from '@shared/contracts/report.contract'
import { ErrorCodes } from '@shared/errors/error-codes'
import { api, isServiceError } from '@/services'
import { reportError, toast } from '@/utils/feedback'

type Outcome = 'upheld' | 'overturned'

/**
 * 申诉复核: 维持 or 撤销 the decision with an answer the appellant reads. Only a moderator other
 * than the one who decided may answer; the server says so, and the form shows it plainly.
 */
export function AppealAnswer({
  c,
  onDone,
}: {
  c: ModerationCase
  onDone: (after: ModerationCase) => void
}) {
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [answer, setAnswer] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    if (busy) return
    const why = !outcome
      ? '请选择维持或撤销原处理'
      : answer.trim().length < 2
        ? '请填写复核意见（至少 2 个字）'
        : null
    setProblem(why)
    if (why || !outcome) return
    setBusy(true)
    try {
      const after = await api.report.answerAppeal({
        caseId: c.card.caseId,
        outcome,
        answer: answer.trim(),
      })
      toast(outcome === 'upheld' ? '已维持原处理' : '已撤销原处理', 'success')
      onDone(after)
    } catch (e) {
      if (isServiceError(e) && e.code === ErrorCodes.MODERATION_SAME_MODERATOR)
        setProblem('你是这个案件的原处理人，申诉须由另一位审核员复核')
      else if (isServiceError(e)) setProblem(e.message)
      reportError(e, '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='mod-field' id='appeal-answer'>
      <View className='mod-chips'>
        <Text
          id='appeal-outcome-upheld'
          className={`mod-chip ${outcome === 'upheld' ? 'is-on' : ''}`}
          onClick={() => setOutcome('upheld')}
        >
          维持原处理
        </Text>
        <Text
          id='appeal-outcome-overturned'
          className={`mod-chip ${outcome === 'overturned' ? 'is-on' : ''}`}
          onClick={() => setOutcome('overturned')}
        >
          撤销处理
        </Text>
      </View>
      <View id='appeal-answer-text'>
        <TextArea
          placeholder='复核意见（申诉人可见）'
          value={answer}
          maxLength={500}
          showCount
          onChange={setAnswer}
        />
      </View>
      {problem && (
        <Text className='mod-problem' id='appeal-answer-problem'>
          {problem}
        </Text>
      )}
      <Button id='appeal-answer-submit' type='primary' block loading={busy} onClick={send}>
        提交复核
      </Button>
    </View>
  )
}
