import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Progress/style/css'
import { LISTING_LIMITS } from '@shared/domain/listing'
import { uploadPhoto, type UploadDir } from '@/services'
import { reportError } from '@/utils/feedback'
import './photo-grid.scss'

export interface PhotoItem {
  key: string
  /** What the thumbnail shows: the local file while uploading, the stored URL after. */
  url: string
  fileId: string | null
  progress: number
  status: 'uploading' | 'done' | 'error'
  localPath?: string
}

export type PhotoUpdater = (update: (items: PhotoItem[]) => PhotoItem[]) => void

export interface PhotoGridProps {
  items: PhotoItem[]
  /** Functional updates only: several uploads report progress at the same time. */
  update: PhotoUpdater
  max?: number
  dir?: UploadDir
  /** The first photo is the cover (a listing's); off for photos that are all alike (a review's). */
  cover?: boolean
}

let seq = 0

/**
 * Photos first, as on 闲鱼: each thumbnail uploads on its own and shows its own progress; ‹ › move
 * a photo, and the first one is the cover.
 */
export function PhotoGrid({
  items,
  update,
  max = LISTING_LIMITS.photosMax,
  dir = 'listing-photos',
  cover = true,
}: PhotoGridProps) {
  const patch = (key: string, p: Partial<PhotoItem>) =>
    update((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)))

  const start = (item: PhotoItem) => {
    uploadPhoto(item.localPath ?? item.url, (progress) => patch(item.key, { progress }), dir)
      .then((f) => patch(item.key, { fileId: f.fileId, url: f.url, progress: 100, status: 'done' }))
      .catch((e) => {
        patch(item.key, { status: 'error' })
        reportError(e, '图片上传失败')
      })
  }

  const add = async () => {
    const room = max - items.length
    if (room <= 0) return
    let paths: string[]
    try {
      const r = await Taro.chooseImage({
        count: room,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      paths = r.tempFilePaths.slice(0, room)
    } catch {
      return // the user closed the picker
    }
    const added = paths.map<PhotoItem>((p) => ({
      key: `p${Date.now()}-${seq++}`,
      url: p,
      localPath: p,
      fileId: null,
      progress: 0,
      status: 'uploading',
    }))
    update((list) => [...list, ...added].slice(0, max))
    added.forEach(start)
  }

  const remove = (key: string) => update((list) => list.filter((i) => i.key !== key))
  const retry = (item: PhotoItem) => {
    patch(item.key, { status: 'uploading', progress: 0 })
    start(item)
  }
  /** Moves a photo one place left (-1) or right (+1); the first photo is the cover. */
  const move = (key: string, by: -1 | 1) =>
    update((list) => {
      const i = list.findIndex((x) => x.key === key)
      const j = i + by
      if (i < 0 || j < 0 || j >= list.length) return list
      const next = [...list]
      ;[next[i], next[j]] = [next[j], next[i]]
      return next
    })
  const makeCover = (key: string) =>
    update((list) => {
      const i = list.findIndex((x) => x.key === key)
      return i <= 0 ? list : [list[i], ...list.slice(0, i), ...list.slice(i + 1)]
    })

  return (
    <View className='photo-grid' id='photo-grid'>
      {items.map((item, index) => (
        <View key={item.key} className={`photo-tile is-${item.status}`} data-status={item.status}>
          <Image
            className='photo-tile__img'
            src={item.url}
            mode='aspectFill'
            onClick={() => cover && makeCover(item.key)}
          />
          {!cover ? null : index === 0 ? (
            <Text className='photo-tile__cover'>封面</Text>
          ) : (
            item.status === 'done' && (
              <Text className='photo-tile__set-cover' onClick={() => makeCover(item.key)}>
                设为封面
              </Text>
            )
          )}
          <Text className='photo-tile__remove' onClick={() => remove(item.key)}>
            ×
          </Text>
          {item.status === 'done' && items.length > 1 && (
            <View className='photo-tile__moves'>
              {index > 0 && (
                <Text
                  className='photo-tile__move photo-move-left'
                  onClick={() => move(item.key, -1)}
                >
                  ‹
                </Text>
              )}
              {index < items.length - 1 && (
                <Text
                  className='photo-tile__move photo-move-right'
                  onClick={() => move(item.key, 1)}
                >
                  ›
                </Text>
              )}
            </View>
          )}
          {item.status === 'uploading' && (
            <View className='photo-tile__progress'>
              <Text className='photo-tile__percent'>{item.progress}%</Text>
              <Progress
                percent={item.progress}
                strokeWidth='4'
                color='#ff4d2e'
                background='rgba(255,255,255,0.5)'
              />
            </View>
          )}
          {item.status === 'error' && (
            <View className='photo-tile__failed' onClick={() => retry(item)}>
              <Text>上传失败</Text>
              <Text>点击重试</Text>
            </View>
          )}
        </View>
      ))}
      {items.length < max && (
        <View className='photo-tile photo-tile--add' id='photo-add' onClick={add}>
          <Text className='photo-tile__plus'>+</Text>
          <Text className='photo-tile__hint'>
            {items.length === 0 ? '添加照片' : `${items.length}/${max}`}
          </Text>
        </View>
      )}
    </View>
  )
}
