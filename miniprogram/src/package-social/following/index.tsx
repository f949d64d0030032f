import { View } from '@tarojs/components'
import { api } from '@/services'
import { PagedListings } from '@/components/PagedListings'

const fetchPage = (cursor: string | undefined) => api.social.followingFeed({ cursor, limit: 20 })

/** New listings of the sellers the user follows, newest first. */
export default function FollowingFeed() {
  return (
    <View style={{ paddingTop: '8px' }}>
      <PagedListings
        id='following-feed'
        fetchPage={fetchPage}
        emptyTitle='关注的人还没有新发布'
        emptyDescription='在卖家主页点「关注」，TA 的新宝贝会出现在这里'
      />
    </View>
  )
}
