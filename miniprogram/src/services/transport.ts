/**
 * The one way the app reaches a cloud function. weapp: wx.cloud.callFunction; H5: the local
 * gateway over HTTP. It resolves with whatever the function answered (untrusted: the client parses
 * it) and rejects with a ServiceError only when no answer arrived.
 */
export interface Transport {
  invoke(name: string, action: string, input: unknown): Promise<unknown>
}

export type UploadDir = 'listing-photos' | 'listing-videos' | 'avatars' | 'id-cards'

export interface UploadedFile {
  /** What the backend stores: cloud://… or local://… */
  fileId: string
  /** What an <Image> can show right away. */
  url: string
}

/** Upload progress as a whole percentage, 0–100. */
export type ProgressListener = (percent: number) => void
