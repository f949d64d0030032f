import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { groupBannerText } from '@/utils/share-arrival'
import { Routes } from '@/utils/routes'
import './group-banner.scss'

export interface GroupBannerProps {
  group: { groupKey: string; label: string | null } | null
}

/** A page opened from a group chat: 来自群聊「…」 · 看看群闲置 (what the group's members sell). */
export function GroupBanner({ group }: GroupBannerProps) {
  if (!group) return null
  return (
    <View
      className='group-banner'
      id='group-banner'
      data-key={group.groupKey}
      onClick={() => Taro.navigateTo({ url: Routes.shareGroup(group.groupKey) })}
    >
      <Text className='group-banner__icon'>群</Text>
      <Text className='group-banner__text'>{groupBannerText(group.label)}</Text>
      <Text className='group-banner__go'>看看群闲置 ›</Text>
    </View>
  )
}
