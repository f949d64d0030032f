import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Popup, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { Community } from '@shared/contracts/social.contract'
import { CITY_NAMES } from '@shared/domain/cities'
import { api, isServiceError } from '@/services'
import { communityTypeLabel } from '@/components/CommunityItem'
import { PagedListings } from '@/components/PagedListings'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'
import { storedViewerPoint } from '@/utils/viewer-point'
import { PrivacyConsent } from '@/components/PrivacyConsent'
import { EmptyState } from '@/components/EmptyState'
import { GroupBanner } from '@/components/GroupBanner'
import { GroupEnterControl } from '@/components/GroupEnterControl'
import { useShareArrival } from '@/hooks/use-share-arrival'
import { useShareCard } from '@/hooks/use-share-card'
import './index.scss'

/** One community: who is in it, what its members sell, and how to invite neighbours. */
export default function CommunityPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { status } = useSession()
  const [community, setCommunity] = useState<Community | null>(null)
  const [missing, setMissing] = useState(false)
  const [inviteOpen, setInviteOpen] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (status === 'signing-in') return
    api.social
      .community({ communityId: id, from: storedViewerPoint() ?? undefined })
      .then((c) => {
        setCommunity(c)
        Taro.setNavigationBarTitle({ title: c.name })
      })
      .catch((e) => {
        if (isServiceError(e) && (e.code === 'COMMON.NOT_FOUND' || e.code === 'COMMON.VALIDATION'))
          setMissing(true)
        else reportError(e, '加载失败，请稍后重试')
      })
  }, [id, status])

  const city = community && CITY_NAMES.includes(community.city) ? community.city : null
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.search.query({
        city: city ?? CITY_NAMES[0],
        communityId: id,
        sort: 'newest',
        near: storedViewerPoint() ?? undefined,
        cursor,
        limit: 20,
      }),
    [id, city],
  )

  // The card opens the community itself (with the token); a visitor joins from there.
  const arrival = useShareArrival('community')
  const title = community ? `邀请你加入「${community.name}」，看看邻居在卖什么` : '邻圈 · 圈子'
  useShareCard({
    kind: 'community',
    targetId: community ? id : null,
    parentToken: arrival.token,
    fromGroup: arrival.group !== null,
    enabled: arrival.ready,
    plain: { title, path: Routes.community(id) },
    titleOf: () => title,
  })

  const join = async () => {
    if (status !== 'signed-in') return goLogin()
    setBusy(true)
    try {
      const c = await api.social.joinCommunity({ communityId: id })
      setCommunity(c)
      toast(`已加入「${c.name}」`, 'success')
    } catch (e) {
      reportError(e, '加入失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const leave = async () => {
    if (!community) return
    const r = await Taro.showModal({
      title: `退出「${community.name}」？`,
      content: '退出后不再在首页看到这个圈子；你已同步到圈子的宝贝仍在同城展示。',
      confirmText: '退出',
      confirmColor: '#ff4d2e',
      cancelText: '再想想',
    })
    if (!r.confirm) return
    setBusy(true)
    try {
      await api.social.leaveCommunity(id)
      setCommunity({
        ...community,
        isMember: false,
        inviteCode: null,
        memberCount: Math.max(0, community.memberCount - 1),
      })
      toast('已退出圈子')
    } catch (e) {
      reportError(e, '退出失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const copyCode = () => {
    if (!community?.inviteCode) return
    Taro.setClipboardData({ data: community.inviteCode })
      .then(() => toast('邀请码已复制，发给邻居吧'))
      .catch(() => toast('复制失败，请手动记下邀请码'))
  }

  if (missing)
    return (
      <View style={{ paddingTop: '80px' }}>
        <EmptyState title='圈子不存在' description='可能已经解散' />
      </View>
    )

  return (
    <View className='circle' id='community-page'>
      <GroupBanner group={arrival.group} />
      <GroupEnterControl token={arrival.token} onEnter={arrival.openInGroup} />
      <View className='circle__head'>
        {community ? (
          <>
            <Text className='circle__name' id='community-name-title'>
              {community.name}
            </Text>
            <Text className='circle__meta'>
              {communityTypeLabel(community.type)} · {community.city}
              {community.district} · <Text id='community-members'>{community.memberCount}</Text>{' '}
              位成员
            </Text>
            <View className='circle__actions'>
              {community.isMember ? (
                <>
                  <Button
                    id='community-invite'
                    type='primary'
                    size='small'
                    onClick={() => setInviteOpen(true)}
                  >
                    邀请邻居
                  </Button>
                  <Button
                    id='community-leave'
                    size='small'
                    fill='outline'
                    loading={busy}
                    onClick={leave}
                  >
                    退出
                  </Button>
                </>
              ) : (
                <Button
                  id='community-join-button'
                  type='primary'
                  size='small'
                  loading={busy}
                  onClick={join}
                >
                  加入圈子
                </Button>
              )}
            </View>
          </>
        ) : (
          <Skeleton rows={2} title animated visible={false} />
        )}
      </View>

      <Text className='circle__section'>圈子里的闲置</Text>
      <PagedListings
        fetchPage={fetchPage}
        enabled={city !== null}
        id='community-feed'
        emptyTitle='圈子里还没有闲置'
        emptyDescription='发布时选择「同步到圈子」，邻居们就能看到'
        emptyAction={
          community?.isMember
            ? { text: '去发布', onClick: () => Taro.navigateTo({ url: Routes.publishForm }) }
            : null
        }
      />

      <Popup
        visible={inviteOpen}
        position='bottom'
        round
        closeable
        onClose={() => setInviteOpen(false)}
        title='邀请邻居加入'
      >
        <View className='circle__invite' id='community-invite-panel'>
          <Text className='circle__invite-sub'>把邀请码发给邻居，在「加入圈子」里输入即可加入</Text>
          <Text className='circle__invite-code' id='community-invite-code'>
            {community?.inviteCode ?? '------'}
          </Text>
          <View className='circle__invite-actions'>
            <Button id='community-copy-code' fill='outline' type='primary' onClick={copyCode}>
              复制邀请码
            </Button>
            {process.env.TARO_ENV === 'weapp' && (
              <Button id='community-share' type='primary' openType='share'>
                分享到微信群
              </Button>
            )}
          </View>
        </View>
      </Popup>
      <PrivacyConsent />
    </View>
  )
}
