import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Switch/style/css'
import { api } from '@/services'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import './index.scss'

/** 设置: who may see the caller in trust signals (同在 N 个群, 你的好友 X 分享给你, 同一小区). */
export default function Settings() {
  const { status } = useSession()
  const [showInTrust, setShowInTrust] = useState<boolean | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (status === 'signed-out') return goLogin()
    if (status !== 'signed-in') return
    api.share.settings().then(
      (s) => setShowInTrust(s.showInTrustSignals),
      (e) => reportError(e, '加载失败，请稍后重试'),
    )
  }, [status])

  const change = async (on: boolean) => {
    if (saving) return
    setSaving(true)
    setShowInTrust(on)
    try {
      const s = await api.share.updateSettings({ showInTrustSignals: on })
      setShowInTrust(s.showInTrustSignals)
      toast(on ? '已开启信任标签' : '已关闭，你不会出现在别人的信任标签里')
    } catch (e) {
      setShowInTrust(!on)
      reportError(e, '保存失败，请稍后再试')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='settings' id='settings-page'>
      <Text className='settings__group'>隐私</Text>
      <View className='settings__card'>
        <View className='settings__row'>
          <View className='settings__text'>
            <Text className='settings__label'>在信任标签中显示我</Text>
            <Text className='settings__hint'>
              开启后，和你同在一个群、同一小区，或收到你分享的人，会在宝贝页和聊天里看到「同在 2
              个群」「你的好友 X
              分享给你」这样的标签。不会透露是哪些群。关闭后你也看不到别人的标签。
            </Text>
          </View>
          <Switch
            id='settings-trust'
            checked={showInTrust ?? false}
            disabled={showInTrust === null || saving}
            onChange={(v) => void change(v)}
          />
        </View>
      </View>
    </View>
  )
}
