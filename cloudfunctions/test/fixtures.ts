import { main as listing } from '../src/functions/listing'
import { invoke, type TestCloud, uploadAs } from './harness'

/** A point in 徐汇区, Shanghai. */
export const XUHUI = { latitude: 31.18853, longitude: 121.43651, city: '上海', district: '徐汇区' }

/** A valid goods listing with a photo uploaded by `owner` (its seller); `over` replaces fields. */
export const goodsInput = async (
  cloud: Pick<TestCloud, 'container'>,
  over: Record<string, unknown> = {},
  owner = 'o-seller',
) => ({
  title: '索尼 WH-1000XM4 降噪耳机',
  description: '去年双十一购入，使用不多，配件齐全，可当面验货。',
  priceFen: 89_900,
  originalPriceFen: 249_900,
  category: 'digital',
  subcategory: 'digital.earphones',
  condition: 'like_new',
  trade: { shipping: { payer: 'seller' }, meetup: true, pickup: false },
  photoFileIds: [await uploadAs(cloud.container, owner)],
  location: XUHUI,
  ...over,
})

/** Publishes through the function and returns the detail, failing loudly otherwise. */
export const publishListing = async (
  cloud: TestCloud,
  openid: string,
  over: Record<string, unknown> = {},
) => {
  const res = await invoke(listing, cloud, openid, 'create', await goodsInput(cloud, over, openid))
  if (!res.ok) throw new Error(`create failed: ${res.error.code} ${res.error.message}`)
  return res.data
}
