import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import { type Community, MAX_COMMUNITIES_PER_USER } from '@shared/contracts/social.contract'
import { CommunityItem } from '@/components/CommunityItem'
import { loadMyCommunities } from '@/utils/my-communities'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'

/** The communities the user belongs to, with a way to join more. */
export default function MyCommunities() {
  const [items, setItems] = useState<Community[] | null>(null)
  useDidShow(() => void loadMyCommunities(setItems, '加载失败，请稍后重试'))
  const join = () => Taro.navigateTo({ url: Routes.joinCommunity() })

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
          id='communities-empty'
          title='还没有加入圈子'
          description='加入你住的小区、读书的学校或上班的写字楼，只看身边人的闲置'
          action={{ text: '加入圈子', onClick: join }}
        />
      </View>
    )
  return (
    <View id='my-communities' className='safe-bottom'>
      {items.map((c) => (
        <CommunityItem
          key={c.id}
          community={c}
          onOpen={() => Taro.navigateTo({ url: Routes.community(c.id) })}
          action={<Text className='muted'>›</Text>}
        />
      ))}
      <View style={{ padding: '16px' }}>
        <Text
          className='muted'
          style={{ display: 'block', fontSize: '12px', marginBottom: '8px', textAlign: 'center' }}
        >
          已加入 {items.length} / {MAX_COMMUNITIES_PER_USER} 个圈子
        </Text>
        <Button
          id='communities-join'
          type='primary'
          block
          onClick={join}
          disabled={items.length >= MAX_COMMUNITIES_PER_USER}
        >
          加入更多圈子
        </Button>
      </View>
    </View>
  )
}
