import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { COMMUNITY_TYPES, type Community } from '@shared/contracts/social.contract'
import { formatDistance } from '@shared/domain/geo'
import './community-item.scss'

export const communityTypeLabel = (type: string) =>
  COMMUNITY_TYPES.find((t) => t.id === type)?.label ?? '小区'

export interface CommunityItemProps {
  community: Community
  onOpen?: () => void
  /** A button on the right (加入 / 已加入). */
  action?: ReactNode
}

/** One community in a list: name, type, district, distance and members. */
export function CommunityItem({ community: c, onOpen, action }: CommunityItemProps) {
  return (
    <View className='community-item' id={`community-${c.id}`} data-id={c.id} onClick={onOpen}>
      <View className={`community-item__icon is-${c.type}`}>
        <Text>{communityTypeLabel(c.type).slice(0, 1)}</Text>
      </View>
      <View className='community-item__body'>
        <Text className='community-item__name'>{c.name}</Text>
        <Text className='community-item__meta'>
          {[
            communityTypeLabel(c.type),
            c.district,
            c.distanceMeters != null ? formatDistance(c.distanceMeters) : null,
            `${c.memberCount} 位成员`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </View>
      {action}
    </View>
  )
}
