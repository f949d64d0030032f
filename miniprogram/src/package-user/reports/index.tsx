import { Text, View } from '@tarojs/components'
import { REPORT_REASON_LABELS } from '@shared/domain/report'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { api } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { ListFooter } from '@/components/ListFooter'
import { useSignedInList } from '@/hooks/use-signed-in-list'
import { REPORT_STATUS_LABELS, TARGET_KIND_LABELS } from '../report-text'
import '../report.scss'

const fetchPage = (cursor: string | undefined) => api.report.mine(cursor)

/** 我的举报: what the caller reported, newest first, and how each was decided. */
export default function MyReportsPage() {
  const list = useSignedInList(fetchPage, '加载失败')
  const now = Date.now()
  return (
    <View className='report-page' id='my-reports'>
      <Text className='report-hint'>
        审核员核实后会通知你结果；为保护你，被举报的人不会知道是谁举报的。
      </Text>
      {list.loaded && list.items.length === 0 && list.status !== 'error' ? (
        <EmptyState
          id='my-reports-empty'
          title='还没有举报记录'
          description='遇到违规可以在宝贝、主页、聊天或订单里举报'
        />
      ) : (
        list.items.map((r) => (
          <View key={r.id} className='report-card my-report' data-id={r.id} data-status={r.status}>
            <View className='report-card__head'>
              <Text className='report-card__title'>
                {TARGET_KIND_LABELS[r.target.kind]} · {r.targetLabel}
              </Text>
              <Text className={`report-card__status is-${r.status}`}>
                {REPORT_STATUS_LABELS[r.status]}
              </Text>
            </View>
            <Text className='report-card__line'>理由：{REPORT_REASON_LABELS[r.reason]}</Text>
            <Text className='report-card__line'>
              {formatRelativeTime(r.createdAt, now)}举报
              {r.decidedAt !== null ? ` · ${formatRelativeTime(r.decidedAt, now)}处理` : ''}
            </Text>
          </View>
        ))
      )}
      <ListFooter list={list} />
    </View>
  )
}
