import { XUHUI, aGoodsListingInput } from '../local/mothers/listing.mother'
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
  const res = await invoke(listing, cloud, openid, 'create', await goodsInput(cloud, over, openid))
  if (!res.ok) throw new Error(`create failed: ${res.error.code} ${res.error.message}`)
  return res.data
}
