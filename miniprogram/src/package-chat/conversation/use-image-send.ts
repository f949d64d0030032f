import { useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ChatMessage } from '@shared/contracts/chat.contract'
import { api, isServiceError, uploadPhoto } from '@/services'
import { reportError } from '@/utils/feedback'
import { newClientMsgId } from '@/utils/chat-text'
import { ImageSends, pendingImages, type ImageSend } from '../image-send'

export interface ImageSendHandlers {
  /** The stored message: into the thread. */
  onStored: (message: ChatMessage) => void
  /** A picture was picked and its bubble shown: scroll to it. */
  onAdded: () => void
  /** The send was refused because of a block: show the notice instead of the composer. */
  onBlocked: () => void
}

/**
 * Sending pictures in the open conversation: pick one (compressed), show it at once with its
 * upload progress, upload to chat-images, send it as an image message; 重试 on a failed one.
 */
export const useImageSend = (conversationId: string | null, handlers: ImageSendHandlers) => {
  const [items, setItems] = useState<readonly ImageSend[]>([])
  const id = useRef(conversationId)
  id.current = conversationId
  const on = useRef(handlers)
  on.current = handlers
  const [sends] = useState(
    () =>
      new ImageSends({
        upload: (path, onProgress) => uploadPhoto(path, onProgress, 'chat-images'),
        send: (clientMsgId, fileId) =>
          api.chat.send({ conversationId: id.current!, clientMsgId, kind: 'image', fileId }),
        onStored: (m) => on.current.onStored(m),
        onFailed: (e, step) => {
          reportError(e, step === 'upload' ? '图片上传失败' : '发送失败，请稍后重试')
          if (isServiceError(e) && e.code === 'CHAT.BLOCKED') on.current.onBlocked()
        },
        onChange: setItems,
        newClientMsgId: () => newClientMsgId(),
        now: () => Date.now(),
      }),
  )

  const pick = async () => {
    if (!id.current) return
    let path: string | undefined
    try {
      const r = await Taro.chooseImage({
        count: 1,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      path = r.tempFilePaths[0]
    } catch {
      return // the user closed the picker
    }
    if (!path) return
    sends.add(path)
    on.current.onAdded()
  }

  return {
    /** The pictures on their way, as the thread's pending bubbles. */
    pending: useMemo(() => pendingImages(items), [items]),
    pick,
    retry: (clientMsgId: string) => sends.retry(clientMsgId),
  }
}
