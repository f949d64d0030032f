import type { ChatMessage } from '@shared/contracts/chat.contract'
import type { PendingMessage } from './chat-thread'

/** One picture on its way: shown at once from the local file, then uploaded, then sent. */
export interface ImageSend {
  clientMsgId: string
  localPath: string
  at: number
  state: 'uploading' | 'sending' | 'failed'
  /** Upload progress, 0–100. */
  progress: number
  /** Set once the upload succeeded: a retry only sends again, it does not upload again. */
  fileId: string | null
}

export interface ImageSendDeps {
  upload: (localPath: string, onProgress: (percent: number) => void) => Promise<{ fileId: string }>
  send: (clientMsgId: string, fileId: string) => Promise<ChatMessage>
  /** The stored message, to merge into the thread (its clientMsgId replaces the pending bubble). */
  onStored: (message: ChatMessage) => void
  onFailed: (error: unknown, step: 'upload' | 'send') => void
  onChange: (items: readonly ImageSend[]) => void
  newClientMsgId: () => string
  now: () => number
}

/**
 * The pictures being sent in one conversation: uploading (with progress) → sending → stored and
 * dropped; a failed step leaves 重试, which sends with the same clientMsgId (so the server stores
 * it once) and reuses the uploaded file.
 */
export class ImageSends {
  private items: ImageSend[] = []

  constructor(private readonly deps: ImageSendDeps) {}

  list(): readonly ImageSend[] {
    return this.items
  }

  /** Starts sending a picked picture; answers its clientMsgId. */
  add(localPath: string): string {
    const clientMsgId = this.deps.newClientMsgId()
    this.items = [
      ...this.items,
      {
        clientMsgId,
        localPath,
        at: this.deps.now(),
        state: 'uploading',
        progress: 0,
        fileId: null,
      },
    ]
    this.changed()
    void this.run(clientMsgId)
    return clientMsgId
  }

  /** 重试 on a failed picture; anything still on its way is left alone. */
  retry(clientMsgId: string): void {
    const item = this.find(clientMsgId)
    if (item?.state !== 'failed') return
    this.patch(
      clientMsgId,
      item.fileId ? { state: 'sending' } : { state: 'uploading', progress: 0 },
    )
    void this.run(clientMsgId)
  }

  private async run(clientMsgId: string) {
    let fileId = this.find(clientMsgId)?.fileId ?? null
    if (!fileId) {
      try {
        const localPath = this.find(clientMsgId)!.localPath
        const uploaded = await this.deps.upload(localPath, (progress) => {
          if (this.find(clientMsgId)?.state === 'uploading') this.patch(clientMsgId, { progress })
        })
        fileId = uploaded.fileId
        this.patch(clientMsgId, { fileId, progress: 100, state: 'sending' })
      } catch (e) {
        this.patch(clientMsgId, { state: 'failed' })
        this.deps.onFailed(e, 'upload')
        return
      }
    }
    try {
      const stored = await this.deps.send(clientMsgId, fileId)
      this.deps.onStored(stored)
      this.items = this.items.filter((x) => x.clientMsgId !== clientMsgId)
      this.changed()
    } catch (e) {
      // The server no longer knows the file as this user's picture: only a new upload can help.
      const lost = (e as { code?: unknown } | null)?.code === 'FILE.NOT_OWNED'
      this.patch(clientMsgId, lost ? { state: 'failed', fileId: null } : { state: 'failed' })
      this.deps.onFailed(e, 'send')
    }
  }

  private find(clientMsgId: string) {
    return this.items.find((x) => x.clientMsgId === clientMsgId)
  }

  private patch(clientMsgId: string, p: Partial<ImageSend>) {
    this.items = this.items.map((x) => (x.clientMsgId === clientMsgId ? { ...x, ...p } : x))
    this.changed()
  }

  private changed() {
    this.deps.onChange(this.items)
  }
}

/** The thread's pending bubbles for the pictures on their way. */
export const pendingImages = (items: readonly ImageSend[]): PendingMessage[] =>
  items.map((x) => ({
    clientMsgId: x.clientMsgId,
    text: '',
    at: x.at,
    state: x.state === 'failed' ? 'failed' : 'sending',
    image: { localPath: x.localPath, progress: x.state === 'uploading' ? x.progress : null },
  }))
