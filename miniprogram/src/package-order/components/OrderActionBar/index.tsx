import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import type { Order } from '@shared/contracts/order.contract'
import { isServiceError, payOrder } from '@/services'
import { reportError, toast } from '@/utils/feedback'
import { ACTION_SPECS, orderedActions, type OrderAction } from '../../actions'
import { runAction } from '../../run-action'
import { ActionSheet } from '../ActionSheet'
import { PickupSheet } from '../PickupSheet'
import { ReturnAddressSheet } from '../ReturnAddressSheet'
import './order-action-bar.scss'

export interface OrderActionBarProps {
  order: Order
  /** The order as the server answered after an action. */
  onChanged: (order: Order) => void
}

/** Exactly the buttons of `order.actions`, each with its confirmation or form. */
export function OrderActionBar({ order, onChanged }: OrderActionBarProps) {
  const [busy, setBusy] = useState<OrderAction | null>(null)
  const [sheet, setSheet] = useState<Exclude<OrderAction, 'pay'> | null>(null)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const actions = orderedActions(order.actions)

  const pay = async () => {
    setBusy('pay')
    try {
      const r = await payOrder(order.id)
      if (r.kind === 'closed') {
        onChanged(r.order)
        toast(
          r.order.state === 'pending_payment'
            ? r.cancelled
              ? '已取消支付'
              : '支付结果确认中'
            : '支付成功',
          r.order.state === 'pending_payment' ? 'none' : 'success',
        )
      }
    } catch (e) {
      reportError(e, '支付没有完成，请稍后重试')
    } finally {
      setBusy(null)
    }
  }

  const send = async (action: Exclude<OrderAction, 'pay'>, values?: Record<string, unknown>) => {
    setBusy(action)
    setServerErrors({})
    try {
      const next = await runAction(action, order.id, values)
      setSheet(null)
      // A booking the courier turned down comes back at once; the card on the page says why.
      const refused =
        action === 'bookPickup' && (next.pickup ?? next.refund?.returnPickup)?.state === 'failed'
      toast(
        refused ? '预约没有成功，请看订单上的原因' : ACTION_SPECS[action].done,
        refused ? 'none' : 'success',
      )
      onChanged(next)
    } catch (e) {
      if (isServiceError(e) && e.code === 'COMMON.VALIDATION' && sheet) {
        const fields: Record<string, string> = {}
        for (const [path, message] of Object.entries(e.fieldErrors))
          fields[path.split('.')[0]!] = message
        // amounts travel as refundFen / amountFen but the fields are in yuan
        if (fields.refundFen) fields.refund = fields.refundFen
        if (fields.amountFen) fields.amount = fields.amountFen
        setServerErrors(fields)
      } else if (isServiceError(e) && e.code === 'ORDER.BAD_HANDOVER_CODE') {
        setServerErrors({ code: e.message })
      } else {
        reportError(e, '操作失败，请稍后重试')
      }
    } finally {
      setBusy(null)
    }
  }

  const press = async (action: OrderAction) => {
    if (busy) return
    if (action === 'pay') return pay()
    const spec = ACTION_SPECS[action]
    if (spec.form || spec.sheet) {
      setServerErrors({})
      return setSheet(action)
    }
    if (spec.confirm) {
      const c = spec.confirm(order)
      const r = await Taro.showModal({
        title: c.title,
        content: c.content,
        confirmText: c.confirmText,
        confirmColor: '#ff4d2e',
        cancelText: '再想想',
      })
      if (!r.confirm) return
    }
    await send(action)
  }

  if (actions.length === 0) return null
  return (
    <View className='bottom-bar order-action-bar safe-bottom' id='order-actions'>
      {actions.map((a) => (
        <Button
          key={a}
          id={`order-action-${a}`}
          className={`order-action action-${a}`}
          size='normal'
          type={ACTION_SPECS[a].primary ? 'primary' : 'default'}
          fill={ACTION_SPECS[a].primary ? 'solid' : 'outline'}
          loading={busy === a}
          onClick={() => void press(a)}
        >
          {ACTION_SPECS[a].label}
        </Button>
      ))}
      <PickupSheet
        order={order}
        visible={sheet === 'bookPickup'}
        busy={busy !== null}
        onClose={() => setSheet(null)}
        onSubmit={(v) => void send('bookPickup', v)}
      />
      <ReturnAddressSheet
        visible={sheet === 'agreeReturn'}
        busy={busy !== null}
        onClose={() => setSheet(null)}
        onSubmit={(v) => void send('agreeReturn', v)}
      />
      <ActionSheet
        action={sheet}
        orderId={order.id}
        form={sheet ? (ACTION_SPECS[sheet].form ?? null) : null}
        hint={sheet ? ACTION_SPECS[sheet].form?.hint?.(order) : undefined}
        busy={busy !== null}
        serverErrors={serverErrors}
        onSubmit={(v) => sheet && void send(sheet, v)}
        onClose={() => setSheet(null)}
      />
    </View>
  )
}
