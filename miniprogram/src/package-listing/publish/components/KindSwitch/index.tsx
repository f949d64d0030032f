import { Text, View } from '@tarojs/components'
import type { ListingKindChoice } from '../../draft'

export interface KindSwitchProps {
  kind: ListingKindChoice
  /** An existing listing keeps its kind. */
  locked: boolean
  onSwitch: (kind: ListingKindChoice) => void
}

/** 闲置物品 or 本地服务, at the top of the form. */
export function KindSwitch({ kind, locked, onSwitch }: KindSwitchProps) {
  const tile = (k: ListingKindChoice, title: string, sub: string) => (
    <View
      id={`kind-${k}`}
      className={`publish__kind ${kind === k ? 'is-active' : ''} ${locked ? 'is-locked' : ''}`}
      onClick={() => onSwitch(k)}
    >
      <Text className='publish__kind-title'>{title}</Text>
      <Text className='publish__kind-sub'>{sub}</Text>
    </View>
  )
  return (
    <View className='publish__kinds'>
      {tile('goods', '闲置物品', '手机、家具、衣物…')}
      {tile('service', '本地服务', '家教、维修、跑腿…')}
    </View>
  )
}
