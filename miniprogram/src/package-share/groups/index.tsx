import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { GroupSummary } from '@shared/contracts/share.contract'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { api } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { reportError } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import '../share.scss'

/**
 * 我的群闲置: the group circles the caller is known in (they opened a 邻圈 card in that group
 * chat), most recently seen first. Only the caller's own; nobody else's are ever listed.
 */
export default function MyGroups() {
  const [items, setItems] = useState<GroupSummary[] | null>(null)
  useDidShow(() => {
    api.share.myGroups().then(
      (r) => setItems(r.items),
      (e) => {
        setItems([])
        reportError(e, '加载失败，请稍后重试')
      },
    )
  })

  if (items === null)
    return (
      <View style={{ padding: '16px' }}>
        <Skeleton rows={4} avatar animated visible={false} />
      </View>
    )
  if (items.length === 0)
    return (
      <View style={{ paddingTop: '60px' }}>
        <EmptyState
          id='groups-empty'
          title='还没有群闲置'
          description='在微信群里点开邻圈的宝贝卡片，这个群就会出现在这里，看看群友们在卖什么'
          action={{ text: '去逛逛', onClick: () => Taro.switchTab({ url: Routes.home }) }}
        />
      </View>
    )
  const now = Date.now()
  return (
    <View className='share-page safe-bottom' id='my-groups'>
      <Text className='share-hint' style={{ marginTop: '12px' }}>
        在群聊里点开过邻圈卡片的群会出现在这里；只有你自己能看到这份列表
      </Text>
      {items.map((g) => (
        <View
          key={g.groupKey}
          className='share-card share-group'
          id={`group-${g.groupKey}`}
          onClick={() => Taro.navigateTo({ url: Routes.shareGroup(g.groupKey) })}
        >
          <Text className='share-group__avatar'>群</Text>
          <View className='share-group__who'>
            <Text className='share-group__name'>{g.label ?? '未命名的群'}</Text>
            <Text className='share-group__sub'>
              {g.memberCount} 位群成员 · {g.postedCount} 件群闲置 ·{' '}
              {formatRelativeTime(g.lastSeenAt, now)}来过
            </Text>
          </View>
          <Text className='muted'>›</Text>
        </View>
      ))}
    </View>
  )
}
