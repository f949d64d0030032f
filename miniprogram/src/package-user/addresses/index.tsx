import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Tag/style/css'
import type { AddressList, AddressSummary } from '@shared/contracts/address.contract'
import { api } from '@/services'
import { useSignedInLoad } from '@/hooks/use-signed-in-load'
import { PageSkeleton } from '@/components/PageSkeleton'
import { returnChosenAddress } from '@/utils/address-choice'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { EmptyState } from '@/components/EmptyState'
import '../address.scss'

/**
 * 收货地址: the user's addresses, masked (李* 138****8000), the default first. With `?choose=1`
 * a tap picks the address for the opener (see utils/address-choice.ts) instead of editing it.
 */
export default function Addresses() {
  const { params } = useRouter()
  const choosing = params.choose === '1'
  const selectedId = params.selected ? decodeURIComponent(params.selected) : null
  const [book, setBook] = useState<AddressList | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = () => api.address.list().then(setBook, (e) => reportError(e, '加载失败'))
  // Back from the edit page: show what was saved.
  useSignedInLoad(load, book !== null)

  const act = async (id: string, run: () => Promise<AddressList>, done: string) => {
    setBusy(id)
    try {
      setBook(await run())
      toast(done, 'success')
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(null)
    }
  }

  const remove = async (a: AddressSummary) => {
    const r = await Taro.showModal({
      title: '删除这个地址？',
      content: `${a.name} ${a.regionText}${a.isDefault ? '\n这是默认地址，删除后最近添加的地址会成为默认。' : ''}`,
      confirmText: '删除',
      confirmColor: '#fa2c19',
      cancelText: '取消',
    })
    if (r.confirm) await act(a.id, () => api.address.remove(a.id), '已删除')
  }

  const add = () => {
    if (book && book.items.length >= book.max)
      return toast(`最多保存 ${book.max} 个地址，请先删除不用的`)
    Taro.navigateTo({ url: Routes.addressEdit() })
  }

  if (!book) return <PageSkeleton className='address-page' />

  return (
    <View className='address-page safe-bottom' id='address-book'>
      {choosing && <Text className='address-hint'>选择收货地址</Text>}
      {book.items.length === 0 ? (
        <EmptyState
          className='address-empty'
          description='还没有收货地址，添加一个，下单邮寄时直接选用'
        />
      ) : (
        book.items.map((a) => (
          <View
            key={a.id}
            className={`address-card ${choosing && a.id === selectedId ? 'address-card--selected' : ''}`}
            id={`address-${a.id}`}
            data-default={a.isDefault ? '1' : '0'}
          >
            <View
              className='address-card__main'
              onClick={() =>
                choosing
                  ? returnChosenAddress(a.id)
                  : Taro.navigateTo({ url: Routes.addressEdit(a.id) })
              }
            >
              <View className='address-card__head'>
                {a.isDefault && (
                  <Tag className='address-card__default' type='danger'>
                    默认
                  </Tag>
                )}
                {a.tag && <Text className='address-card__tag'>{a.tag}</Text>}
                <Text className='address-card__region'>{a.regionText}</Text>
              </View>
              <Text className='address-card__detail'>{a.detail}</Text>
              <View className='address-card__who'>
                <Text className='address-card__name'>{a.name}</Text>
                <Text className='address-card__phone'>{a.phone}</Text>
              </View>
            </View>
            {choosing ? (
              <Text
                className='address-card__edit'
                onClick={() => Taro.navigateTo({ url: Routes.addressEdit(a.id) })}
              >
                编辑
              </Text>
            ) : (
              <View className='address-card__actions'>
                {a.isDefault ? (
                  <Text className='address-card__is-default'>默认地址</Text>
                ) : (
                  <Text
                    className='address-card__action address-set-default'
                    onClick={() =>
                      busy || act(a.id, () => api.address.setDefault(a.id), '已设为默认')
                    }
                  >
                    设为默认
                  </Text>
                )}
                <View className='address-card__buttons'>
                  <Text
                    className='address-card__action address-edit'
                    onClick={() => Taro.navigateTo({ url: Routes.addressEdit(a.id) })}
                  >
                    编辑
                  </Text>
                  <Text
                    className='address-card__action address-remove'
                    onClick={() => busy || remove(a)}
                  >
                    删除
                  </Text>
                </View>
              </View>
            )}
          </View>
        ))
      )}
      <Text className='muted address-count'>
        已保存 {book.items.length}/{book.max} 个 · 姓名、电话和详细地址加密保存，列表中打码显示
      </Text>
      <View className='address-bar safe-bottom'>
        <Button block type='primary' id='address-add' onClick={add}>
          新增收货地址
        </Button>
      </View>
    </View>
  )
}
