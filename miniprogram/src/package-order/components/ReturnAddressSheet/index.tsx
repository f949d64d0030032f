import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import { toast } from '@/utils/feedback'
import { AddressRow } from '../AddressRow'
import '../ActionSheet/action-sheet.scss'

export interface ReturnAddressSheetProps {
  visible: boolean
  busy: boolean
  onClose: () => void
  onSubmit: (values: { returnAddressId: string }) => void
}

/** 同意退货: the seller says where the item comes back to (their default address to start with). */
export function ReturnAddressSheet({ visible, busy, onClose, onSubmit }: ReturnAddressSheetProps) {
  const [addressId, setAddressId] = useState<string | null>(null)
  return (
    <Popup visible={visible} position='bottom' round closeable onClose={onClose} zIndex={1500}>
      {visible && (
        <View className='action-sheet' id='return-address-sheet'>
          <Text className='action-sheet__title'>同意退货退款</Text>
          <Text className='action-sheet__hint'>
            买家将把宝贝寄回这个地址；你确认收到后，钱款退回买家
          </Text>
          <AddressRow id='return-address' label='退货地址' onChange={setAddressId} />
          <Button
            id='return-address-submit'
            type='primary'
            block
            loading={busy}
            onClick={() =>
              addressId ? onSubmit({ returnAddressId: addressId }) : toast('请先添加退货地址')
            }
          >
            同意退货
          </Button>
        </View>
      )}
    </Popup>
  )
}
