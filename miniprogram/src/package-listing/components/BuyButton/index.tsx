import { useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import { LISTING_STATUS_LABELS } from '@shared/domain/listing'
import { api } from '@/services'
import { goLogin } from '@/utils/feedback'
import { navigateOnce } from '@/utils/navigate'
import { Routes } from '@/utils/routes'

type Reservation = Awaited<ReturnType<typeof api.order.forListing>>

/**
 * 立即购买 for someone else's listing: 查看订单 when the viewer already has a live order for it,
 * 已被拍下 while another buyer's order holds it.
 */
export function BuyButton({ listing, signedIn }: { listing: ListingDetail; signedIn: boolean }) {
  const [r, setR] = useState<Reservation | null>(null)
  const load = () => {
    api.order.forListing(listing.id).then(setR, () => setR(null))
  }
  const shown = useRef(false)
  useEffect(load, [listing.id, signedIn])
  // Back from paying or cancelling: the reservation may have changed.
  useDidShow(() => {
    if (shown.current) load()
    shown.current = true
  })

  if (r?.myOrderId)
    return (
      <Button
        id='detail-view-order'
        type='primary'
        onClick={() => navigateOnce(Routes.order(r.myOrderId!))}
      >
        查看订单
      </Button>
    )
  if (listing.status !== 'active')
    return (
      <Button id='detail-buy' type='primary' disabled>
        {LISTING_STATUS_LABELS[listing.status]}
      </Button>
    )
  if (r?.reserved)
    return (
      <Button id='detail-buy' className='is-reserved' type='primary' disabled>
        已被拍下
      </Button>
    )
  return (
    <Button
      id='detail-buy'
      type='primary'
      // One 确认订单 however fast the taps; signed out, sign-in opens it once it is done.
      onClick={() =>
        signedIn ? navigateOnce(Routes.checkout(listing.id)) : goLogin(Routes.checkout(listing.id))
      }
    >
      立即购买
    </Button>
  )
}
