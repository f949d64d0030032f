import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import { navigateOnce } from '@/utils/navigate'
import { Routes } from '@/utils/routes'
import { StorageKeys, readStored, removeStored } from '@/utils/storage'
import './index.scss'

/**
 * The 发布 tab stays tiny so the main package stays small: the form itself lives in the
 * package-listing subpackage and loads when the user starts publishing.
 */
export default function PublishTab() {
  const [hasDraft, setHasDraft] = useState(false)
  useDidShow(() => setHasDraft(readStored(StorageKeys.publishDraft) !== null))
  const start = () => navigateOnce(Routes.publishForm)
  // Starting over throws away typed text and uploaded photos: only after the user says so.
  const restart = async () => {
    const { confirm } = await Taro.showModal({
      title: '重新发布',
      content: '草稿里的文字和照片将被清空，确定重新开始吗？',
      confirmText: '清空草稿',
      cancelText: '再想想',
    })
    if (!confirm) return
    removeStored(StorageKeys.publishDraft)
    setHasDraft(false)
    void start()
  }

  return (
    <View className='publish-tab safe-bottom'>
      <View className='publish-tab__hero'>
        <Text className='publish-tab__title'>闲置换钱，邻居来取</Text>
        <Text className='publish-tab__sub'>拍几张照片、写一句描述，同城的人马上就能看到</Text>
      </View>
      <View className='publish-tab__steps'>
        {['拍照上传，最多 9 张', '写清成色和价格', '选择所在区域'].map((s, i) => (
          <View className='publish-tab__step' key={s}>
            <Text className='publish-tab__step-no'>{i + 1}</Text>
            <Text>{s}</Text>
          </View>
        ))}
      </View>
      <Button id='publish-start' type='primary' size='large' block onClick={start}>
        {hasDraft ? '继续编辑' : '发布闲置'}
      </Button>
      {hasDraft && (
        <>
          <Button
            id='publish-restart'
            className='publish-tab__restart'
            fill='outline'
            type='primary'
            size='large'
            block
            onClick={restart}
          >
            重新发布
          </Button>
          <Text className='publish-tab__hint muted'>上次没发完的内容已自动保存</Text>
        </>
      )}
    </View>
  )
}
