import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { ReportTarget } from '@shared/contracts/report.contract'
import { REPORT_TARGET_KINDS } from '@shared/domain/report'
import { EmptyState } from '@/components/EmptyState'
import { useSession } from '@/hooks/use-session'
import { goLogin } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { TARGET_KIND_LABELS } from '../report-text'
import type { MessageSource } from './message-picker'
import { ReportForm, type ReportResult } from './report-form'
import '../report.scss'

// The H5 router hands query values over still encoded (a message ref holds ':').
const param = (v: string | undefined) => (v ? decodeURIComponent(v) : undefined)

const targetOf = (kind: string | undefined, id: string | undefined): ReportTarget | null =>
  id && (REPORT_TARGET_KINDS as readonly string[]).includes(kind ?? '')
    ? { kind: kind as ReportTarget['kind'], id }
    : null

/** 举报: the form for what the page was opened on, then what happens next. */
export default function ReportPage() {
  const { params } = useRouter()
  const target = targetOf(param(params.kind), param(params.id))
  const label = param(params.label)
  const conversationId = param(params.conv)
  const { status, user } = useSession()
  const [done, setDone] = useState<ReportResult | null>(null)
  useEffect(() => {
    if (status === 'signed-out') goLogin()
  }, [status])

  if (!target)
    return (
      <View className='report-page' style={{ paddingTop: '80px' }}>
        <EmptyState title='找不到要举报的内容' />
      </View>
    )
  if (done)
    return (
      <View
        className='report-page report-done'
        id='report-done'
        data-duplicate={done.duplicate ? '1' : '0'}
      >
        <Text className='report-done__icon'>✓</Text>
        <Text className='report-done__title' id='report-done-title'>
          {done.duplicate ? '你已举报过' : '已提交，我们会尽快处理'}
        </Text>
        <Text className='report-done__sub'>
          {done.duplicate
            ? '同一内容重复举报只计一次，处理结果会通知你'
            : '审核员会核实你提供的信息，处理结果会通过消息通知你'}
        </Text>
        <View className='report-done__buttons'>
          <Button
            id='report-done-mine'
            type='primary'
            fill='outline'
            onClick={() => Taro.redirectTo({ url: Routes.myReports })}
          >
            查看我的举报
          </Button>
          <Button id='report-done-back' onClick={() => Taro.navigateBack()}>
            返回
          </Button>
        </View>
      </View>
    )

  const messages: MessageSource | null = conversationId
    ? { conversationId, meId: user?.id ?? null }
    : target.kind === 'order'
      ? { orderId: target.id }
      : null
  return (
    <View className='report-page' id='report-page'>
      <View className='report-page__head'>
        <Text className='report-page__kind'>举报{TARGET_KIND_LABELS[target.kind]}</Text>
        {label && (
          <Text className='report-page__label' id='report-label'>
            {label}
          </Text>
        )}
      </View>
      {status === 'signed-in' ? (
        <ReportForm target={target} messages={messages} onDone={setDone} />
      ) : (
        <Text className='muted report-page__wait'>
          {status === 'signing-in' ? '登录中…' : '请先登录'}
        </Text>
      )}
    </View>
  )
}
