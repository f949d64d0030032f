import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Community } from '@shared/contracts/social.contract'
import { Routes } from '@/utils/routes'

export interface CommunityPickerProps {
  /** The seller's communities; null while they load. */
  communities: Community[] | null
  selected: string[]
  onToggle: (id: string) => void
}

/** 同步到圈子: chips of the seller's communities, or a way to join one. */
export function CommunityPicker({ communities, selected, onToggle }: CommunityPickerProps) {
  return (
    <View className='publish__communities' id='publish-communities'>
      <Text className='publish__label'>同步到圈子</Text>
      {communities && communities.length > 0 ? (
        <View className='publish__community-chips'>
          {communities.map((c) => (
            <Text
              key={c.id}
              className={`publish__community community-chip-${c.id} ${selected.includes(c.id) ? 'is-active' : ''}`}
              onClick={() => onToggle(c.id)}
            >
              {c.name}
            </Text>
          ))}
        </View>
      ) : (
        <Text
          className='muted publish__community-none'
          onClick={() => Taro.navigateTo({ url: Routes.joinCommunity() })}
        >
          {communities === null ? '加载中…' : '还没有加入圈子，去加入 ›'}
        </Text>
      )}
    </View>
  )
}
