import { Text, View } from '@tarojs/components'
import './handover-code.scss'
import '../../order.scss'

/** The buyer's 6-digit code for a meetup: shown large so the seller can type it in. */
export function HandoverCode({ code }: { code: string }) {
  return (
    <View className='handover-code order-section' id='order-handover-code'>
      <Text className='handover-code__title'>交易码</Text>
      <Text className='handover-code__digits' id='handover-code'>
        {code.split('').join(' ')}
      </Text>
      <Text className='handover-code__hint muted'>见面验货满意后再出示给卖家，卖家输入后钱款打给卖家。不要提前告诉对方。</Text>
    </View>
  )
}
