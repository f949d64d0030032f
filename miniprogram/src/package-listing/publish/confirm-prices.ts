import Taro from '@tarojs/taro'
import type { CreateListingInput, ListingDetail } from '@shared/contracts/listing.contract'
import { priceDoubtText, priceDoubts } from '@shared/domain/price-check'

/**
 * Before a listing goes out: prices that look mistyped (far above 原价, or a 原价 far under what
 * such an item costs new) are put to the seller in a modal; true to go on as typed. An edit that
 * leaves both prices as they were is not asked about again.
 */
export const confirmPrices = async (
  input: Pick<CreateListingInput, 'priceFen' | 'originalPriceFen' | 'category' | 'subcategory'>,
  editing: Pick<ListingDetail, 'priceFen' | 'originalPriceFen'> | null,
): Promise<boolean> => {
  if (
    editing &&
    editing.priceFen === input.priceFen &&
    editing.originalPriceFen === input.originalPriceFen
  )
    return true
  const doubts = priceDoubts(input)
  if (doubts.length === 0) return true
  const { confirm } = await Taro.showModal({
    title: '价格确认',
    content: `${doubts.map(priceDoubtText).join('；')}。确定没有填错吗？`,
    confirmText: editing ? '确认保存' : '确认发布',
    cancelText: '返回修改',
  })
  return confirm
}
