import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/TextArea/style/css'
import type { ReportTarget } from '@shared/contracts/report.contract'
import {
  REASONS_FOR,
  REPORT_LIMITS,
  REPORT_REASON_LABELS,
  type ReportReason,
} from '@shared/domain/report'
import { api, isServiceError } from '@/services'
import { PhotoGrid, type PhotoItem } from '@/components/PhotoGrid'
import { reportError } from '@/utils/feedback'
import { reportProblem } from '../report-text'
import { MessagePicker, type MessageSource } from './message-picker'

export interface ReportResult {
  id: string
  duplicate: boolean
}

/**
 * The 举报 form: a reason that fits what is reported (REASONS_FOR), a few words, up to six photos
 * (uploaded as evidence) and, where there is a conversation, chat lines to attach. Problems are
 * said next to the button before anything is sent; the server's refusals (举报自己, too many
 * reports today, blocked words) are said there too.
 */
export function ReportForm({
  target,
  messages,
  onDone,
}: {
  target: ReportTarget
  /** Where chat lines may be picked from; null offers none. */
  messages: MessageSource | null
  onDone: (r: ReportResult) => void
}) {
  const [reason, setReason] = useState<ReportReason | null>(null)
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [picked, setPicked] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const why = reportProblem({ reason, text, photos, messageRefs: picked })
    setProblem(why)
    if (why || !reason) return
    setBusy(true)
    try {
      onDone(
        await api.report.create({
          target,
          reason,
          text: text.trim(),
          photoFileIds: photos.map((p) => p.fileId!),
          messageRefs: picked,
        }),
      )
    } catch (e) {
      if (isServiceError(e)) setProblem(e.message)
      reportError(e, '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='report-form' id='report-form' data-kind={target.kind}>
      <View className='report-form__block'>
        <Text className='report-form__label'>举报理由</Text>
        <View className='report-form__reasons'>
          {REASONS_FOR[target.kind].map((r) => (
            <Text
              key={r}
              id={`report-reason-${r}`}
              className={`report-form__reason ${reason === r ? 'is-on' : ''}`}
              onClick={() => {
                setReason(r)
                setProblem(null)
              }}
            >
              {REPORT_REASON_LABELS[r]}
            </Text>
          ))}
        </View>
      </View>
      <View className='report-form__block' id='report-text'>
        <Text className='report-form__label'>补充说明{reason === 'other' ? '' : '（选填）'}</Text>
        <TextArea
          placeholder='说说发生了什么：哪里有问题、何时发现，有助于我们更快处理'
          value={text}
          maxLength={REPORT_LIMITS.textMax}
          showCount
          onChange={setText}
        />
      </View>
      <View className='report-form__block' id='report-photos'>
        <Text className='report-form__label'>图片证据（选填，最多 {REPORT_LIMITS.photos} 张）</Text>
        <PhotoGrid
          items={photos}
          update={setPhotos}
          max={REPORT_LIMITS.photos}
          dir='evidence'
          cover={false}
        />
      </View>
      {messages && (
        <View className='report-form__block'>
          <MessagePicker source={messages} picked={picked} onChange={setPicked} />
        </View>
      )}
      {problem && (
        <Text className='report-form__problem' id='report-problem'>
          {problem}
        </Text>
      )}
      <View className='report-form__submit'>
        <Button id='report-submit' type='primary' block loading={busy} onClick={submit}>
          提交举报
        </Button>
        <Text className='report-form__note'>
          请如实举报。恶意或虚假举报会降低你的举报可信度；举报人的身份不会告诉对方。
        </Text>
      </View>
    </View>
  )
}
