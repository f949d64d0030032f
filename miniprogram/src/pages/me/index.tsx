import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Avatar, Button, Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Avatar/style/css'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Cell/style/css'
import '@nutui/nutui-react-taro/dist/esm/CellGroup/style/css'
import { DEMO_LOGIN, api } from '@/services'
import { useNoticeBadge } from '@/hooks/use-notice-badge'
import { signIn, useSession } from '@/hooks/use-session'
import { goLogin, reportError } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import './index.scss'

type Counts = Awaited<ReturnType<typeof api.social.myCounts>>

export default function Me() {
  const { status, user } = useSession()
  const signedIn = status === 'signed-in' && user !== null
  const [counts, setCounts] = useState<Counts | null>(null)
  const [payState, setPayState] = useState<string | null>(null)
  useNoticeBadge()
  const go = (url: string) => (signedIn ? Taro.navigateTo({ url }) : goLogin())

  // WeChat: a retry of the silent login; browser: the demo-user picker.
  const login = () => (DEMO_LOGIN ? goLogin() : signIn().catch((e) => reportError(e, '登录失败')))

  const loadCounters = () => {
    if (!user) {
      setPayState(null)
      return setCounts(null)
    }
    api.social.myCounts().then(setCounts, () => setCounts(null))
    api.merchant.status().then(
      (s) => setPayState(s.stateLabel),
      () => setPayState(null),
    )
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the counters follow who is signed in, not each profile edit
  useEffect(loadCounters, [user?.id])
  useDidShow(() => {
    if (user) loadCounters()
  })

  const counter = (id: string, value: string | number | null, label: string, url: string) => (
    <View className='me__counter' id={id} onClick={() => go(url)}>
      <Text className={`me__counter-n ${value === null ? 'is-text' : ''}`}>
        {signedIn && value !== null ? value : signedIn ? '查看' : '-'}
      </Text>
      <Text className='me__counter-l'>{label}</Text>
    </View>
  )

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
              <Text className='me__city'>登录后可以发布闲置、收藏想要的宝贝</Text>
            </>
          )}
        </View>
        {!signedIn && status !== 'signing-in' && (
          <Button id='me-login' type='primary' size='small' onClick={login}>
            登录
          </Button>
        )}
        {signedIn && (
          <Text
            className='me__home'
            id='me-storefront'
            onClick={() => go(Routes.storefront(user.id))}
          >
            我的主页 ›
          </Text>
        )}
      </View>

      <View className='me__counters'>
        {counter('me-count-listings', counts?.listings.active ?? null, '在售', Routes.mine)}
        {counter('me-count-favorites', counts?.favorites ?? null, '我的收藏', Routes.favorites)}
        {counter('me-count-following', counts?.following ?? null, '关注', Routes.following)}
      </View>

      <Cell.Group>
        <Cell
          id='me-orders-bought'
          title='我买到的'
          description='待付款、待收货、退款'
          clickable
          onClick={() => go(Routes.orders('buyer'))}
          extra='›'
        />
        <Cell
          id='me-orders-sold'
          title='我卖出的'
          description='待发货、待面交、结算'
          clickable
          onClick={() => go(Routes.orders('seller'))}
          extra='›'
        />
        {user?.roles.some((r) => r === 'moderator' || r === 'admin') && (
          <>
            <Cell
              id='me-disputes'
              title='纠纷处理'
              description='运营：判定退款争议'
              clickable
              onClick={() => go(Routes.disputes)}
              extra='›'
            />
            <Cell
              id='me-failed-jobs'
              title='异常任务'
              description='运营：退款、结算、快递与微信调用的失败重试'
              clickable
              onClick={() => go(Routes.failedJobs)}
              extra='›'
            />
          </>
        )}
      </Cell.Group>
      <Cell.Group>
        <Cell
          id='me-onboarding'
          title='收款账户'
          description='开通微信支付收款，审核进度'
          clickable
          onClick={() => go(Routes.onboarding)}
          extra={signedIn && payState ? `${payState} ›` : '›'}
        />
        <Cell
          id='me-wallet'
          title='我的钱包'
          description='担保中、可提现、提现记录'
          clickable
          onClick={() => go(Routes.wallet)}
          extra='›'
        />
      </Cell.Group>
      <Cell.Group>
        <Cell
          id='me-my-listings'
          title='我发布的'
          description='在售、草稿、已下架、已卖出'
          clickable
          onClick={() => go(Routes.mine)}
          extra='›'
        />
        <Cell
          id='me-favorites'
          title='我的收藏'
          description='点过「想要」的宝贝'
          clickable
          onClick={() => go(Routes.favorites)}
          extra='›'
        />
        <Cell
          id='me-following'
          title='关注的人的新发布'
          clickable
          onClick={() => go(Routes.following)}
          extra='›'
        />
        <Cell
          id='me-communities'
          title='我的圈子'
          description='小区、校园、写字楼'
          clickable
          onClick={() => go(Routes.myCommunities)}
          extra='›'
        />
      </Cell.Group>
      <Cell.Group>
        <Cell
          id='me-edit-profile'
          title='编辑资料'
          description='头像、昵称、常驻城市'
          clickable
          onClick={() => go(Routes.profileEdit)}
          extra='›'
        />
        <Cell
          id='me-addresses'
          title='收货地址'
          description='邮寄时选用，加密保存'
          clickable
          onClick={() => go(Routes.addresses())}
          extra='›'
        />
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
