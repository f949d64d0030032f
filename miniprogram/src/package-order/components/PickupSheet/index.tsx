import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import type { Order } from '@shared/contracts/order.contract'
import { COURIER_COMPANIES } from '@shared/domain/couriers'
import { formatFen } from '@shared/domain/money'
import { PICKUP_DAYS, bookableSlots, slotDate, type PickupDay } from '@shared/domain/pickup'
import { api } from '@/services'
import { reportError, toast } from '@/utils/feedback'
import { AddressRow } from '../AddressRow'
import { Chips } from '../Chips'
import '../ActionSheet/action-sheet.scss'

export interface PickupSheetProps {
  order: Order
  visible: boolean
  busy: boolean
  onClose: () => void
  /** What bookPickup takes besides the order id. */
  onSubmit: (values: {
    addressId: string
    company: string
    slot: { day: PickupDay; start: string; end: string }
  }) => void
}

type Quote = { company: string; companyCode: string; priceFen: number }

/**
 * 预约上门取件: where the courier comes (an address from the book), which company (with its price
 * for this route), and a two-hour window from the slots still bookable. The freight is paid to
 * the courier at the door; the order ships by itself once the parcel is collected.
 */
export function PickupSheet({ order, visible, busy, onClose, onSubmit }: PickupSheetProps) {
  const isReturn = order.role === 'buyer'
  const [addressId, setAddressId] = useState<string | null>(null)
  const [quotes, setQuotes] = useState<Quote[] | null>(null)
  const [company, setCompany] = useState<string | null>(null)
  const [day, setDay] = useState<PickupDay | null>(null)
  const [window, setWindow] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (visible) setNow(Date.now())
  }, [visible])

  // The company's price from this address to the recipient; without a quote the companies still show.
  useEffect(() => {
    if (!visible || !addressId) return
    setQuotes(null)
    api.order.pickupQuote({ orderId: order.id, addressId }).then(
      (q) => {
        setQuotes(q.quotes)
        setCompany((c) => c ?? q.quotes[0]?.companyCode ?? null)
      },
      (e) => {
        setQuotes([])
        reportError(e, '运费查询失败')
      },
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps -- quotes follow the sheet opening and the chosen address; the order is fixed
  }, [visible, addressId])

  const slots = useMemo(() => bookableSlots(now), [now])
  const days = PICKUP_DAYS.filter((d) => slots.some((s) => s.day === d))
  const chosenDay = day && days.includes(day) ? day : (days[0] ?? null)
  const windows = slots.filter((s) => s.day === chosenDay)
  const chosenWindow = windows.find((w) => `${w.start}-${w.end}` === window) ?? null

  const companyOptions = (
    quotes?.length
      ? quotes
      : COURIER_COMPANIES.map((c) => ({ company: c.name, companyCode: c.code, priceFen: 0 }))
  ).map((q) => ({
    id: q.companyCode,
    label: q.company,
    sub: q.priceFen ? `约 ${formatFen(q.priceFen)}` : undefined,
  }))
  const recipient = isReturn ? order.refund?.returnAddress : order.address

  const submit = () => {
    if (!addressId) return toast(isReturn ? '请先选择取件地址' : '请先选择寄件地址')
    if (!company) return toast('请选择快递公司')
    if (!chosenDay || !chosenWindow) return toast('请选择上门时间')
    onSubmit({
      addressId,
      company,
      slot: { day: chosenDay, start: chosenWindow.start, end: chosenWindow.end },
    })
  }

  return (
    <Popup visible={visible} position='bottom' round closeable onClose={onClose} zIndex={1500}>
      {visible && (
        <View className='action-sheet' id='pickup-sheet'>
          <Text className='action-sheet__title'>
            {isReturn ? '预约上门取件 · 寄回退货' : '预约快递上门取件'}
          </Text>
          <Text className='action-sheet__hint'>
            {recipient ? `寄往 ${recipient.region}（${recipient.name}）· ` : ''}
            运费由快递员上门时收取
          </Text>
          <AddressRow
            id='pickup-address'
            label={isReturn ? '取件地址' : '寄件地址'}
            onChange={setAddressId}
          />
          <View className='action-sheet__field'>
            <Text className='action-sheet__label'>
              快递公司{quotes === null && addressId ? '（查询运费中…）' : ''}
            </Text>
            <Chips
              id='pickup-company'
              options={companyOptions}
              value={company}
              onChange={setCompany}
            />
          </View>
          <View className='action-sheet__field'>
            <Text className='action-sheet__label'>上门日期</Text>
            <Chips
              id='pickup-day'
              options={days.map((d) => {
                const first = slots.find((s) => s.day === d)!
                return { id: d, label: d, sub: slotDate(first, now).slice(5) }
              })}
              value={chosenDay}
              onChange={(d) => {
                setDay(d as PickupDay)
                setWindow(null)
              }}
            />
          </View>
          <View className='action-sheet__field'>
            <Text className='action-sheet__label'>上门时段</Text>
            <Chips
              id='pickup-window'
              options={windows.map((w) => ({
                id: `${w.start}-${w.end}`,
                label: `${w.start}–${w.end}`,
              }))}
              value={chosenWindow ? `${chosenWindow.start}-${chosenWindow.end}` : null}
              onChange={setWindow}
            />
          </View>
          <Button id='pickup-submit' type='primary' block loading={busy} onClick={submit}>
            确认预约
          </Button>
        </View>
      )}
    </Popup>
  )
}
