import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Avatar, Button, Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Cell/style/css'
import '@nutui/nutui-react-taro/dist/esm/CellGroup/style/css'
import { DEMO_LOGIN } from '@/services'
import { signIn, useSession } from '@/hooks/use-session'
import { goLogin, reportError } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import './index.scss'

export default function Me() {
  const { status, user } = useSession()
  const signedIn = status === 'signed-in' && user !== null
  const go = (url: string) => (signedIn ? Taro.navigateTo({ url }) : goLogin())

  // WeChat: a retry of the silent login; browser: the demo-user picker.
  const login = () => (DEMO_LOGIN ? goLogin() : signIn().catch((e) => reportError(e, '登录失败')))

  return (
    <View className='me safe-bottom'>
      <View className='me__header' id='me-header'>
        <Avatar size='64' src={user?.avatarUrl ?? ''} />
        <View className='me__who'>
          {signedIn ? (
            <>
              <Text className='me__nickname' id='me-nickname'>
                {user.nickname}
              </Text>
              <Text className='me__city'>{user.city ? `常驻 ${user.city}` : '还没有设置城市'}</Text>
            </>
          ) : (
            <>
              <Text className='me__nickname'>{status === 'signing-in' ? '登录中…' : '未登录'}</Text>
              <Text className='me__city'>登录后可以发布闲置、查看我发布的</Text>
            </>
          )}
        </View>
        {!signedIn && status !== 'signing-in' && (
          <Button id='me-login' type='primary' size='small' onClick={login}>
            登录
          </Button>
        )}
      </View>

      <Cell.Group>
        <Cell id='me-my-listings' title='我发布的' clickable onClick={() => go(Routes.mine)} extra='›' />
        <Cell id='me-edit-profile' title='编辑资料' description='头像、昵称、常驻城市' clickable onClick={() => go(Routes.profileEdit)} extra='›' />
      </Cell.Group>

      {DEMO_LOGIN && (
        <Cell.Group title='本地演示'>
          <Cell
            id='demo-switch-user'
            title='本地演示 · 切换用户'
            description='浏览器里没有微信登录，用演示账号体验'
            clickable
            onClick={() => Taro.navigateTo({ url: Routes.login })}
            extra='›'
          />
        </Cell.Group>
      )}
    </View>
  )
}
