import Taro from '@tarojs/taro'
import { Text, Video, View } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Progress/style/css'
import { uploadVideo } from '@/services'
import { reportError, toast } from '@/utils/feedback'

export interface VideoItem {
  url: string
  fileId: string | null
  progress: number
  status: 'uploading' | 'done' | 'error'
  localPath?: string
}

export type VideoUpdater = (update: (v: VideoItem | null) => VideoItem | null) => void

export const MAX_VIDEO_SECONDS = 60

export interface VideoFieldProps {
  video: VideoItem | null
  /** Functional updates only: upload progress arrives while the user may remove the video. */
  update: VideoUpdater
}

/** The listing's optional short video: pick, upload with progress, retry, remove. */
export function VideoField({ video, update }: VideoFieldProps) {
  const start = (item: VideoItem) => {
    uploadVideo(item.localPath ?? item.url, (progress) =>
      update((v) => (v ? { ...v, progress } : v)),
    )
      .then((f) => update(() => ({ url: f.url, fileId: f.fileId, progress: 100, status: 'done' })))
      .catch((e) => {
        update((v) => (v ? { ...v, status: 'error' } : v))
        reportError(e, '视频上传失败')
      })
  }
  const add = async () => {
    let path: string
    try {
      const r = await Taro.chooseVideo({
        sourceType: ['album', 'camera'],
        maxDuration: MAX_VIDEO_SECONDS,
        compressed: true,
      })
      if (r.duration && r.duration > MAX_VIDEO_SECONDS + 1)
        return toast(`视频最长 ${MAX_VIDEO_SECONDS} 秒`)
      path = r.tempFilePath
    } catch {
      return // the user closed the picker
    }
    const item: VideoItem = {
      url: path,
      localPath: path,
      fileId: null,
      progress: 0,
      status: 'uploading',
    }
    update(() => item)
    start(item)
  }

  return (
    <View className='publish__video' id='video-field'>
      {video ? (
        <View className={`video-tile is-${video.status}`} id='video-tile'>
          {video.status === 'done' ? (
            <Video className='video-tile__player' src={video.url} controls objectFit='cover' />
          ) : (
            <View className='video-tile__placeholder'>
              {video.status === 'uploading' ? (
                <>
                  <Text>视频上传中 {video.progress}%</Text>
                  <Progress
                    percent={video.progress}
                    strokeWidth='4'
                    color='#ff4d2e'
                    showText={false}
                  />
                </>
              ) : (
                <Text id='video-error' className='video-tile__error' onClick={() => start(video)}>
                  视频上传失败，点击重试
                </Text>
              )}
            </View>
          )}
          <Text className='video-tile__remove' id='video-remove' onClick={() => update(() => null)}>
            ×
          </Text>
        </View>
      ) : (
        <View className='video-add' id='video-add' onClick={add}>
          <Text className='video-add__icon'>▶</Text>
          <Text>
            添加短视频<Text className='muted'>（选填，{MAX_VIDEO_SECONDS} 秒内）</Text>
          </Text>
        </View>
      )}
    </View>
  )
}
