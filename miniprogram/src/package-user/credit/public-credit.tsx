import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PublicCredit } from '@shared/contracts/credit.contract'
import { api, isServiceError } from '@/services'
import { CreditBadge } from '@/components/CreditBadge'
import { EmptyState } from '@/components/EmptyState'
import { PageSkeleton } from '@/components/PageSkeleton'
import { reportError } from '@/utils/feedback'
import { TierLadder } from './tier-ladder'

/** Someone else's credit as strangers may see it: tier, badge and public summaries, no events. */
export function PublicCreditView({ userId }: { userId: string }) {
  const [credit, setCredit] = useState<PublicCredit | null>(null)
  const [missing, setMissing] = useState(false)
  useEffect(() => {
    api.credit.forUser(userId).then(setCredit, (e) => {
      if (isServiceError(e) && (e.code === 'COMMON.NOT_FOUND' || e.code === 'COMMON.VALIDATION'))
        setMissing(true)
      else reportError(e, '加载失败，请稍后重试')
    })
  }, [userId])
  if (missing) return <EmptyState title='找不到这位用户' />
  if (!credit) return <PageSkeleton className='credit credit--loading' />
  return (
    <View className='credit' id='credit-public' data-tier={credit.tier.key}>
      <View className={`credit__card credit__card--${credit.tier.key}`}>
        <Text className='credit__caption'>TA 的信用等级</Text>
        <View className='credit__tier-row'>
          <Text className='credit__tier credit__tier--big' id='credit-tier'>
            信用{credit.tier.label}
          </Text>
          <CreditBadge badge={credit.badge} />
        </View>
      </View>
      <View className='credit__section' id='credit-summaries'>
        {credit.summaries.map((s) => (
          <View className='credit__event' key={s.key} data-summary={s.key}>
            <Text className='credit__event-label'>{s.label}</Text>
            <Text className='credit__summary-value'>{s.value}</Text>
          </View>
        ))}
      </View>
      <View className='credit__section'>
        <Text className='credit__heading'>信用等级</Text>
        <TierLadder current={credit.tier.key} />
        <Text className='credit__factor-text'>
          等级由平台根据实名认证、账龄、成交、收到的评价和纠纷记录计算，刷单和互刷好评不计分；
          分数与明细仅本人可见。
        </Text>
      </View>
    </View>
  )
}
