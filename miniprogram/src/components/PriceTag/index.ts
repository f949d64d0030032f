export { PriceTag } from './price-tag'
export type { PriceTagProps } from './price-tag'
