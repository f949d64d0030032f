import { isSensitiveSale } from '@shared/domain/realname'
import { XUHUI, aGoodsListingInput } from '../local/mothers/listing.mother'
import { aFinishedMerchant } from '../local/mothers/merchant.mother'
import { aUser } from '../local/mothers/user.mother'
import { Merchants } from '../src/modules/merchant/domain/merchant.records'
import { main as listing } from '../src/functions/listing'
import { invoke, type TestCloud, uploadAs } from './harness'

export { XUHUI }

/** A valid goods listing with a photo uploaded by `owner` (its seller); `over` replaces fields. */
export const goodsInput = async (
  cloud: Pick<TestCloud, 'container'>,
  over: Record<string, unknown> = {},
  owner = 'o-seller',
) => aGoodsListingInput({ photoFileIds: [await uploadAs(cloud.container, owner)], ...over })

/** Publishes through the function and returns the detail, failing loudly otherwise. */
export const publishListing = async (
  cloud: TestCloud,
  openid: string,
  over: Record<string, unknown> = {},
) => {
  const input = await goodsInput(cloud, over, openid)
  // Phones and cameras at ¥2,000 or more are published by real-name sellers only (a finished
  // 开通收款): such a seller is made one, as in the product (see realname.int.test.ts).
  if (isSensitiveSale(input)) await aRealNameSeller(cloud, openid)
  const res = await invoke(listing, cloud, openid, 'create', input)
  if (!res.ok) throw new Error(`create failed: ${res.error.code} ${res.error.message}`)
  return res.data
}

/** Signs `openid` up if needed and finishes its 开通收款, which counts as real-name. */
const aRealNameSeller = async (cloud: Pick<TestCloud, 'container'>, openid: string) => {
  const user = await aUser(cloud.container, openid)
  if (!(await cloud.container.store.get(Merchants, user._id)))
    await aFinishedMerchant(cloud.container, user._id)
  return user
}
