import type { PriceTagProps } from './price-tag'

/**
 * In WeChat the price is drawn by the native component (src/native/price-tag, declared in the
 * pages' usingComponents): it is the piece we test with miniprogram-simulate.
 */
export function PriceTag({ fen, original, size = 'small', unit }: PriceTagProps) {
  return <price-tag fen={fen} original={original ?? 0} size={size} unit={unit ?? ''} />
}
