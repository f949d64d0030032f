import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { BubbleImage } from '../../../chat-thread'
import { imageShape, type ImageShape } from '../../../image-shape'
import './chat-image.scss'

// Shapes already measured, by message: the stored bubble that replaces a pending one, or a
// bubble scrolled back into a re-rendered thread, opens in its frame instead of jumping.
const measured = new Map<string, ImageShape>()
const MEASURED_MAX = 500

export interface ChatImageProps {
  image: BubbleImage
  /** What identifies the picture across re-renders: its clientMsgId, else its url. */
  sizeKey: string | null
  onPreview: (url: string) => void
  /** The picture took its frame (the thread may want to scroll to the bottom again). */
  onSized?: () => void
}

/**
 * A picture in a bubble: measured once it loads (widthFix shows its real height, which H5 reports),
 * then shown in the closest fixed frame with aspectFill; the upload's percentage over it while it
 * uploads; 图片已失效 when the file is gone.
 */
export function ChatImage({ image, sizeKey, onPreview, onSized }: ChatImageProps) {
  const key = sizeKey ?? image.url
  const [shape, setShape] = useState<ImageShape | null>(() => (key && measured.get(key)) || null)
  if (!image.url)
    return (
      <View className='chat-image is-gone' data-status='gone'>
        <Text className='chat-image__gone'>图片已失效</Text>
      </View>
    )
  const url = image.url
  const uploading = image.progress !== null
  // The typings allow strings ('100px'); both platforms hand over numbers.
  const loaded = (e: { detail: { width: number | string; height: number | string } }) => {
    if (shape) return
    const next = imageShape(parseFloat(String(e.detail.width)), parseFloat(String(e.detail.height)))
    if (key) {
      if (measured.size >= MEASURED_MAX) measured.clear()
      measured.set(key, next)
    }
    setShape(next)
    onSized?.()
  }
  return (
    <View
      className={`chat-image is-${shape ?? 'loading'} ${uploading ? 'is-uploading' : ''}`}
      data-status={uploading ? 'uploading' : shape ? 'shown' : 'loading'}
      onClick={() => onPreview(url)}
    >
      <Image
        className='chat-image__img'
        src={url}
        mode={shape ? 'aspectFill' : 'widthFix'}
        onLoad={loaded}
      />
      {uploading && (
        <View className='chat-image__progress'>
          <Text className='chat-image__percent'>{image.progress}%</Text>
        </View>
      )}
    </View>
  )
}
