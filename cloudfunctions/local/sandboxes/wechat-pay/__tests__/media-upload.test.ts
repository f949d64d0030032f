import { createHash } from 'node:crypto'
import type { WechatPayGateway } from '../../../../src/adapters/payments/wechat-pay.gateway'
import { buildAuthorization } from '../crypto'
import { SANDBOX_SP_MCHID } from '../keys'
import { type Harness, startHarness } from './harness'

/** 图片上传 through the production adapter: multipart, signed over the meta JSON, then used by an applyment. */
let h: Harness
let gw: WechatPayGateway

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d5b1e60000000049454e44ae426082',
  'hex',
)

beforeAll(async () => {
  h = await startHarness()
  gw = h.gateway()
})
afterAll(() => h.close())

const applyment = (front: string, back: string, outRequestNo: string) =>
  gw.submitApplyment({
    outRequestNo,
    idCardCopyMediaId: front,
    idCardNationalMediaId: back,
    idCardName: '张三',
    idCardNumber: '11010119900307001X',
    idCardValidTimeBegin: '2020-01-01',
    idCardValidTime: '长期',
    mobilePhone: '13800001234',
    bankAccount: {
      accountBank: '工商银行',
      bankAddressCode: '110000',
      accountName: '张三',
      accountNumber: '6222020000001234',
    },
    merchantShortname: '张三的小店',
    storeName: '张三的小店',
  })

test('uploads an image and an applyment may then use its media_id; unknown media ids are refused', async () => {
  const { mediaId } = await gw.uploadImage(PNG, 'id-front.png')
  expect(mediaId).toMatch(/^sandbox-media-/)
  const back = await gw.uploadImage(Buffer.concat([PNG, Buffer.from([0])]), 'id-back.jpg')
  expect(h.sandbox.media.has(back.mediaId)).toBe(true)
  await expect(applyment(mediaId, back.mediaId, 'MEDIA0001')).resolves.toMatchObject({
    outRequestNo: 'MEDIA0001',
  })
  await expect(applyment(mediaId, 'never-uploaded', 'MEDIA0002')).rejects.toMatchObject({
    wechatCode: 'PARAM_ERROR',
    status: 400,
  })
})

test('the sandbox checks the signature over the meta and the sha256 against the file', async () => {
  const send = async (meta: string, signedOver: string, file: Buffer) => {
    const form = new FormData()
    form.append('meta', meta)
    form.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'a.png')
    const authorization = buildAuthorization({
      mchid: SANDBOX_SP_MCHID,
      serialNo: h.keys.merchant.serial,
      privateKey: h.keys.merchant.privateKey,
      method: 'POST',
      url: '/v3/merchant/media/upload',
      body: signedOver,
      timestamp: String(Math.floor(h.sandbox.clock.now() / 1000)),
    })
    const res = await fetch(`${h.sandboxUrl}/v3/merchant/media/upload`, {
      method: 'POST',
      body: form,
      headers: { Authorization: authorization },
    })
    return { status: res.status, body: (await res.json()) as Record<string, string> }
  }
  const meta = JSON.stringify({
    filename: 'a.png',
    sha256: createHash('sha256').update(PNG).digest('hex'),
  })
  expect((await send(meta, meta, PNG)).status).toBe(200)
  expect((await send(meta, meta.replace('a.png', 'b.png'), PNG)).body.code).toBe('SIGN_ERROR')
  expect((await send(meta, meta, Buffer.concat([PNG, PNG]))).body.code).toBe('PARAM_ERROR')
  const gif = JSON.stringify({
    filename: 'a.gif',
    sha256: createHash('sha256').update(PNG).digest('hex'),
  })
  expect((await send(gif, gif, PNG)).body.code).toBe('PARAM_ERROR')
})
