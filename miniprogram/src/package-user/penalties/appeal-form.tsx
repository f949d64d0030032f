import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { Penalty } from '@shared/contracts/report.contract'
import { api, isServiceError } from '@/services'
import { reportError, toast } from '@/utils/feedback'
import { appealProblem } from '../report-text'

/**
 * 申诉: one appeal per decision, within its window; another moderator answers it. The text is
 * checked before sending; the server's refusal (already appealed, too late) is said inline.
 */
export function AppealForm({
  decisionId,
  onDone,
  onCancel,
}: {
  decisionId: string
  onDone: (p: Penalty) => void
  onCancel: () => void
}) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    const why = appealProblem(text)
    setProblem(why)
    if (why || busy) return
    setBusy(true)
    try {
      onDone(await api.report.appeal(decisionId, text.trim()))
      toast('申诉已提交，将由另一位审核员处理')
    } catch (e) {
      if (isServiceError(e)) setProblem(e.message)
      reportError(e, '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='report-card__appeal' id='appeal-form'>
      <TextArea
        placeholder='说明你认为处理有误的理由，可补充事实经过（5–500 字）'
        value={text}
        maxLength={500}
        showCount
        onChange={setText}
      />
      {problem && (
        <Text className='report-form__problem' id='appeal-problem'>
          {problem}
        </Text>
      )}
      <View className='report-done__buttons' style={{ marginTop: 0 }}>
        <Button id='appeal-submit' type='primary' size='small' loading={busy} onClick={send}>
          提交申诉
        </Button>
        <Button size='small' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
