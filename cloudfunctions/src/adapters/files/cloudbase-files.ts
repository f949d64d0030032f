import type { Files } from '../../modules/core/ports/files.port'

/** The storage calls of an initialised @cloudbase/node-sdk app, typed (the SDK's are loose). */
export interface CbStorageApp {
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(o: {
    fileList: { fileID: string; maxAge: number }[]
  }): Promise<{ fileList: { fileID: string; tempFileURL: string; code: string }[] }>
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>
  /** Answers a per-file code; a refused call answers `{ code, message }` instead of throwing. */
  deleteFile(o: { fileList: string[] }): Promise<{
    fileList?: { fileID: string; code: string }[]
    code?: string
    message?: string
  }>
}

const PREFIX = 'cloud://'
/** Temporary URLs live this long: long enough for a page and its images, short for a leak. */
const URL_SECONDS = 2 * 60 * 60
const NOT_FOUND = 'STORAGE_FILE_NONEXIST'
/**
 * getTempFileURL and deleteFile take at most 50 files a call ("一次最多 50 个",
 * cloud.tencent.com/document/product/876/19375 and the getTempFileURL reference), so longer
 * lists go in batches.
 */
const BATCH = 50

const batches = <T>(items: T[]): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH))
  return out
}

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
    const out: Record<string, string> = {}
    for (const batch of batches(ours(fileIds))) {
      const { fileList } = await this.app.getTempFileURL({
        fileList: batch.map((fileID) => ({ fileID, maxAge: URL_SECONDS })),
      })
      for (const f of fileList)
        if (f.code === 'SUCCESS' && f.tempFileURL) out[f.fileID] = f.tempFileURL
    }
    return out
  }

  async delete(fileIds: string[]): Promise<void> {
    for (const batch of batches(ours(fileIds))) {
      const res = await this.app.deleteFile({ fileList: batch })
      if (!res.fileList)
        throw new Error(`deleteFile refused: ${res.code ?? '?'} ${res.message ?? ''}`)
      // Gone already is what was asked for; anything else (a permission, a throttle) is not.
      const failed = res.fileList.filter((f) => f.code !== 'SUCCESS' && f.code !== NOT_FOUND)
      if (failed.length > 0)
        throw new Error(
          `deleteFile failed for ${failed.length} file(s): ${failed.map((f) => `${f.fileID} ${f.code}`).join(', ')}`,
        )
    }
  }
}

/** This store's ids, each once. */
const ours = (fileIds: string[]): string[] => [
  ...new Set(fileIds.filter((id) => id.startsWith(PREFIX))),
]
