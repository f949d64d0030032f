import { useEffect, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import type { ShippingAddress } from '@shared/contracts/order.contract'
import { formatFen } from '@shared/domain/money'
import { api, askOrderMessages, payOrder } from '@/services'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { priceText } from '@/utils/listing-text'
import { Routes } from '@/utils/routes'
import { chooseAddress, takeChosenAddress } from '@/utils/address-choice'
import { StorageKeys, readStored, writeStored } from '@/utils/storage'
import { Chips } from '../components/Chips'
import { AddressForm } from '../components/AddressForm'
import {
  addressErrors,
  checkoutProblem,
  escrowLine,
  freightCityOfAddress,
  fulfilmentOptions,
  shippingFenOf,
  shippingText,
  type CheckoutProblem,
  type FreightState,
} from './checkout'
import '../order.scss'
import './index.scss'

/** How long the region may rest before its freight is asked, so typing does not query each key. */
const QUOTE_DELAY_MS = 400

export default function ConfirmOrderPage() {
  const { params } = useRouter()
  const listingId = params.listingId ?? ''
  const { status } = useSession()
  const [listing, setListing] = useState<ListingDetail | null>(null)
  const [choice, setChoice] = useState<string | null>(null)
  const [address, setAddress] = useState<Partial<ShippingAddress>>(() => readStored<ShippingAddress>(StorageKeys.orderAddress) ?? {})
  const [errors, setErrors] = useState<CheckoutProblem['fields']>({})
  const [blocked, setBlocked] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [freight, setFreight] = useState<FreightState>({ kind: 'no-address' })
  // Bumped to ask the courier again (after an unanswered quote).
  const [freightTry, setFreightTry] = useState(0)

  useEffect(() => {
    if (status === 'signed-out') goLogin()
  }, [status])

  /** Fills the form from a saved address (the address book's default, or the one picked). */
  const fillFromBook = async (id: string) => {
    try {
      const a = await api.address.get(id)
      setAddress({ name: a.name, phone: a.phone, region: a.regionText, detail: a.detail })
      setErrors((e) => ({ ...e, name: undefined, phone: undefined, region: undefined, detail: undefined, address: undefined }))
    } catch (e) {
      reportError(e, '地址读取失败，请手动填写')
    }
  }
  // Nothing typed before: start from the default address, if the buyer keeps one.
  useEffect(() => {
    if (status !== 'signed-in' || readStored(StorageKeys.orderAddress)) return
    api.address.list().then(
      (l) => {
        const d = l.items.find((a) => a.isDefault)
        if (d) void fillFromBook(d.id)
      },
      () => undefined,
    )
  }, [status])
  // Back from the address book (H5 answers through storage).
  useDidShow(() => {
    const id = takeChosenAddress()
    if (id) void fillFromBook(id)
  })
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

  const options = listing ? fulfilmentOptions(listing) : []
  const option = options.find((o) => o.id === choice) ?? null
  const courier = option?.fulfilment === 'courier'
  const service = option?.fulfilment === 'service'
  // 按实际运费: quote the typed address's city, once typing pauses, as checkout will price it.
  const quoteCity = courier && option.quoted ? freightCityOfAddress(address) : null
  useEffect(() => {
    if (!quoteCity) return setFreight({ kind: 'no-address' })
    setFreight({ kind: 'loading', toCity: quoteCity })
    let live = true
    const timer = setTimeout(() => {
      api.order.freightQuote({ listingId, toCity: quoteCity }).then(
        (q) => {
          if (!live) return
          const best = q.quotes[0]
          setFreight(best ? { kind: 'quoted', toCity: quoteCity, company: best.company, priceFen: best.priceFen } : { kind: 'unavailable', toCity: quoteCity })
        },
        () => live && setFreight({ kind: 'unavailable', toCity: quoteCity }),
      )
    }, QUOTE_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [listingId, quoteCity, freightTry])

  if (!listing)
    return (
      <View className='confirm'>
        <Skeleton rows={6} title animated visible={false} />
      </View>
    )

  const shippingFen = shippingFenOf(option, freight)
  const totalFen = listing.priceFen + (shippingFen ?? 0)

  const changeAddress = (field: keyof ShippingAddress, value: string) => {
    setAddress((a) => ({ ...a, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined, address: undefined }))
  }

  const submit = async () => {
    if (submitting || blocked) return
    if (status !== 'signed-in') return goLogin()
    if (!option) return setErrors({ fulfilment: '请选择交易方式' })
    const bad = courier ? addressErrors(address) : {}
    if (Object.keys(bad).length) {
      setErrors(bad)
      return toast('请填写完整的收货地址')
    }
    // The buyer pays only a freight they have seen: wait for it, or ask the courier again.
    if (shippingFen === null) {
      if (freight.kind === 'unavailable') setFreightTry((n) => n + 1)
      return toast(freight.kind === 'unavailable' ? '暂时查不到运费，正在重新查询' : '正在计算运费，请稍候')
    }
    setSubmitting(true)
    // Inside the tap, as WeChat requires: may we tell you when it ships, arrives or is refunded?
    await askOrderMessages(['orderShipped', 'orderDelivered', 'refund'])
    try {
      const order = await api.order.checkout({
        listingId,
        fulfilment: option.fulfilment,
        ...(courier ? { address: address as ShippingAddress } : {}),
      })
      if (courier) writeStored(StorageKeys.orderAddress, address)
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
          <Text className='confirm__price'>{priceText(listing.priceFen, listing.serviceUnit)}</Text>
        </View>
      </View>

      <View className='order-section' id='confirm-fulfilment'>
        <Text className='order-section__heading'>交易方式</Text>
        {options.length > 0 ? (
          <Chips id='fulfilment' options={options} value={choice} onChange={(id) => (setChoice(id), setErrors((e) => ({ ...e, fulfilment: undefined })))} />
        ) : (
          <Text className='muted'>卖家没有设置交易方式，请先聊一聊</Text>
        )}
        {errors.fulfilment && <Text className='confirm__error field-error-fulfilment'>{errors.fulfilment}</Text>}
        {option?.fulfilment === 'meetup' && <Text className='muted confirm__tip'>付款后在聊天里约定时间地点；见面验货满意后，出示交易码给卖家。</Text>}
      </View>

      {courier && (
        <AddressForm value={address} errors={errors} onChange={changeAddress} onPick={() => void chooseAddress((id) => void fillFromBook(id))} />
      )}

      <View className='order-section' id='confirm-amounts'>
        <View className='confirm__row'>
          <Text>{service ? '服务价格' : '宝贝价格'}</Text>
          <Text>{priceText(listing.priceFen, listing.serviceUnit)}</Text>
        </View>
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

      <View className='confirm__bar safe-bottom'>
        <Text className='confirm__bar-total'>
          合计 <Text className='confirm__bar-amount'>{formatFen(totalFen)}</Text>
        </Text>
        <Button id='confirm-submit' type='primary' loading={submitting} disabled={!!blocked || !option} onClick={submit}>
          {blocked ? '无法购买' : '提交订单'}
        </Button>
      </View>
    </View>
  )
}
