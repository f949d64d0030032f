import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Progress } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Progress/style/css'
import { EmptyState } from '@/components/EmptyState'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import { useSignedInLoad } from '@/hooks/use-signed-in-load'
import { toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { usePosterCanvas } from './poster-canvas'
import { SAVE_LABEL, outcomeText, savePoster } from './poster-save'
import { usePoster } from './use-poster'
import './index.scss'

/**
 * 分享海报: the caller's own share of a listing (`st`) drawn as a poster with its 小程序码, to
 * save to the album (weapp) or download (H5) and post to 朋友圈.
 */
export default function PosterPage() {
  const { params } = useRouter()
  const token = params.st ?? ''
  const canvas = usePosterCanvas()
  const { phase, make, surface } = usePoster(token, canvas.acquire)
  const [saving, setSaving] = useState(false)
  useSignedInLoad(make, false)

  const save = async () => {
    if (phase.kind !== 'ready' || !surface.current || saving) return
    setSaving(true)
    try {
      const text = outcomeText(await savePoster(surface.current, token))
      if (text) toast(text)
    } finally {
      setSaving(false)
    }
  }

  // Opened straight from a link there is no page to go back to: 首页 instead.
  const back = () => void Taro.navigateBack().catch(() => Taro.switchTab({ url: Routes.home }))

  return (
    <View className='poster' id='poster-page' data-phase={phase.kind} data-token={token}>
      <View className='poster__frame'>
        {canvas.element}
        {phase.kind === 'loading' && (
          <View className='poster__cover' id='poster-progress'>
            <Text className='poster__progress-text'>{phase.text}</Text>
            <View className='poster__progress-bar'>
              <Progress percent={phase.percent} strokeWidth='6' color='#ff4d2e' />
            </View>
          </View>
        )}
        {phase.kind === 'failed' && (
          <View className='poster__cover poster__cover--failed' id='poster-failed'>
            <EmptyState
              title='海报没有生成'
              description={phase.message}
              action={
                phase.retry
                  ? { text: '重新生成', onClick: () => void make() }
                  : { text: '返回', onClick: back }
              }
            />
          </View>
        )}
      </View>
      <View className='poster__bar safe-bottom'>
        {phase.kind !== 'failed' && (
          <Text className='poster__hint muted'>
            {phase.kind === 'ready' && phase.coverMissing
              ? '封面图片没有加载出来，可以稍后重新打开'
              : '保存后发到朋友圈，邻居扫码就能看到这件宝贝'}
          </Text>
        )}
        <Button
          id='poster-save'
          type='primary'
          block
          disabled={phase.kind !== 'ready'}
          loading={saving}
          onClick={save}
        >
          {SAVE_LABEL}
        </Button>
      </View>
      <PrivacyConsent />
    </View>
  )
}
