import { AppError, ErrorCodes } from '@shared/errors/error-codes'
import { enforceLimit } from '../../core'
import type { Deps } from '../../deps'
import { loadPublicUsers, type UserRecord } from '../../user'
import { POSTER_PER_USER, TOO_OFTEN } from '../domain/share.limits'
import { ShareCards, Shares, type ShareRecord } from '../domain/share.records'
import { normalizeKey, POSTER_PAGE } from '../domain/share.rules'
import { cardStatusOf, loadShareableListing } from './share-targets'

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const isPng = (bytes: Uint8Array) => PNG_MAGIC.every((b, i) => bytes[i] === b)

/**
 * The token's 小程序码 (scene = the token, page = the listing), made once through WeChat and kept
 * with the Files port; a kept file that went missing is made again. WeChat failing, or answering
 * something that is not a PNG, is SHARE.POSTER_UNAVAILABLE.
 */
const qrCodeOf = async (deps: Deps, share: ShareRecord, userId: string) => {
  if (share.posterFileId && (await deps.files.exists(share.posterFileId))) return share.posterFileId
  await enforceLimit(deps.limits, POSTER_PER_USER, userId, TOO_OFTEN)
  let png: Uint8Array
  try {
    png = await deps.wechatShare.getUnlimitedQrCode({ scene: share._id, page: POSTER_PAGE })
  } catch {
    throw new AppError(ErrorCodes.SHARE_POSTER_UNAVAILABLE)
  }
  if (!isPng(png)) throw new AppError(ErrorCodes.SHARE_POSTER_UNAVAILABLE)
  const fileId = await deps.files.put(`share-qr/${share._id}.png`, png, 'image/png')
  await deps.store.update(Shares, share._id, { posterFileId: fileId })
  return fileId
}

/**
 * A poster for the caller's own share of a listing (朋友圈, saving to the album): the cover, title,
 * price, the seller's nickname and the 小程序码 whose scan counts as an open of this share. Anyone
 * else's token, or an unknown one, is NOT_FOUND.
 */
export const makePoster = async (deps: Deps, me: Pick<UserRecord, '_id'>, rawToken: string) => {
  const share = await deps.store.get(Shares, normalizeKey(rawToken))
  if (!share || share.sharerId !== me._id) throw new AppError(ErrorCodes.NOT_FOUND, '分享不存在')
  if (share.kind !== 'listing')
    throw new AppError(ErrorCodes.SHARE_TARGET_UNAVAILABLE, '只有宝贝可以生成海报')
  const listing = await loadShareableListing(deps, share.targetId)
  const qrFileId = await qrCodeOf(deps, share, me._id)
  const cover = listing.photoFileIds[0] ?? null
  const urls = await deps.files.urls(cover ? [qrFileId, cover] : [qrFileId])
  const seller = (await loadPublicUsers(deps, [listing.sellerId])).get(listing.sellerId)
  return {
    token: share._id,
    scene: share._id,
    page: POSTER_PAGE,
    qrCodeUrl: urls[qrFileId] ?? '',
    coverUrl: cover ? (urls[cover] ?? null) : null,
    title: listing.title,
    priceFen: listing.priceFen,
    sellerNickname: seller?.nickname ?? '邻圈用户',
    status: cardStatusOf(listing, await deps.store.get(ShareCards, listing._id)),
  }
}
