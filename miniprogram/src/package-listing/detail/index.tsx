import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Avatar, Button, Empty, Skeleton, Swiper, Tag } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Empty/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import '@nutui/nutui-react-taro/dist/esm/Swiper/style/css'
import '@nutui/nutui-react-taro/dist/esm/Tag/style/css'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import { categoryLabel, conditionLabel } from '@shared/domain/listing'
import type { GeoPoint } from '@shared/domain/geo'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { api, isServiceError } from '@/services'
import { PriceTag } from '@/components/PriceTag'
import { placeText } from '@/components/ListingCard'
import { comingSoon, reportError } from '@/utils/feedback'
import { StorageKeys, readStored } from '@/utils/storage'
import emptyImage from '@/assets/empty.png'
import './index.scss'

export default function ListingDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [listing, setListing] = useState<ListingDetail | null>(null)
  const [missing, setMissing] = useState(false)
  const [current, setCurrent] = useState(0)

  useEffect(() => {
    const from = readStored<GeoPoint>(StorageKeys.viewerPoint) ?? undefined
    api.listing
      .get({ id, from })
      .then(setListing)
      .catch((e) => {
        if (isServiceError(e) && (e.code === 'COMMON.NOT_FOUND' || e.code === 'COMMON.VALIDATION')) setMissing(true)
        else reportError(e, '加载失败，请稍后重试')
      })
  }, [id])

  useShareAppMessage(() => ({ title: listing?.title ?? '邻圈闲置', path: `/package-listing/detail/index?id=${id}` }))

  if (missing)
    return (
      <View id='detail-missing' style={{ paddingTop: '80px' }}>
        <Empty image={emptyImage} title='这件闲置不见了' description='可能已经下架或被删除' />
      </View>
    )

  if (!listing)
    return (
      <View className='detail'>
        <View className='detail__gallery detail__gallery--loading' />
        <View className='detail__section'>
          <Skeleton rows={4} title animated visible={false} />
        </View>
      </View>
    )

  const urls = listing.photos.map((p) => p.url)
  const preview = (i: number) => Taro.previewImage({ urls, current: urls[i] })
  const now = Date.now()

  return (
    <View className='detail' id='listing-detail' data-id={listing.id}>
      <View className='detail__gallery'>
        <Swiper defaultValue={0} indicator={false} height='375' onChange={(e) => setCurrent(e.detail.current)}>
          {listing.photos.map((p, i) => (
            <Swiper.Item key={p.fileId}>
              <Image className='detail__photo' src={p.url} mode='aspectFill' onClick={() => preview(i)} />
            </Swiper.Item>
          ))}
        </Swiper>
        <Text className='detail__count' id='detail-photo-count'>
          {current + 1}/{listing.photos.length}
        </Text>
      </View>

      <View className='detail__section'>
        <PriceTag fen={listing.priceFen} original={listing.originalPriceFen} size='large' />
        <Text className='detail__title' id='detail-title'>
          {listing.title}
        </Text>
        <View className='detail__tags'>
          <Tag type='primary' plain>
            {conditionLabel(listing.condition)}
          </Tag>
          <Tag plain>{categoryLabel(listing.category)}</Tag>
          {listing.status !== 'active' && <Tag type='danger'>已下架</Tag>}
        </View>
        <View className='detail__meta'>
          <Text>{listing.city} · {placeText(listing)}</Text>
          <Text>{formatRelativeTime(listing.createdAt, now)}发布</Text>
        </View>
      </View>

      <View className='detail__section'>
        <Text className='detail__heading'>宝贝描述</Text>
        <Text className='detail__description' id='detail-description'>
          {listing.description}
        </Text>
      </View>

      <View className='detail__section detail__seller' id='detail-seller'>
        <Avatar size='44' src={listing.seller.avatarUrl ?? ''} />
        <View className='detail__seller-who'>
          <Text className='detail__seller-name'>{listing.seller.nickname}</Text>
          <Text className='muted detail__seller-sub'>{listing.isMine ? '这是你发布的闲置' : `${listing.city}的邻居`}</Text>
        </View>
      </View>

      <View className='detail__bar safe-bottom'>
        {/* Favourites, chat and escrow purchase arrive in later issues: visible, but honest. */}
        <View className='detail__bar-fav is-soon' onClick={comingSoon}>
          <Text>☆</Text>
          <Text className='detail__bar-fav-text'>收藏</Text>
        </View>
        <Button className='is-soon' id='detail-chat' fill='outline' type='primary' onClick={comingSoon}>
          聊一聊
        </Button>
        <Button className='is-soon' id='detail-buy' type='primary' onClick={comingSoon}>
          立即购买
        </Button>
      </View>
    </View>
  )
}
