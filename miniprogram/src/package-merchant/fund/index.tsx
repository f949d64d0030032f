import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { GuaranteeFund } from '@shared/contracts/merchant.contract'
import { formatFen } from '@shared/domain/money'
import { api } from '@/services'
import { useSignedInLoad } from '@/hooks/use-signed-in-load'
import { PageSkeleton } from '@/components/PageSkeleton'
import { EmptyState } from '@/components/EmptyState'
import { reportError } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { shortTime } from '../wallet/withdraw-key'
import '../merchant.scss'
import '../wallet/index.scss'

/** Operators: the guarantee fund (先行赔付) — paid out, collected back from sellers, still open. */
export default function GuaranteeFundPage() {
  const [fund, setFund] = useState<GuaranteeFund | null>(null)
  const load = () => api.merchant.guaranteeFund().then(setFund, (e) => reportError(e, '加载失败'))
  useSignedInLoad(load, fund !== null)

  if (!fund) return <PageSkeleton className='merchant-page fund' />
  return (
    <View className='merchant-page fund safe-bottom' id='guarantee-fund'>
      <View className='merchant-section wallet-figures'>
        <View className='wallet-figure' id='fund-paid-out'>
          <Text className='wallet-figure__n'>{formatFen(fund.paidOutFen)}</Text>
          <Text className='wallet-figure__l'>已先行赔付</Text>
        </View>
        <View className='wallet-figure is-main' id='fund-open-claims'>
          <Text className='wallet-figure__n'>{formatFen(fund.openClaimsFen)}</Text>
          <Text className='wallet-figure__l'>待追偿</Text>
        </View>
        <View className='wallet-figure' id='fund-collected'>
          <Text className='wallet-figure__n'>{formatFen(fund.collectedFen)}</Text>
          <Text className='wallet-figure__l'>已追回</Text>
        </View>
      </View>
      <Text className='muted wallet__note' id='fund-balance'>
        基金净额 {formatFen(fund.balanceFen)}
        （追回减赔付）。赔付由平台垫付退款给买家，追偿从卖家后续成交的货款中随分账扣回。
      </Text>
      <View className='merchant-section' id='fund-movements'>
        <Text className='merchant-section__heading'>最近变动</Text>
        {fund.movements.length === 0 ? (
          <EmptyState id='fund-empty' title='还没有先行赔付' />
        ) : (
          fund.movements.map((m) => (
            <View
              key={`${m.kind}-${m.orderId}-${m.at}`}
              className={`wallet-row is-${m.kind}`}
              onClick={() => m.orderId && Taro.navigateTo({ url: Routes.order(m.orderId) })}
            >
              <View className='wallet-row__main'>
                <Text>{m.kind === 'compensation' ? '先行赔付买家' : '从卖家货款追回'}</Text>
                <Text className='muted wallet-row__time'>{shortTime(m.at)}</Text>
              </View>
              <View className='wallet-row__side'>
                <Text className='wallet-row__status'>
                  {m.amountFen > 0 ? '+' : ''}
                  {formatFen(m.amountFen)}
                </Text>
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
