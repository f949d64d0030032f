import type { Files } from '../../modules/core/ports/files.port'

/** The storage calls of an initialised @cloudbase/node-sdk app, typed (the SDK's are loose). */
export interface CbStorageApp {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(o: {
    fileList: { fileID: string; maxAge: number }[]
  }): Promise<{ fileList: { fileID: string; tempFileURL: string; code: string }[] }>
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>
}

const PREFIX = 'cloud://'
/** Temporary URLs live this long: long enough for a page and its images, short for a leak. */
const URL_SECONDS = 2 * 60 * 60
const NOT_FOUND = 'STORAGE_FILE_NONEXIST'

/**
 * Files in CloudBase cloud storage. The SDK uploads through a signed COS URL; reads go through
 * a temporary URL. The content type is not sent (the SDK's upload has no such field): COS derives
 * it from the path's extension, so callers name paths with the right one.
 */
export class CloudbaseFiles implements Files {
  constructor(private readonly app: CbStorageApp) {}

  async put(path: string, bytes: Uint8Array, _contentType: string): Promise<string> {
    if (!path || path.startsWith('/') || path.split('/').includes('..'))
      throw new Error(`unsafe file path: ${path}`)
    const { fileID } = await this.app.uploadFile({
      cloudPath: path,
      fileContent: Buffer.from(bytes),
    })
    return fileID
  }

  async exists(fileId: string): Promise<boolean> {
    return fileId in (await this.urls([fileId]))
  }

  async read(fileId: string): Promise<Uint8Array | null> {
    if (!fileId.startsWith(PREFIX)) return null
    try {
      const { fileContent } = await this.app.downloadFile({ fileID: fileId })
      return new Uint8Array(fileContent)
    } catch (e) {
      if ((e as { code?: string }).code === NOT_FOUND) return null
      throw e
    }
  }

  async urls(fileIds: string[]): Promise<Record<string, string>> {
    const ours = [...new Set(fileIds.filter((id) => id.startsWith(PREFIX)))]
    if (!ours.length) return {}
    const { fileList } = await this.app.getTempFileURL({
      fileList: ours.map((fileID) => ({ fileID, maxAge: URL_SECONDS })),
    })
    const out: Record<string, string> = {}
    for (const f of fileList)
      if (f.code === 'SUCCESS' && f.tempFileURL) out[f.fileID] = f.tempFileURL
    return out
  }
}
