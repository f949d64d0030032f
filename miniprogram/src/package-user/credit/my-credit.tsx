import { useCallback, useEffect, useState } from 'react'
import { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CreditHistoryItem, MyCredit } from '@shared/contracts/credit.contract'
import { CREDIT_TIERS, tierByKey } from '@shared/domain/credit/credit-tiers'
import { api } from '@/services'
import { CreditBadge } from '@/components/CreditBadge'
import { PageSkeleton } from '@/components/PageSkeleton'
import { reportError } from '@/utils/feedback'
import { TierLadder } from './tier-ladder'

const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
const day = (at: number) => {
  const d = new Date(at)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** "再得 N 分升至优秀", or null at the top. */
const nextTierText = (credit: MyCredit) => {
  const i = CREDIT_TIERS.findIndex((t) => t.key === credit.tier.key)
  const next = i > 0 ? CREDIT_TIERS[i - 1] : null
  return next ? `再得 ${next.minScore - credit.score} 分升至「${next.label}」` : '已是最高等级'
}

/**
 * The owner's 信用 page: score and tier, what each factor adds or takes, how to go up, what the
 * tier may do, 已存证, and the events that moved the score (paged as the page scrolls).
 */
export function MyCreditView({ onEvidence }: { onEvidence: () => void }) {
  const [credit, setCredit] = useState<MyCredit | null>(null)
  const [history, setHistory] = useState<CreditHistoryItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  const load = useCallback(async () => {
    try {
      const c = await api.credit.mine({ limit: 20 })
      setCredit(c)
      setHistory(c.history.items)
      setCursor(c.history.nextCursor)
    } catch (e) {
      reportError(e, '加载失败，请稍后重试')
    }
  }, [])
  useEffect(() => void load(), [load])
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    try {
      const c = await api.credit.mine({ limit: 20, cursor })
      setHistory((h) => [...h, ...c.history.items])
      setCursor(c.history.nextCursor)
    } catch (e) {
      reportError(e, '加载失败，请稍后重试')
    } finally {
      setLoadingMore(false)
    }
  })

  if (!credit) return <PageSkeleton className='credit credit--loading' />
  const tier = tierByKey(credit.tier.key)
  return (
    <View className='credit' id='credit-mine' data-tier={credit.tier.key}>
      <View className={`credit__card credit__card--${tier.key}`}>
        <Text className='credit__caption'>邻圈信用分</Text>
        <Text className='credit__score' id='credit-score'>
          {credit.score}
        </Text>
        <View className='credit__tier-row'>
          <Text className='credit__tier' id='credit-tier'>
            信用{credit.tier.label}
          </Text>
          <CreditBadge badge={credit.badge} />
        </View>
        <Text className='credit__next'>{nextTierText(credit)}</Text>
        <Text
          className={`credit__evidence ${credit.evidence.anchored ? 'is-anchored' : ''}`}
          id='credit-evidence'
          onClick={onEvidence}
        >
          {credit.evidence.anchored && credit.evidence.day
            ? `已存证 · ${credit.evidence.day} ›`
            : '存证生成中，次日可查 ›'}
        </Text>
      </View>

      <View className='credit__section' id='credit-factors'>
        <Text className='credit__heading'>分数构成</Text>
        <View className='credit__factor'>
          <View className='credit__factor-head'>
            <Text className='credit__factor-label'>起始分</Text>
            <Text className='credit__points'>{credit.base}</Text>
          </View>
          <Text className='credit__factor-text'>每位新用户都从「中等」起步</Text>
        </View>
        {credit.factors.map((f) => (
          <View className='credit__factor' key={f.key} data-factor={f.key}>
            <View className='credit__factor-head'>
              <Text className='credit__factor-label'>{f.label}</Text>
              <Text
                className={`credit__points ${f.points < 0 ? 'is-minus' : f.points > 0 ? 'is-plus' : ''}`}
              >
                {signed(f.points)}
              </Text>
            </View>
            <Text className='credit__factor-text'>{f.explanation}</Text>
          </View>
        ))}
      </View>

      {credit.improve.length > 0 && (
        <View className='credit__section' id='credit-improve'>
          <Text className='credit__heading'>如何提升</Text>
          {credit.improve.map((line) => (
            <Text className='credit__bullet' key={line}>
              {line}
            </Text>
          ))}
        </View>
      )}

      <View className='credit__section' id='credit-privileges'>
        <Text className='credit__heading'>当前等级权益</Text>
        <TierLadder current={credit.tier.key} />
        {credit.privileges.map((line) => (
          <Text className='credit__bullet' key={line}>
            {line}
          </Text>
        ))}
      </View>

      <View className='credit__section' id='credit-history'>
        <Text className='credit__heading'>信用记录</Text>
        {history.length === 0 ? (
          <Text className='credit__factor-text'>还没有记录：完成交易、收到评价后会记在这里</Text>
        ) : (
          history.map((h, i) => (
            <View className='credit__event' key={`${h.at}-${i}`}>
              <View className='credit__event-body'>
                <Text className='credit__event-label'>{h.label}</Text>
                <Text className='credit__event-at'>{day(h.at)}</Text>
              </View>
              <Text
                className={`credit__points ${h.delta < 0 ? 'is-minus' : h.delta > 0 ? 'is-plus' : ''}`}
              >
                {h.delta === 0 ? '—' : signed(h.delta)}
              </Text>
            </View>
          ))
        )}
        {cursor && <Text className='credit__more'>{loadingMore ? '加载中…' : '上拉加载更多'}</Text>}
      </View>
    </View>
  )
}
