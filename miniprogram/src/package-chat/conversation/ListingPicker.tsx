import { useEffect, useState } from 'react'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import type { ListingPage } from '@shared/contracts/listing.contract'
import { formatFen } from '@shared/domain/money'
import { api } from '@/services'

const PICK_PAGE = 20

/** 发宝贝: the caller's listings on sale in a bottom sheet; tapping one shares it as a card. */
export function ListingPicker({
  visible,
  onPick,
  onClose,
}: {
  visible: boolean
  onPick: (listingId: string) => void
  onClose: () => void
}) {
  const [items, setItems] = useState<ListingPage['items'] | null>(null)
  useEffect(() => {
    if (!visible) return
    setItems(null)
    api.listing.mine({ status: 'active', limit: PICK_PAGE }).then(
      (page) => setItems(page.items),
      () => setItems([]),
    )
  }, [visible])
  return (
    <Popup visible={visible} position='bottom' round closeable onClose={onClose} zIndex={1500}>
      <View className='listing-picker' id='listing-picker'>
        <Text className='listing-picker__title'>发宝贝</Text>
        {items === null && <Text className='muted listing-picker__hint'>加载中…</Text>}
        {items?.length === 0 && (
          <Text className='muted listing-picker__hint'>你还没有在售的宝贝</Text>
        )}
        <ScrollView scrollY className='listing-picker__list'>
          {items?.map((l) => (
            <View
              key={l.id}
              className='listing-picker__row'
              data-listing={l.id}
              onClick={() => onPick(l.id)}
            >
              <Image className='listing-picker__thumb' src={l.coverUrl} mode='aspectFill' />
              <Text className='listing-picker__name'>{l.title}</Text>
              <Text className='listing-picker__price'>{formatFen(l.priceFen)}</Text>
            </View>
          ))}
        </ScrollView>
      </View>
    </Popup>
  )
}
