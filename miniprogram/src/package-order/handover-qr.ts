import qrcode from 'qrcode-generator'

const PREFIX = 'LQ-HANDOVER'

/** What the buyer's QR code says: the order and its 6-digit code, so a scan fills the seller's input. */
export const handoverQrText = (orderId: string, code: string) => `${PREFIX}:${orderId}:${code}`

/** The code out of a scanned text (ours, or a bare 6-digit code); null for anything else. */
export const codeFromScan = (text: string): string | null => {
  const t = text.trim()
  const m = new RegExp(`^${PREFIX}:[0-9A-Za-z]+:(\\d{6})$`).exec(t) ?? /^(\d{6})$/.exec(t)
  return m ? m[1]! : null
}

/**
 * A GIF data URL of the QR code. qrcode-generator draws it in plain JS (no canvas), so the same
 * <Image> shows it in the mini-program and in the browser.
 */
export const qrDataUrl = (text: string, cellSize = 6): string => {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, 2)
}
