import { Text, View } from '@tarojs/components'
import { formatFen } from '@shared/domain/money'
import './price-tag.scss'

export interface PriceTagProps {
  fen: number
  /** Original price in fen, struck through; hidden when null. */
  original?: number | null
  size?: 'small' | 'large'
  /** A service's unit label (小时, 次 …), drawn as "/小时" after the amount. */
  unit?: string
}

/**
 * The browser's price tag. The weapp build uses the native component in src/native/price-tag
 * instead (price-tag.weapp.tsx); both draw the same classes.
 */
export function PriceTag({ fen, original, size = 'small', unit }: PriceTagProps) {
  const now = formatFen(fen)
  return (
    <View className={`price-tag price-tag--${size}`}>
      <Text className='price-tag__now'>
        <Text className='price-tag__sign'>¥</Text>
        {now.replace('¥', '')}
        {unit ? <Text className='price-tag__unit'>/{unit}</Text> : null}
      </Text>
      {original != null && original > 0 && (
        <Text className='price-tag__original'>{formatFen(original)}</Text>
      )}
    </View>
  )
}
