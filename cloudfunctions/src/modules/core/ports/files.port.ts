/**
 * Files: user uploads and generated images. A fileId is `cloud://…` in CloudBase and
 * `local://…` locally; clients upload directly (wx.cloud.uploadFile / the gateway) and hand us the id.
 */
export interface Files {
  /** Stores bytes at a path and returns the fileId. */
  put(path: string, bytes: Uint8Array, contentType: string): Promise<string>
  /** Whether the fileId names a stored file. */
  exists(fileId: string): Promise<boolean>
  /** The bytes of a stored file, or null when there is none (e.g. ID photos forwarded to WeChat Pay). */
  read(fileId: string): Promise<Uint8Array | null>
  /**
   * Display URLs for fileIds (CloudBase: temporary URLs). Ids of files that are not stored (never
   * were, deleted, or another store's) are left out, as CloudBase's getTempFileURL answers them
   * with a per-file error: a caller shows no image rather than a broken link.
   */
  urls(fileIds: string[]): Promise<Record<string, string>>
  /**
   * Removes stored files. Idempotent: an id already deleted, never stored or another store's is
   * no error, so a retried clean-up is safe. Afterwards `exists` is false, `read` null and `urls`
   * leaves the id out.
   */
  delete(fileIds: string[]): Promise<void>
}
