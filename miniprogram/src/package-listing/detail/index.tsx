import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Image, Text, Video, View } from '@tarojs/components'
import { Avatar, Button, Skeleton, Swiper, Tag } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import '@nutui/nutui-react-taro/dist/esm/Swiper/style/css'
import '@nutui/nutui-react-taro/dist/esm/Tag/style/css'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import {
  LISTING_STATUS_LABELS,
  categoryLabel,
  conditionLabel,
  serviceUnitLabel,
} from '@shared/domain/listing'
import { formatRelativeTime } from '@shared/domain/relative-time'
import { api, isServiceError } from '@/services'
import { PriceTag } from '@/components/PriceTag'
import { placeText } from '@/components/ListingCard'
import { ListingActions } from '@/components/ListingActions'
import { QualityPanel } from '@/components/QualityPanel'
import { CreditBadge } from '@/components/CreditBadge'
import { BuyButton } from '../components/BuyButton'
import { FreightEstimate } from '../components/FreightEstimate'
import { ListingInquiries } from '../components/ListingInquiries'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError } from '@/utils/feedback'
import { navigateOnce } from '@/utils/navigate'
import { expiryText, serviceTermLines, tradeLabels } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import { storedViewerPoint } from '@/utils/viewer-point'
import { EmptyState } from '@/components/EmptyState'
import { GroupBanner } from '@/components/GroupBanner'
import { GroupEnterControl } from '@/components/GroupEnterControl'
import { ShareSheet } from '@/components/ShareSheet'
import { TrustSignals } from '@/components/TrustSignals'
import { useShareArrival } from '@/hooks/use-share-arrival'
import { useShareCard } from '@/hooks/use-share-card'
import { SHARES_BY_LINK } from '@/services'
import './index.scss'

