import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ListingPage } from '@shared/contracts/listing.contract'
import { ListFooter } from '@/components/ListFooter'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { useListingPages } from '@/hooks/use-listing-pages'
import { navigateOnce } from '@/utils/navigate'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'

const BROWSE = { text: '去逛逛', onClick: () => Taro.switchTab({ url: Routes.home }) }

export interface PagedListingsProps {
  /** Stable (useCallback) loader of one page after `cursor`. */
  fetchPage: (cursor: string | undefined) => Promise<ListingPage>
  /** Element id of the list; the empty state gets `<id>-empty`. */
  id: string
  emptyTitle: string
  emptyDescription?: string
  /** The button on the empty state: 去逛逛 unless given; null for none (a seller's own storefront). */
  emptyAction?: { text: string; onClick: () => void } | null
  /** False holds the first load (e.g. until the page knows whose listings to show). */
  enabled?: boolean
}

/** A whole screen of listing cards from one paged source, with an empty state that sends people browsing. */
export function PagedListings({
  fetchPage,
  id,
  emptyTitle,
  emptyDescription,
  emptyAction = BROWSE,
  enabled = true,
}: PagedListingsProps) {
  const list = useListingPages(fetchPage, enabled)
  return (
    <View>
      {list.empty ? (
        <EmptyState
          id={`${id}-empty`}
          title={emptyTitle}
          description={emptyDescription}
          action={emptyAction}
        />
      ) : (
        <ListingWaterfall
          id={id}
          cards={list.items}
          now={list.now}
          loading={!list.loaded}
          onOpen={(c) => navigateOnce(Routes.detail(c.id))}
        />
      )}
      <ListFooter list={list} />
    </View>
  )
}
