import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Avatar, Button, Cell, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Cell/style/css'
import '@nutui/nutui-react-taro/dist/esm/CellGroup/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import { DEMO_LOGIN, listDemoUsers, startDemoSession, type DemoUser } from '@/services'
import { signIn, useSession } from '@/hooks/use-session'
import { reportError, toast } from '@/utils/feedback'
import { leaveLogin, type LoginReturn } from '@/utils/login-return'
import './index.scss'

/** Browser only: the local cloud's demo users stand in for WeChat identities. */
function DemoUserPicker({ back }: { back: LoginReturn }) {
  const { user } = useSession()
  const [users, setUsers] = useState<DemoUser[] | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  useEffect(() => {
    listDemoUsers()
      .then(setUsers)
      .catch((e) => {
        setUsers([])
        reportError(e, '获取演示用户失败')
      })
  }, [])

  const choose = async (u: DemoUser) => {
    if (busy) return
    setBusy(u.openid)
    try {
      await startDemoSession(u.openid)
      const me = await signIn()
      toast(`已切换为 ${me.nickname}`, 'success')
      // Back where sign-in was asked for (or on to what the tap meant), never a detour via 首页.
      await leaveLogin(back)
    } catch (e) {
      reportError(e, '登录失败')
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='login' id='demo-user-picker'>
      <View className='login__banner'>
        <Text className='login__badge'>本地演示</Text>
        <Text className='login__title'>选择一个演示用户</Text>
        <Text className='login__sub'>
          浏览器里没有微信身份，本地云为所选用户签发会话。在微信里会静默登录。
        </Text>
      </View>
      {users === null ? (
        <View className='login__loading'>
          <Skeleton rows={3} avatar animated visible={false} />
        </View>
      ) : (
        <Cell.Group>
          {users.map((u) => (
            <Cell
              key={u.openid}
              id={`demo-user-${u.openid}`}
              className='demo-user'
              clickable
              onClick={() => choose(u)}
              title={
                <View className='login__user'>
                  <Avatar size='40' src={u.avatarUrl ?? ''} />
                  <View className='login__user-who'>
                    <Text className='login__user-name'>{u.nickname}</Text>
                    <Text className='muted login__user-city'>{u.city ?? '未设置城市'}</Text>
                  </View>
                </View>
              }
              extra={busy === u.openid ? '登录中…' : user?.nickname === u.nickname ? '当前' : '›'}
            />
          ))}
          {users.length === 0 && (
            <Cell title='没有可用的演示用户，请确认本地云已启动并完成初始化' />
          )}
        </Cell.Group>
      )}
    </View>
  )
}

/** WeChat: the identity is already there; this retries the silent login after a failure. */
function WechatLogin({ back }: { back: LoginReturn }) {
  const [busy, setBusy] = useState(false)
  const login = async () => {
    setBusy(true)
    try {
      await signIn()
      toast('登录成功', 'success')
      await leaveLogin(back)
    } catch (e) {
      reportError(e, '登录失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='login login--wechat'>
      <View className='login__banner'>
        <Text className='login__title'>登录邻圈</Text>
        <Text className='login__sub'>使用微信身份登录后即可发布闲置、管理我发布的</Text>
      </View>
      <Button id='wechat-login' type='primary' size='large' block loading={busy} onClick={login}>
        微信一键登录
      </Button>
    </View>
  )
}

export default function Login() {
  const { params } = useRouter()
  const back: LoginReturn = { from: params.from, then: params.then }
  return DEMO_LOGIN ? <DemoUserPicker back={back} /> : <WechatLogin back={back} />
}
