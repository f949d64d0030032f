/**
 * The one way the app reaches a cloud function. weapp: wx.cloud.callFunction; H5: the local
 * gateway over HTTP. It resolves with whatever the function answered (untrusted: the client parses
 * it) and rejects with a ServiceError only when no answer arrived.
 */
export interface Transport {
  invoke(name: string, action: string, input: unknown): Promise<unknown>
}

export type UploadDir =
  | 'listing-photos'
  | 'listing-videos'
  | 'avatars'
  | 'id-cards'
  | 'chat-images'
  | 'review-photos'
  | 'evidence'

export interface UploadedFile {
  /** What the backend stores: cloud://… or local://… */
  fileId: string
  /** What an <Image> can show right away. */
  url: string
}

/** Upload progress as a whole percentage, 0–100. */
export type ProgressListener = (percent: number) => void

/** One platform's upload of a local file to a folder; `what` (图片, 视频) names it in errors. */
export type UploadFile = (
  localPath: string,
  onProgress: ProgressListener | undefined,
  dir: UploadDir,
  what: string,
) => Promise<UploadedFile>

/** The photo and video uploads the pages call, over one platform's `uploadFile`. */
export const uploadsOver = (uploadFile: UploadFile) => ({
  uploadPhoto: (
    localPath: string,
    onProgress?: ProgressListener,
    dir: UploadDir = 'listing-photos',
  ): Promise<UploadedFile> => uploadFile(localPath, onProgress, dir, '图片'),
  /** A listing's short video (MP4/MOV), to the listing-videos folder like the photos. */
  uploadVideo: (localPath: string, onProgress?: ProgressListener): Promise<UploadedFile> =>
    uploadFile(localPath, onProgress, 'listing-videos', '视频'),
})
