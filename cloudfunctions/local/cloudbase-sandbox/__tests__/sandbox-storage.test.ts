import { sdkFor, startSandbox, type SandboxHandle } from './sdk-harness'

describe('CloudBase sandbox: storage through the real @cloudbase/node-sdk', () => {
  let sandbox: SandboxHandle
  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox.close())

  it('uploads through the signed COS URL, answers temporary URLs and downloads, then deletes', async () => {
    const { app, env } = sdkFor(sandbox.url)
    const { fileID } = await app.uploadFile({
      cloudPath: 'a/b.png',
      fileContent: Buffer.from('png!'),
    })
    expect(fileID).toMatch(new RegExp(`^cloud://${env}\\.[^/]+/a/b\\.png$`))
    const { fileList } = await app.getTempFileURL({ fileList: [fileID, `${fileID}.none`] })
    expect(fileList.map((f: { code: string }) => f.code)).toEqual([
      'SUCCESS',
      'STORAGE_FILE_NONEXIST',
    ])
    expect(String((await app.downloadFile({ fileID })).fileContent)).toBe('png!')
    const deleted = await app.deleteFile({ fileList: [fileID, fileID] })
    expect(deleted.fileList.map((f: { code: string }) => f.code)).toEqual([
      'SUCCESS',
      'STORAGE_FILE_NONEXIST',
    ])
    await expect(app.downloadFile({ fileID })).rejects.toMatchObject({
      code: 'STORAGE_FILE_NONEXIST',
    })
  })

  it('takes at most 50 files per temporary-URL or delete call, as CloudBase documents', async () => {
    const { app, env } = sdkFor(sandbox.url)
    const ids = Array.from(
      { length: 51 },
      (_, i) => `cloud://${env}.sandbox-bucket-1250000000/n/${i}`,
    )
    await expect(app.getTempFileURL({ fileList: ids })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    })
    await expect(app.deleteFile({ fileList: ids })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    })
    const fifty = await app.deleteFile({ fileList: ids.slice(0, 50) })
    expect(fifty.fileList).toHaveLength(50)
  })

  it('refuses an upload whose authorization was not issued for that key', async () => {
    const { app } = sdkFor(sandbox.url)
    const meta = await app.getUploadMetadata({ cloudPath: 'x/issued.txt' })
    const other = meta.data.url.replace('issued.txt', 'other.txt')
    const put = (url: string, authorization: string) =>
      fetch(url, {
        method: 'PUT',
        headers: { authorization, 'x-cos-meta-fileid': meta.data.cosFileId },
        body: 'x',
      })
    const forged = await put(other, meta.data.authorization)
    expect(forged.status).toBe(403)
    expect(await forged.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/)
    expect((await put(meta.data.url, `${meta.data.authorization}0`)).status).toBe(403)
    expect((await put(meta.data.url, meta.data.authorization)).status).toBe(200)
    // An authorization is good for one upload.
    expect((await put(meta.data.url, meta.data.authorization)).status).toBe(403)
  })
})
