import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import type { Offer } from '@shared/contracts/offer.contract'
import { formatFen } from '@shared/domain/money'
import { api, askMessages, payOrder } from '@/services'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { priceText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import { Chips } from '../components/Chips'
import { AddressRow } from '../components/AddressRow'
import {
  checkoutProblem,
  escrowLine,
  fulfilmentOptions,
  shippingFenOf,
  shippingText,
  type CheckoutProblem,
  type FreightState,
} from './checkout'
import '../order.scss'
import './index.scss'

export default function ConfirmOrderPage() {
  const { params } = useRouter()
  const listingId = params.listingId ?? ''
  const offerId = params.offerId ? decodeURIComponent(params.offerId) : null
  const { status } = useSession()
  // An accepted offer (议价) the buyer checks out with: the server charges its price, not ours.
  const [offer, setOffer] = useState<Offer | null>(null)
  const [listing, setListing] = useState<ListingDetail | null>(null)
  const [choice, setChoice] = useState<string | null>(null)
  // Courier orders ship to one of the buyer's saved addresses; the server reads it from the book.
  const [addressId, setAddressId] = useState<string | null>(null)
  const [errors, setErrors] = useState<CheckoutProblem['fields']>({})
  const [blocked, setBlocked] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [freight, setFreight] = useState<FreightState>({ kind: 'no-address' })
  // Bumped to ask the courier again (after an unanswered quote).
  const [freightTry, setFreightTry] = useState(0)

  useEffect(() => {
    if (status === 'signed-out') goLogin()
  }, [status])

  useEffect(() => {
    api.listing
      .get({ id: listingId })
      .then((l) => {
        setListing(l)
        setChoice(fulfilmentOptions(l)[0]?.id ?? null)
        if (l.isMine) setBlocked('这是你自己发布的宝贝，不能购买')
        else if (l.status !== 'active') setBlocked('宝贝已下架或已卖出')
      })
      .catch((e) => reportError(e, '加载失败，请稍后重试'))
  }, [listingId])

  useEffect(() => {
    if (!offerId || status !== 'signed-in') return
    const stale = () => void toast('议价已失效，按标价购买')
    api.offer.get(offerId).then((o) => (o.state === 'accepted' ? setOffer(o) : stale()), stale)
  }, [offerId, status])

  const options = listing ? fulfilmentOptions(listing) : []
  const option = options.find((o) => o.id === choice) ?? null
  const courier = option?.fulfilment === 'courier'
  const service = option?.fulfilment === 'service'
  // 按实际运费: quote the chosen address's city, as checkout will price it.
  const quoteFor = courier && option.quoted ? addressId : null
  useEffect(() => {
    if (!quoteFor) return setFreight({ kind: 'no-address' })
    setFreight({ kind: 'loading', toCity: '' })
    let live = true
    api.order.freightQuote({ listingId, addressId: quoteFor }).then(
      (q) => {
        if (!live) return
        const best = q.quotes[0]
        setFreight(
          best
            ? { kind: 'quoted', toCity: q.toCity, company: best.company, priceFen: best.priceFen }
            : { kind: 'unavailable', toCity: q.toCity },
        )
      },
      () => live && setFreight({ kind: 'unavailable', toCity: '' }),
    )
    return () => {
      live = false
    }
  }, [listingId, quoteFor, freightTry])

  if (!listing)
    return (
      <View className='confirm'>
        <Skeleton rows={6} title animated visible={false} />
      </View>
    )

  const shippingFen = shippingFenOf(option, freight)
  // The agreed price, unless the listed one has since dropped below it (checkout charges the lower).
  const itemFen = offer ? Math.min(offer.priceFen, listing.priceFen) : listing.priceFen
  const totalFen = itemFen + (shippingFen ?? 0)

  const submit = async () => {
    if (submitting || blocked) return
    if (status !== 'signed-in') return goLogin()
    if (!option) return setErrors({ fulfilment: '请选择交易方式' })
    if (courier && !addressId) {
      setErrors({ address: '请选择收货地址' })
      return toast('请先添加收货地址')
    }
    // The buyer pays only a freight they have seen: wait for it, or ask the courier again.
    if (shippingFen === null) {
      if (freight.kind === 'unavailable') setFreightTry((n) => n + 1)
      return toast(
        freight.kind === 'unavailable' ? '暂时查不到运费，正在重新查询' : '正在计算运费，请稍候',
      )
    }
    setSubmitting(true)
    // Inside the tap, as WeChat requires: may we tell you when it ships, arrives or is refunded?
    await askMessages(['orderShipped', 'orderDelivered', 'refund'])
    try {
      const order = await api.order.checkout({
        listingId,
        fulfilment: option.fulfilment,
        ...(courier && addressId ? { addressId } : {}),
        ...(offer ? { offerId: offer.id } : {}),
      })
      // The courier's price moved since the page showed it: show the order's amounts before paying.
      if (order.shippingFen !== shippingFen) {
        toast(`运费已更新为 ${formatFen(order.shippingFen)}，请确认后支付`)
        return Taro.redirectTo({ url: Routes.order(order.id) })
      }
      // The order exists now: whatever happens with the payment, the order page is where it continues.
      try {
        const r = await payOrder(order.id, { replace: true })
        if (r.kind === 'redirected') return
      } catch (e) {
        reportError(e, '支付没有完成，可以在订单里继续支付')
      }
      Taro.redirectTo({ url: Routes.order(order.id) })
    } catch (e) {
      const p = checkoutProblem(e)
      setErrors(p.fields)
      // A dead end shows as the banner at the top; anything else as a toast or under its field.
      if (p.blocked) setBlocked(p.message)
      else if (p.message) toast(p.message)
      else if (Object.keys(p.fields).length === 0) reportError(e, '下单失败，请稍后重试')
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='confirm order-page' id='order-confirm'>
      {blocked && (
        <View className='confirm__blocked' id='confirm-blocked'>
          <Text>{blocked}</Text>
        </View>
      )}
      <View className='order-section'>
        <View className='confirm__item' id='confirm-item'>
          <Image className='confirm__cover' src={listing.photos[0]?.url ?? ''} mode='aspectFill' />
          <View className='confirm__item-text'>
            <Text className='confirm__title'>{listing.title}</Text>
            <Text className='muted confirm__seller'>卖家 {listing.seller.nickname}</Text>
          </View>
          <Text className='confirm__price'>{priceText(itemFen, listing.serviceUnit)}</Text>
        </View>
      </View>

      <View className='order-section' id='confirm-fulfilment'>
        <Text className='order-section__heading'>交易方式</Text>
        {options.length > 0 ? (
          <Chips
            id='fulfilment'
            options={options}
            value={choice}
            onChange={(id) => (setChoice(id), setErrors((e) => ({ ...e, fulfilment: undefined })))}
          />
        ) : (
          <Text className='muted'>卖家没有设置交易方式，请先聊一聊</Text>
        )}
        {errors.fulfilment && (
          <Text className='confirm__error field-error-fulfilment'>{errors.fulfilment}</Text>
        )}
        {option?.fulfilment === 'meetup' && (
          <Text className='muted confirm__tip'>
            付款后在聊天里约定时间地点；见面验货满意后，出示交易码给卖家。
          </Text>
        )}
      </View>

      {courier && (
        <View className='order-section' id='confirm-address'>
          <AddressRow
            id='checkout-address'
            label='收货地址'
            onChange={(id) => (setAddressId(id), setErrors((e) => ({ ...e, address: undefined })))}
          />
          {errors.address && (
            <Text className='confirm__error field-error-address'>{errors.address}</Text>
          )}
        </View>
      )}

      <View className='order-section' id='confirm-amounts'>
        <View className='confirm__row'>
          <Text>{service ? '服务价格' : '宝贝价格'}</Text>
          <Text className={offer ? 'confirm__was' : ''}>
            {priceText(listing.priceFen, listing.serviceUnit)}
          </Text>
        </View>
        {offer && (
          <View className='confirm__row' id='confirm-offer'>
            <Text>议价成交价</Text>
            <Text className='confirm__agreed'>{formatFen(itemFen)}</Text>
          </View>
        )}
        {!service && (
          <View className='confirm__row'>
            <Text>运费</Text>
            <Text id='confirm-shipping'>{shippingText(option, freight)}</Text>
          </View>
        )}
        <View className='confirm__row is-total'>
          <Text>合计</Text>
          <Text id='confirm-total'>{formatFen(totalFen)}</Text>
        </View>
        <Text className='confirm__escrow' id='confirm-escrow'>
          {escrowLine(option?.fulfilment ?? 'courier')}
        </Text>
      </View>

      <View className='bottom-bar confirm__bar safe-bottom'>
        <Text className='confirm__bar-total'>
          合计 <Text className='confirm__bar-amount'>{formatFen(totalFen)}</Text>
        </Text>
        <Button
          id='confirm-submit'
          type='primary'
          loading={submitting}
          disabled={!!blocked || !option}
          onClick={submit}
        >
          {blocked ? '无法购买' : '提交订单'}
        </Button>
      </View>
    </View>
  )
}