export default function ListingDetailPage() {
  const { params } = useRouter()
  // Opened from a card (`st`) or a poster's 小程序码 (`scene`, which names the listing).
  const arrival = useShareArrival('listing')
  const id = params.id ?? arrival.targetId ?? ''
  const session = useSession()
  const { status } = session
  const [listing, setListing] = useState<ListingDetail | null>(null)
  const [missing, setMissing] = useState(false)
  const [failed, setFailed] = useState(false)
  const [current, setCurrent] = useState(0)
  const [favBusy, setFavBusy] = useState(false)
  const [sheetOpen, setSheetOpen] = useState(false)
  const shown = useRef(false)

  const load = () => {
    if (!id) return Promise.resolve()
    const from = storedViewerPoint() ?? undefined
    return api.listing
      .get({ id, from })
      .then((l) => {
        setListing(l)
        setFailed(false)
      })
      .catch((e) => {
        if (isServiceError(e) && (e.code === 'COMMON.NOT_FOUND' || e.code === 'COMMON.VALIDATION'))
          setMissing(true)
        else {
          setFailed(true)
          reportError(e, '加载失败，请稍后重试')
        }
      })
  }
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new listing id loads; load reads the latest state itself
  }, [id])
  // Back from editing (or from signing in): show what changed.
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })
  // Signing in changes isMine / isFavorited.
  const lastStatus = useRef(status)
  useEffect(() => {
    if (lastStatus.current !== status && status !== 'signing-in' && listing) void load()
    lastStatus.current = status
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the sign-in status changes, not on every render
  }, [status])

  const share = useShareCard({
    kind: 'listing',
    targetId: listing?.id ?? null,
    parentToken: arrival.token,
    fromGroup: arrival.group !== null,
    // Drafts and taken-down listings are not shared; a sold one still is (its card says 已售出).
    enabled: arrival.ready && (listing?.status === 'active' || listing?.status === 'sold'),
    plain: { title: listing?.title ?? '邻圈闲置', path: Routes.detail(id) },
  })

  if (missing || (!id && !arrival.resolving))
    return (
      <View id='detail-missing' style={{ paddingTop: '80px' }}>
        <EmptyState title='这件闲置不见了' description='可能已经下架或被删除' />
      </View>
    )

  if (!listing && failed)
    return (
      <View id='detail-failed' style={{ paddingTop: '80px' }}>
        <EmptyState
          title='加载失败'
          description='网络或服务开小差了'
          action={{ text: '重新加载', onClick: () => void load() }}
        />
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
  const owner = listing.owner
  const trades = tradeLabels(listing.trade)
  const unit = listing.serviceUnit ? serviceUnitLabel(listing.serviceUnit) : undefined
  const shareable = listing.status === 'active' || listing.status === 'sold'

  // 举报 the listing; a visitor signs in first and lands on the form.
  const report = () => {
    const url = Routes.report({ kind: 'listing', id: listing.id }, { label: listing.title })
    return status === 'signed-in' ? navigateOnce(url) : goLogin(url)
  }

  const toggleFavorite = async () => {
    if (status !== 'signed-in') return goLogin()
    if (favBusy) return
    setFavBusy(true)
    const want = !listing.isFavorited
    // Optimistic: the heart answers at once, the server's count replaces the guess.
    setListing({
      ...listing,
      isFavorited: want,
      favoriteCount: listing.favoriteCount + (want ? 1 : -1),
    })
    try {
      const r = want
        ? await api.social.favorite(listing.id)
        : await api.social.unfavorite(listing.id)
      setListing((l) =>
        l ? { ...l, isFavorited: r.favorited, favoriteCount: r.favoriteCount } : l,
      )
      if (want) Taro.showToast({ title: '已加入想要，可在「我的收藏」查看', icon: 'none' })
    } catch (e) {
      setListing((l) =>
        l ? { ...l, isFavorited: !want, favoriteCount: listing.favoriteCount } : l,
      )
      reportError(e, '操作失败，请稍后重试')
    } finally {
      setFavBusy(false)
    }
  }

  return (
    <View
      className='detail'
      id='listing-detail'
      data-id={listing.id}
      data-share-token={share.created?.token ?? ''}
    >
      <GroupBanner group={arrival.group} />
      <GroupEnterControl token={arrival.token} onEnter={arrival.openInGroup} />
      <View className='detail__gallery'>
        <Swiper
          defaultValue={0}
          indicator={false}
          height='375'
          onChange={(e) => setCurrent(e.detail.current)}
        >
          {listing.photos.map((p, i) => (
            <Swiper.Item key={p.fileId}>
              <Image
                className='detail__photo'
                src={p.url}
                mode='aspectFill'
                onClick={() => preview(i)}
              />
            </Swiper.Item>
          ))}
        </Swiper>
        <Text className='detail__count' id='detail-photo-count'>
          {current + 1}/{listing.photos.length}
        </Text>
      </View>
      {listing.video && (
        <View className='detail__video' id='detail-video'>
          <Video
            className='detail__video-player'
            src={listing.video.url}
            controls
            objectFit='contain'
          />
        </View>
      )}

      <View className='detail__section'>
        <View className='detail__price-row'>
          <PriceTag
            fen={listing.priceFen}
            original={listing.originalPriceFen}
            size='large'
            unit={unit}
          />
          <Text className='detail__stats' id='detail-stats'>
            <Text id='detail-favorite-count'>{listing.favoriteCount}</Text>人想要 · 浏览{' '}
            <Text id='detail-views'>{listing.viewCount}</Text>
          </Text>
        </View>
        <Text className='detail__title' id='detail-title'>
          {listing.title}
        </Text>
        <View className='detail__tags'>
          {listing.kind === 'service' && <Tag type='info'>本地服务</Tag>}
          {listing.condition && (
            <Tag type='primary' plain>
              {conditionLabel(listing.condition)}
            </Tag>
          )}
          <Tag plain>
            {categoryLabel(listing.category)}
            {listing.subcategory ? ` · ${categoryLabel(listing.subcategory)}` : ''}
          </Tag>
          {listing.status !== 'active' && (
            <Tag type='danger'>{LISTING_STATUS_LABELS[listing.status]}</Tag>
          )}
        </View>
        <View className='detail__meta'>
          <Text id='detail-place'>
            {listing.city} · {placeText(listing)}
          </Text>
          <Text>{formatRelativeTime(listing.bumpedAt ?? listing.createdAt, now)}发布</Text>
        </View>
        {(shareable || !listing.isMine) && (
          <View className='detail__share-row'>
            {!shareable ? null : SHARES_BY_LINK ? (
              <Button
                id='detail-share'
                size='small'
                fill='outline'
                type='primary'
                onClick={() => void share.copyLink()}
              >
                分享
              </Button>
            ) : (
              <Button id='detail-share' size='small' fill='outline' type='primary' openType='share'>
                分享
              </Button>
            )}
            {shareable && (
              <Button
                id='detail-share-more'
                size='small'
                fill='outline'
                onClick={() => setSheetOpen(true)}
              >
                海报 · 群闲置
              </Button>
            )}
            {!listing.isMine && (
              <Text className='detail__report' id='detail-report' onClick={report}>
                举报
              </Text>
            )}
          </View>
        )}
      </View>

      {owner && (
        <View className='detail__section detail__owner' id='detail-owner'>
          <View className='detail__owner-head'>
            <Text className='detail__heading'>
              我的宝贝 · {LISTING_STATUS_LABELS[listing.status]}
            </Text>
            {listing.status === 'active' && expiryText(owner.expiresAt, now) && (
              <Text className='detail__expiry' id='detail-expiry'>
                {expiryText(owner.expiresAt, now)}
              </Text>
            )}
          </View>
          <ListingInquiries listingId={listing.id} refresh={listing} />
          <View
            className='detail__stats-link'
            id='detail-share-stats'
            onClick={() => Taro.navigateTo({ url: Routes.shareStats(listing.id) })}
          >
            <Text>分享数据</Text>
            <Text className='muted'>谁分享了、带来多少浏览和订单 ›</Text>
          </View>
          <QualityPanel
            score={owner.quality.score}
            hints={owner.quality.hints}
            idPrefix='detail-'
          />
        </View>
      )}

      {trades.length > 0 && (
        <View className='detail__section' id='detail-trade'>
          <Text className='detail__heading'>交易方式</Text>
          <View className='detail__chips'>
            {trades.map((t) => (
              <Text key={t} className='detail__chip'>
                {t}
              </Text>
            ))}
          </View>
          {listing.trade?.shipping && (
            <FreightEstimate
              listingId={listing.id}
              toCity={session.user?.city}
              shipping={listing.trade.shipping}
            />
          )}
        </View>
      )}

      {listing.service && (
        <View className='detail__section' id='detail-service'>
          <Text className='detail__heading'>服务说明</Text>
          <View className='detail__chips'>
            {serviceTermLines(listing.service).map((t) => (
              <Text key={t} className='detail__chip'>
                {t}
              </Text>
            ))}
          </View>
          <Text className='detail__standard'>服务标准：{listing.service.deliveryStandard}</Text>
        </View>
      )}

      <View className='detail__section'>
        <Text className='detail__heading'>
          {listing.kind === 'service' ? '服务介绍' : '宝贝描述'}
        </Text>
        <Text className='detail__description' id='detail-description'>
          {listing.description}
        </Text>
      </View>

      <View className='detail__section'>
        <View
          className='detail__seller'
          id='detail-seller'
          onClick={() => Taro.navigateTo({ url: Routes.storefront(listing.seller.id) })}
        >
          <Avatar size='44' src={listing.seller.avatarUrl ?? ''} />
          <View className='detail__seller-who'>
            <View className='detail__seller-line'>
              <Text className='detail__seller-name'>{listing.seller.nickname}</Text>
              <CreditBadge
                id='detail-credit-badge'
                badge={listing.seller.creditBadge}
                onClick={() => Taro.navigateTo({ url: Routes.credit(listing.seller.id) })}
              />
            </View>
            <Text className='muted detail__seller-sub'>
              {listing.isMine ? '这是你发布的宝贝' : `${listing.city}的邻居`}
            </Text>
          </View>
          <Text className='detail__seller-go'>
            {listing.isMine ? '我的主页' : '逛逛TA的主页'} ›
          </Text>
        </View>
        {!listing.isMine && (
          <TrustSignals
            userId={listing.seller.id}
            listingId={listing.id}
            refresh={arrival.group?.groupKey}
          />
        )}
      </View>

      <View className='detail__bar safe-bottom'>
        {owner ? (
          <View className='detail__owner-bar' id='owner-actions'>
            {owner.actions.length > 0 ? (
              <ListingActions
                listingId={listing.id}
                actions={owner.actions}
                onChanged={setListing}
                withIds
              />
            ) : (
              <Text className='muted'>这件宝贝已卖出，没有可进行的操作</Text>
            )}
          </View>
        ) : (
          <>
            <View
              id='detail-favorite'
              className={`detail__bar-fav ${listing.isFavorited ? 'is-on' : ''}`}
              onClick={toggleFavorite}
            >
              <Text className='detail__bar-fav-icon'>{listing.isFavorited ? '♥' : '♡'}</Text>
              <Text className='detail__bar-fav-text'>
                {listing.isFavorited ? '已想要' : '想要'}
                {listing.favoriteCount > 0 ? ` ${listing.favoriteCount}` : ''}
              </Text>
            </View>
            <Button
              id='detail-chat'
              fill='outline'
              type='primary'
              onClick={() =>
                status === 'signed-in' ? navigateOnce(Routes.chatAbout(listing.id)) : goLogin()
              }
            >
              聊一聊
            </Button>
            <BuyButton listing={listing} signedIn={status === 'signed-in'} />
          </>
        )}
      </View>
      <ShareSheet
        visible={sheetOpen}
        onClose={() => setSheetOpen(false)}
        created={share.created}
        listingId={listing.id}
        canPostToGroups={listing.isMine && listing.status === 'active'}
        onCopyLink={share.copyLink}
      />
    </View>
  )
}
