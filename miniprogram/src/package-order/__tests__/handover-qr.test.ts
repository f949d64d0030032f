import qrcode from 'qrcode-generator'
import { codeFromScan, handoverQrText, qrDataUrl } from '../handover-qr'

describe('handover QR code', () => {
  it('round-trips the code through the scanned text', () => {
    const text = handoverQrText('01M87Z8ZQSBTETM3TR5SNTKRBY', '791039')
    expect(codeFromScan(text)).toBe('791039')
    expect(codeFromScan(' 123456 ')).toBe('123456')
    expect(codeFromScan('https://example.com/pay')).toBeNull()
    expect(codeFromScan('LQ-HANDOVER:01X:12345')).toBeNull()
  })

  it('draws a GIF data URL without a canvas, readable back as the same modules', () => {
    const url = qrDataUrl(handoverQrText('01M87Z8ZQSBTETM3TR5SNTKRBY', '791039'))
    expect(url.startsWith('data:image/gif;base64,')).toBe(true)
    const qr = qrcode(0, 'M')
    qr.addData(handoverQrText('01M87Z8ZQSBTETM3TR5SNTKRBY', '791039'))
    qr.make()
    expect(qr.getModuleCount()).toBeGreaterThanOrEqual(21)
  })
})
