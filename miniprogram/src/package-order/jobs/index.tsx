import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { FailedJob } from '@shared/contracts/order.contract'
import { api } from '@/services'
import { ListFooter } from '@/components/ListFooter'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import { JOB_KIND_LABELS, dateTimeText } from '../order-text'
import { useSignedInList } from '@/hooks/use-signed-in-list'
import '../order.scss'
import './index.scss'

const fetchPage = (cursor: string | undefined) =>
  api.order.failedJobs({ limit: 20, ...(cursor ? { cursor } : {}) })

/**
 * Operators: the outbox's dead letters, newest first. Each says what it was for, for which order,
 * and why WeChat or the courier refused it; 重试 sends it again (with the same key) once the cause
 * is fixed, and the row shows how that went.
 */
export default function FailedJobsPage() {
  const [retrying, setRetrying] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Record<string, FailedJob>>({})
  const list = useSignedInList(fetchPage, '加载失败')

  const retry = async (job: FailedJob) => {
    setRetrying(job.id)
    try {
      const after = await api.order.retryJob(job.id)
      setOutcome((o) => ({ ...o, [job.id]: after }))
      toast(
        after.status === 'done'
          ? '重试成功'
          : after.status === 'failed'
            ? '仍然失败'
            : '已重新排队',
        after.status === 'done' ? 'success' : 'none',
      )
    } catch (e) {
      reportError(e, '重试失败')
    } finally {
      setRetrying(null)
    }
  }

  return (
    <View className='failed-jobs order-page' id='failed-jobs'>
      <View style={{ padding: '12px 16px 0' }}>
        <Text className='muted' style={{ fontSize: '12px' }}>
          微信支付、微信接口或快递100
          明确拒绝、不会自动重试的任务。排除原因后点「重试」，会用原来的单号再发一次，不会重复扣款或下单。
        </Text>
      </View>
      {list.loaded && list.items.length === 0 && list.status !== 'error' ? (
        <EmptyState id='failed-jobs-empty' title='没有异常任务' />
      ) : (
        list.items.map((listed) => {
          const job = outcome[listed.id] ?? listed
          return (
            <View
              key={job.id}
              className={`order-section failed-job is-${job.status}`}
              data-id={job.id}
              data-status={job.status}
            >
              <View className='failed-job__head'>
                <Text className='failed-job__kind'>{JOB_KIND_LABELS[job.kind] ?? job.kind}</Text>
                <Text className='failed-job__status'>
                  {job.status === 'done' ? '已完成' : job.status === 'pending' ? '排队中' : '失败'}
                </Text>
              </View>
              {job.orderId && (
                <Text
                  className='failed-job__order'
                  onClick={() => Taro.navigateTo({ url: Routes.order(job.orderId!) })}
                >
                  订单 {job.orderId} ›
                </Text>
              )}
              {job.lastError && <Text className='failed-job__error'>{job.lastError}</Text>}
              <Text className='muted failed-job__meta'>
                {dateTimeText(job.createdAt)} 创建 · 已尝试 {job.attempts} 次 · {job.id}
              </Text>
              {job.status === 'failed' && (
                <Button
                  className='failed-job__retry'
                  size='small'
                  type='primary'
                  fill='outline'
                  loading={retrying === job.id}
                  onClick={() => void retry(job)}
                >
                  重试
                </Button>
              )}
            </View>
          )
        })
      )}
      <ListFooter list={list} />
    </View>
  )
}
