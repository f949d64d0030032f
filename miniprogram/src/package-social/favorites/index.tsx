import { Text, View } from '@tarojs/components'
import { api } from '@/services'
import { PagedListings } from '@/components/PagedListings'

const fetchPage = (cursor: string | undefined) => api.social.favorites({ cursor, limit: 20 })

/** 我的收藏: what the user tapped 想要 on, newest first; sold and removed ones stay, marked. */
export default function Favorites() {
  return (
    <View style={{ paddingTop: '8px' }}>
      <Text
        className='muted'
        style={{ display: 'block', padding: '4px 12px 8px', fontSize: '12px' }}
      >
        点「想要」的宝贝都在这里，卖家会知道有多少人想要
      </Text>
      <PagedListings
        id='favorites-list'
        fetchPage={fetchPage}
        emptyTitle='还没有想要的宝贝'
        emptyDescription='在详情页点「想要」，就能在这里找到它'
      />
    </View>
  )
}
