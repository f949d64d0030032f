import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AddressSummary } from '@shared/contracts/address.contract'
import { api } from '@/services'
import { chooseAddress, takeChosenAddress } from '@/utils/address-choice'
import { reportError } from '@/utils/feedback'
import './address-row.scss'

export interface AddressRowProps {
  /** 寄件地址 / 退货地址. */
  label: string
  id: string
  onChange: (addressId: string | null) => void
}

/**
 * One address from the user's book: the default to start with, 更换 opens the book in choose
 * mode (an empty book offers to add one there). The id is what the server needs; it reads the
 * address itself.
 */
export function AddressRow({ label, id, onChange }: AddressRowProps) {
  const [address, setAddress] = useState<AddressSummary | null>(null)
  const [loaded, setLoaded] = useState(false)

  const show = async (addressId: string) => {
    try {
      setAddress(await api.address.get(addressId))
      onChange(addressId)
    } catch (e) {
      reportError(e, '地址读取失败')
    }
  }
  useEffect(() => {
    api.address.list().then(
      (book) => {
        const first = book.items.find((a) => a.isDefault) ?? book.items[0] ?? null
        setAddress(first)
        onChange(first?.id ?? null)
        setLoaded(true)
      },
      (e) => {
        setLoaded(true)
        reportError(e, '地址簿读取失败')
      },
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the book is read once when the row appears; onChange is the opener's setter
  }, [])
  // H5 answers the book's choice through storage when the page shows again.
  useDidShow(() => {
    const chosen = takeChosenAddress()
    if (chosen) void show(chosen)
  })

  const pick = () => void chooseAddress((chosen) => void show(chosen), address?.id)
  return (
    <View className='address-row' id={id} onClick={pick}>
      <Text className='address-row__label'>{label}</Text>
      {address ? (
        <View className='address-row__body'>
          <Text className='address-row__who'>
            {address.name} {address.phone}
          </Text>
          <Text className='address-row__where'>
            {address.regionText} {address.detail}
          </Text>
        </View>
      ) : (
        <Text className='address-row__empty'>
          {loaded ? '地址簿还是空的，点这里添加地址' : '读取地址簿…'}
        </Text>
      )}
      <Text className='address-row__more'>{address ? '更换' : '添加'}</Text>
    </View>
  )
}
