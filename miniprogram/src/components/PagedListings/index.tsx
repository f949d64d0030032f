import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import type { ListingPage } from '@shared/contracts/listing.contract'
import { ListFooter } from '@/components/ListFooter'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { useListingPages } from '@/hooks/use-listing-pages'
import { Routes } from '@/utils/routes'
import emptyImage from '@/assets/empty.png'

export interface PagedListingsProps {
  /** Stable (useCallback) loader of one page after `cursor`. */
  fetchPage: (cursor: string | undefined) => Promise<ListingPage>
  /** Element id of the list; the empty state gets `<id>-empty`. */
  id: string
  emptyTitle: string
  emptyDescription: string
}

/** A whole screen of listing cards from one paged source, with an empty state that sends people browsing. */
export function PagedListings({ fetchPage, id, emptyTitle, emptyDescription }: PagedListingsProps) {
  const list = useListingPages(fetchPage)
  return (
    <View>
      {list.empty ? (
        <Empty
          id={`${id}-empty`}
          image={emptyImage}
          title={emptyTitle}
          description={emptyDescription}
          actions={[{ text: '去逛逛', type: 'primary', onClick: () => Taro.switchTab({ url: Routes.home }) }]}
        />
      ) : (
        <ListingWaterfall
          id={id}
          cards={list.items}
          now={list.now}
          loading={!list.loaded}
          onOpen={(c) => Taro.navigateTo({ url: Routes.detail(c.id) })}
        />
      )}
      <ListFooter status={list.status} end={list.end} onRetry={() => (list.items.length ? list.loadMore() : list.reload())} />
    </View>
  )
}
