import { useMemo } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { handoverQrText, qrDataUrl } from '../../handover-qr'
import './handover-code.scss'
import '../../order.scss'

/** The buyer's 6-digit code for a meetup: large so the seller can type it in, and as a QR code to scan. */
export function HandoverCode({ orderId, code }: { orderId: string; code: string }) {
  const qr = useMemo(() => qrDataUrl(handoverQrText(orderId, code)), [orderId, code])
  return (
    <View className='handover-code order-section' id='order-handover-code'>
      <Text className='handover-code__title'>交易码</Text>
      <Text className='handover-code__digits' id='handover-code'>
        {code.split('').join(' ')}
      </Text>
      <Image className='handover-code__qr' id='handover-qr' src={qr} mode='aspectFit' />
      <Text className='handover-code__hint muted'>
        见面验货满意后再出示给卖家，卖家输入或扫码后钱款打给卖家。不要提前告诉对方。
      </Text>
    </View>
  )
}
