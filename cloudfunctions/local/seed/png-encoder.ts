import { deflateSync } from 'node:zlib'

/**
 * A minimal PNG writer for 8-bit RGB images whose scanlines the caller has already filtered (a
 * filter byte, then the row): the photo generator filters each row as it paints it, so encoding
 * is one native deflate. pngjs filters in JavaScript and deflates with Z_RLE, which under jest
 * took longer than painting the picture and gave files twice the size.
 */

/** zlib level: 4 is within a quarter of level 9's size at a small fraction of its time here. */
const DEFLATE_LEVEL = 4

const CRC_TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  return t
})()

const crc32 = (bytes: Uint8Array): number => {
  let c = -1
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}

const chunk = (type: string, body: Buffer): Buffer => {
  const out = Buffer.alloc(12 + body.length)
  out.writeUInt32BE(body.length, 0)
  out.write(type, 4, 'latin1')
  body.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length)
  return out
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** PNG filter types a row may start with. */
export const PNG_FILTER = { none: 0, up: 2 } as const

/** A PNG from `height` rows of 1 + width × 3 bytes each (filter byte, filtered RGB). */
export const encodeRgbPng = (width: number, height: number, filteredRows: Buffer): Buffer => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per sample
  header[9] = 2 // RGB
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filteredRows, { level: DEFLATE_LEVEL })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
