import { PNG } from 'pngjs'
import { toBuffer } from 'qrcode'
import type { PosterData } from '../poster-layout'
import type { PixelImage } from './fake-context'

export const TOKEN = 'k7Qx9Lm2Pa'

/** What the WeChat API sandbox's 小程序码 says (page + scene), drawn the same way: qrcode, PNG. */
export const QR_TEXT = `https://wxacode.sandbox.invalid/wx0sandbox0linquan?page=package-listing/detail/index&scene=${TOKEN}&env_version=develop`

export const posterData = (over: Partial<PosterData> = {}): PosterData => ({
  token: TOKEN,
  scene: TOKEN,
  page: 'package-listing/detail/index',
  qrCodeUrl: 'http://127.0.0.1/files/share-qr/k7Qx9Lm2Pa.png',
  coverUrl: 'http://127.0.0.1/files/listing-photos/cover.jpg',
  title: '索尼WH-1000XM4降噪耳机',
  priceFen: 128_000,
  sellerNickname: '楼下的小王',
  status: 'on_sale',
  ...over,
})

export const decodePng = (bytes: Buffer): PixelImage => {
  const png = PNG.sync.read(bytes)
  return { width: png.width, height: png.height, data: png.data }
}

/** A real 430 px QR code PNG, as getwxacodeunlimit answers by default. */
export const qrImage = async (text = QR_TEXT, width = 430) =>
  decodePng(await toBuffer(text, { type: 'png', width, margin: 4 }))

/** A plain image of a size (no pixels: the layout only reads its size). */
export const sizedImage = (width: number, height: number): PixelImage => ({ width, height })
