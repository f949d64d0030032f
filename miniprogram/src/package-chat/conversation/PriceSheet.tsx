import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import { formatFen } from '@shared/domain/money'
import { offerSuggestions, readOfferPrice } from '../offer-text'

/** What the sheet is for: the buyer's first price, or either side's counter. */
export interface PriceAsk {
  title: string
  listedFen: number
  /** The price on the table, shown for a counter. */
  currentFen: number | null
  /** What happens once the other side accepts. */
  tip: string
}

/** The bottom sheet where a price is typed (出价 / 还价), checked as the server will check it. */
export function PriceSheet({
  ask,
  busy,
  onSubmit,
  onClose,
}: {
  ask: PriceAsk | null
  busy: boolean
  onSubmit: (priceFen: number) => void
  onClose: () => void
}) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setTyped('')
    setError(null)
  }, [ask])
  const submit = () => {
    if (!ask) return
    const read = readOfferPrice(typed, ask.listedFen)
    if ('error' in read) return setError(read.error)
    onSubmit(read.priceFen)
  }
  return (
    <Popup visible={!!ask} position='bottom' round closeable onClose={onClose} zIndex={1500}>
      {ask && (
        <View className='price-sheet' id='price-sheet'>
          <Text className='price-sheet__title'>{ask.title}</Text>
          <Text className='muted price-sheet__sub'>
            标价 {formatFen(ask.listedFen)}
            {ask.currentFen !== null ? ` · 当前 ${formatFen(ask.currentFen)}` : ''}
          </Text>
          <View className='price-sheet__field'>
            <Text className='price-sheet__yen'>¥</Text>
            <Input
              id='price-input'
              className='price-sheet__input'
              type='digit'
              value={typed}
              placeholder='输入你的价格'
              onChange={(v) => (setTyped(v), setError(null))}
            />
          </View>
          {error && <Text className='price-sheet__error'>{error}</Text>}
          <View className='price-sheet__picks'>
            {offerSuggestions(ask.listedFen).map((fen) => (
              <Text
                key={fen}
                className='price-sheet__pick'
                onClick={() => (setTyped(String(fen / 100)), setError(null))}
              >
                {formatFen(fen)}
              </Text>
            ))}
          </View>
          <Text className='muted price-sheet__tip'>{ask.tip}</Text>
          <Button id='price-submit' type='primary' block loading={busy} onClick={submit}>
            确定
          </Button>
        </View>
      )}
    </Popup>
  )
}
