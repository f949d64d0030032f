import { useEffect, useMemo, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
// WeChat's own <button>: NutUI's Button draws its label in a <div>, which has no weapp template
// without @tarojs/plugin-html, and the agreePrivacyAuthorization open-type must be a real button.
import { Button, Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import { toast } from '@/utils/feedback'
import {
  AGREE_BUTTON_ID,
  type ConsentView,
  type PrivacyHost,
  createPrivacyGate,
  refusalMessage,
} from './gate'
import './privacy-consent.scss'

/** One gate for the whole app: WeChat keeps a single onNeedPrivacyAuthorization listener. */
export const privacyGate = createPrivacyGate({
  onRefused: (feature) => toast(refusalMessage(feature)),
})

/** Taro passes its weapp API straight through to wx; null on base libraries before 2.32.3. */
const privacyHost = (): PrivacyHost | null =>
  Taro.canIUse?.('onNeedPrivacyAuthorization')
    ? { onNeedPrivacyAuthorization: (l) => Taro.onNeedPrivacyAuthorization(l) }
    : null

const DEFAULT_CONTRACT = '《邻圈隐私保护指引》'

/**
 * 用户隐私保护提示 (weapp): put one on every page that calls location, album/camera or clipboard
 * APIs. When WeChat holds such a call for consent, the popup on the page in front asks; 同意 is an
 * `agreePrivacyAuthorization` button, so WeChat lets the call go on, 拒绝 makes it fail and a Toast
 * says what will not work.
 */
export function PrivacyConsent() {
  const [visible, setVisible] = useState(false)
  const [feature, setFeature] = useState<string | null>(null)
  const [contract, setContract] = useState(DEFAULT_CONTRACT)

  const view = useMemo<ConsentView>(
    () => ({
      open: (what) => {
        setFeature(what)
        setVisible(true)
      },
      close: () => setVisible(false),
    }),
    [],
  )

  useEffect(() => {
    privacyGate.install(privacyHost())
    return privacyGate.attach(view)
  }, [view])
  useDidShow(() => privacyGate.activate(view))

  useEffect(() => {
    if (!visible) return
    // The guideline's name as filed in the 公众平台 (e.g. 《邻圈小程序隐私保护指引》).
    Taro.getPrivacySetting?.({
      success: (r) => {
        if (r.privacyContractName) setContract(r.privacyContractName)
      },
    })
  }, [visible])

  const openContract = () =>
    Taro.openPrivacyContract({ fail: () => toast('暂时无法打开隐私保护指引') })

  // No Popup title: NutUI draws it in a <div> (see the Button import). Above other popups (the
  // invite panel on a community page asks for the clipboard from inside one).
  return (
    <Popup visible={visible} position='bottom' round zIndex={2000} closeOnOverlayClick={false}>
      <View className='privacy-consent safe-bottom' id='privacy-consent'>
        <Text className='privacy-consent__title'>用户隐私保护提示</Text>
        <View className='privacy-consent__body'>
          <Text>
            {feature ? `使用${feature}前，` : '在使用定位、相册、相机和剪贴板前，'}请阅读并同意
          </Text>
          <Text className='privacy-consent__link' id='privacy-contract' onClick={openContract}>
            {contract}
          </Text>
          <Text>
            。我们只在你用到相关功能时获取这些信息：定位用来标注闲置所在区域和计算距离，照片用来发布闲置和设置头像，相册用来保存你生成的分享海报，剪贴板用来复制邀请码。
          </Text>
        </View>
        <Text className='privacy-consent__hint'>
          拒绝后仍可浏览，但定位、选图和复制等功能将无法使用。
        </Text>
        <View className='privacy-consent__actions'>
          <Button
            id='privacy-disagree'
            className='privacy-consent__button privacy-consent__button--disagree'
            onClick={() => privacyGate.disagree()}
          >
            拒绝
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className='privacy-consent__button privacy-consent__button--agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => privacyGate.agree(AGREE_BUTTON_ID)}
          >
            同意
          </Button>
        </View>
      </View>
    </Popup>
  )
}
