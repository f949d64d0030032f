import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { ListingDetail } from '@shared/contracts/listing.contract'
import type { ListingAction } from '@shared/domain/listing-lifecycle'
import { api } from '@/services'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { ACTION_SPECS, orderedActions } from './actions'
import './listing-actions.scss'

export interface ListingActionsProps {
  listingId: string
  /** Exactly the actions to offer (the server's `owner.actions` on the detail page). */
  actions: readonly ListingAction[]
  /** Called with the listing as the server answered after an action. */
  onChanged: (listing: ListingDetail) => void
  /** Detail page: ids (#action-renew …); lists: classes only, as ids must be unique. */
  withIds?: boolean
  size?: 'small' | 'normal'
}

/** The seller's buttons for one listing: 擦亮, 编辑, 已卖出, 下架, 重新上架, 发布. */
export function ListingActions({
  listingId,
  actions,
  onChanged,
  withIds,
  size = 'normal',
}: ListingActionsProps) {
  const [busy, setBusy] = useState<ListingAction | null>(null)

  const run = async (action: ListingAction) => {
    if (busy) return
    if (action === 'edit') return Taro.navigateTo({ url: Routes.editListing(listingId) })
    const spec = ACTION_SPECS[action]
    if (spec.confirm) {
      const r = await Taro.showModal({
        title: spec.confirm.title,
        content: spec.confirm.content,
        confirmText: spec.confirm.confirmText,
        confirmColor: '#ff4d2e',
        cancelText: '再想想',
      })
      if (!r.confirm) return
    }
    setBusy(action)
    try {
      const listing = await api.listing.act(action, listingId)
      if (spec.done) toast(spec.done, 'success')
      onChanged(listing)
    } catch (e) {
      // LISTING.ALREADY_RENEWED and LISTING.WRONG_STATUS carry a message meant for the user.
      reportError(e, '操作失败，请稍后重试')
    } finally {
      setBusy(null)
    }
  }

  const list = orderedActions(actions)
  if (list.length === 0) return null
  return (
    <View className={`listing-actions listing-actions--${size}`}>
      {list.map((a) => (
        <Button
          key={a}
          id={withIds ? `action-${a}` : undefined}
          className={`listing-action action-${a}`}
          size={size === 'small' ? 'small' : 'normal'}
          type={ACTION_SPECS[a].primary ? 'primary' : 'default'}
          fill={ACTION_SPECS[a].primary ? 'solid' : 'outline'}
          loading={busy === a}
          onClick={(e) => {
            e.stopPropagation?.()
            void run(a)
          }}
        >
          {ACTION_SPECS[a].label}
        </Button>
      ))}
    </View>
  )
}
