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

/** A row of the menu: it opens `url`, or the login page first for a visitor. */
type MenuRow = [id: string, title: string, url: string, description?: string]

const ORDERS: MenuRow[] = [
  ['me-orders-bought', '我买到的', Routes.orders('buyer'), '待付款、待收货、退款'],
  ['me-orders-sold', '我卖出的', Routes.orders('seller'), '待发货、待面交、结算'],
]
const CREDIT: MenuRow = ['me-credit', '我的信用', Routes.credit(), '信用分、等级权益、信用记录']
const REVIEWS: MenuRow = [
  'me-reviews',
  '我的评价',
  Routes.reviews(),
  '待评价、我评价的、收到的评价',
]
/** Shown to moderators and admins only. */
const STAFF: MenuRow[] = [
  ['me-disputes', '纠纷处理', Routes.disputes, '运营：判定退款争议'],
  ['me-failed-jobs', '异常任务', Routes.failedJobs, '运营：退款、结算、快递与微信调用的失败重试'],
  ['me-guarantee-fund', '保障基金', Routes.guaranteeFund, '运营：先行赔付、追偿与基金余额'],
]
/** 审核后台: the report queue and appeals, shown with the staff rows (the server checks the role). */
const MODERATION: MenuRow = [
  'me-moderation',
  '审核后台',
  Routes.moderation(),
  '审核：举报案件、处理决定与申诉复核',
]
const REPORTS: MenuRow[] = [
  ['me-reports', '我的举报', Routes.myReports, '举报进度与处理结果'],
  ['me-penalties', '我的处罚', Routes.penalties, '违规处理记录与申诉'],
]
const ONBOARDING: MenuRow = [
  'me-onboarding',
  '收款账户',
  Routes.onboarding,
  '开通微信支付收款，审核进度',
]
const WALLET: MenuRow = ['me-wallet', '我的钱包', Routes.wallet, '担保中、可提现、提现记录']
const MINE: MenuRow[] = [
  ['me-my-listings', '我发布的', Routes.mine, '在售、草稿、已下架、已卖出'],
  ['me-favorites', '我的收藏', Routes.favorites, '点过「想要」的宝贝'],
  ['me-following', '关注的人的新发布', Routes.following],
  ['me-communities', '我的圈子', Routes.myCommunities, '小区、校园、写字楼'],
  ['me-groups', '我的群闲置', Routes.myGroups, '在群聊里点开过的群，看看群友在卖什么'],
  ['me-jury', '小法庭', Routes.jury(), '被选为评审员的交易纠纷'],
]
const PROFILE: MenuRow[] = [
  ['me-edit-profile', '编辑资料', Routes.profileEdit, '头像、昵称、常驻城市'],
  ['me-addresses', '收货地址', Routes.addresses(), '邮寄时选用，加密保存'],
  ['me-settings', '设置', Routes.settings, '隐私：信任标签'],
]

export default function Me() {
  const { status, user } = useSession()
  const signedIn = status === 'signed-in' && user !== null
  const [counts, setCounts] = useState<Counts | null>(null)
  const [payState, setPayState] = useState<string | null>(null)
  const [toReview, setToReview] = useState(0)
  const [tier, setTier] = useState<string | null>(null)
  useNoticeBadge()
  // Signed out, sign-in opens the row's page once it is done.
  const go = (url: string) => (signedIn ? Taro.navigateTo({ url }) : goLogin(url))

  // WeChat: a retry of the silent login; browser: the demo-user picker.
  const login = () => (DEMO_LOGIN ? goLogin() : signIn().catch((e) => reportError(e, '登录失败')))

  const loadCounters = () => {
    if (!user) {
      setPayState(null)
      setToReview(0)
      setTier(null)
      return setCounts(null)
    }
    api.credit.forUser(user.id).then(
      (c) => setTier(`信用${c.tier.label}`),
      () => setTier(null),
    )
    api.review.mine({ box: 'pending', limit: 1 }).then(
      (r) => setToReview(r.pendingCount),
      () => setToReview(0),
    )
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

  const menuCell = ([id, title, url, description]: MenuRow, extra = '›') => (
    <Cell
      key={id}
      id={id}
      title={title}
      description={description}
      clickable
      onClick={() => go(url)}
      extra={extra}
    />
  )

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
        {ORDERS.map((row) => menuCell(row))}
        {menuCell(REVIEWS, signedIn && toReview > 0 ? `${toReview} 待评价 ›` : '›')}
        {menuCell(CREDIT, signedIn && tier ? `${tier} ›` : '›')}
        {user?.roles.some((r) => r === 'moderator' || r === 'admin') &&
          [MODERATION, ...STAFF].map((row) => menuCell(row))}
      </Cell.Group>
      <Cell.Group>
        {menuCell(ONBOARDING, signedIn && payState ? `${payState} ›` : '›')}
        {menuCell(WALLET)}
      </Cell.Group>
      <Cell.Group>{MINE.map((row) => menuCell(row))}</Cell.Group>
      <Cell.Group>{REPORTS.map((row) => menuCell(row))}</Cell.Group>
      <Cell.Group>{PROFILE.map((row) => menuCell(row))}</Cell.Group>

      {DEMO_LOGIN && (
        // The browser has no WeChat identity; the sign-in page it opens is the local cloud's own.
        <Cell.Group>
          <Cell
            id='demo-switch-user'
            title='切换账号'
            description='换一位邻居的账号，体验买卖双方'
            clickable
            onClick={() => goLogin()}
            extra='›'
          />
        </Cell.Group>
      )}
    </View>
  )
}
