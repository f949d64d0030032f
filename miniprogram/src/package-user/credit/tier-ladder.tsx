import { Text, View } from '@tarojs/components'
import { CREDIT_TIERS, type CreditTierKey } from '@shared/domain/credit/credit-tiers'

/** The five tiers with the score each starts at, the viewer's (or the seller's) marked. */
export function TierLadder({ current }: { current: CreditTierKey }) {
  return (
    <View className='credit-ladder' id='credit-ladder'>
      {[...CREDIT_TIERS].reverse().map((t) => (
        <View
          key={t.key}
          className={`credit-ladder__step ${t.key === current ? 'is-current' : ''}`}
          data-tier={t.key}
        >
          <Text className='credit-ladder__label'>{t.label}</Text>
          <Text className='credit-ladder__min'>{t.minScore}+</Text>
        </View>
      ))}
    </View>
  )
}
