import { useCallback, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseCard } from '@shared/contracts/report.contract'
import { ErrorCodes } from '@shared/errors/error-codes'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { api, isServiceError } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { ListFooter } from '@/components/ListFooter'
import { TabRow } from '@/components/TabRow'
import { useSignedInList } from '@/hooks/use-signed-in-list'
import { Routes } from '@/utils/routes'
import { TARGET_KIND_LABELS, caseWhyText, slaText } from '../moderation-text'
import '../moderation.scss'

type QueueView = 'cases' | 'appeals'

/**
 * One line of the queue: what, its score, the reasons (or 系统标记 and its flags when the risk
 * checks raised it without a report), how many reported it, flags, the SLA.
 */
function QueueCard({ c, now }: { c: CaseCard; now: number }) {
  const sla = slaText(c.slaDueAt, now)
  return (
    <View
      className='mod-card queue-card'
      data-id={c.caseId}
      data-kind={c.target.kind}
      onClick={() => Taro.navigateTo({ url: Routes.moderationCase(c.caseId) })}
    >
      <View className='mod-card__head'>
        <Text className='mod-card__title'>
          {TARGET_KIND_LABELS[c.target.kind]} · {c.targetLabel}
        </Text>
        <Text className='mod-score'>{c.score}</Text>
      </View>
      <Text className='muted queue-card__why'>{caseWhyText(c)}</Text>
      <View className='mod-badges'>
        {c.hidden && <Text className='mod-badge is-hidden'>已隐藏</Text>}
        {c.appeal && <Text className='mod-badge is-appeal'>申诉</Text>}
        {c.reporters === 0 ? (
          <Text className='mod-badge is-system'>系统标记</Text>
        ) : (
          <Text className='mod-badge'>{c.reporters} 人举报</Text>
        )}
        {c.riskFlags > 0 && <Text className='mod-badge is-risk'>风险 {c.riskFlags}</Text>}
        <Text className={`mod-badge queue-card__sla ${sla.late ? 'is-late' : ''}`}>{sla.text}</Text>
        <Text className='muted queue-card__age'>{formatRelativeTime(c.openedAt, now)}</Text>
      </View>
    </View>
  )
}

/** The cases or the appeals, as the tab says; remounted per tab so each has its own paging. */
function QueueList({ view }: { view: QueueView }) {
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await api.report.queue(view, cursor)
      return { ...page, items: page.items.map((c) => ({ ...c, id: c.caseId })) }
    },
    [view],
  )
  const list = useSignedInList(fetchPage)
  const forbidden =
    list.status === 'error' &&
    isServiceError(list.error) &&
    list.error.code === ErrorCodes.FORBIDDEN
  if (forbidden) return <EmptyState id='moderation-forbidden' title='仅审核员可以查看' />
  const now = Date.now()
  return (
    <View id={`queue-${view}`}>
      {list.loaded && list.items.length === 0 && list.status !== 'error' ? (
        <EmptyState
          id='queue-empty'
          title={view === 'cases' ? '没有待处理的举报' : '没有待复核的申诉'}
        />
      ) : (
        list.items.map((c) => <QueueCard key={c.id} c={c} now={now} />)
      )}
      <ListFooter list={list} />
    </View>
  )
}

/**
 * 审核后台: open cases by score then age, each with the time its SLA leaves; 申诉 lists the
 * appeals waiting for a moderator other than the one who decided.
 */
export default function ModerationQueuePage() {
  const { params } = useRouter()
  const [view, setView] = useState<QueueView>(params.view === 'appeals' ? 'appeals' : 'cases')
  return (
    <View className='mod-page' id='moderation-queue' data-view={view}>
      <TabRow
        items={[
          { id: 'cases', label: '案件' },
          { id: 'appeals', label: '申诉' },
        ]}
        value={view}
        onChange={(v) => setView(v as QueueView)}
        idPrefix='queue-tab-'
      />
      <Text className='mod-hint'>
        分数综合举报理由、举报人可信度、独立举报人数、风险标记和对方信用；达到阈值的内容已先行隐藏。「系统标记」是风险检测发起、尚无人举报的案件。
      </Text>
      <QueueList key={view} view={view} />
    </View>
  )
}
