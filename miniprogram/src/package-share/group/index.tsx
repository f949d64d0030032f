import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Popup, Skeleton } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Input/style/css'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import '@nutui/nutui-react-taro/dist/esm/Skeleton/style/css'
import type { GroupSummary } from '@shared/contracts/share.contract'
import type { ListingCard } from '@shared/contracts/listing.contract'
import { SHARE_LIMITS } from '@shared/domain/share'
import { api, isServiceError } from '@/services'
import { EmptyState } from '@/components/EmptyState'
import { ListFooter } from '@/components/ListFooter'
import { ListingWaterfall } from '@/components/ListingWaterfall'
import { usePagedList } from '@/hooks/use-paged-list'
import { useSession } from '@/hooks/use-session'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { navigateOnce } from '@/utils/navigate'
import { Routes } from '@/utils/routes'
import '../share.scss'

type Phase = 'loading' | 'ready' | 'missing' | 'failed'

/**
 * 群闲置: one group circle as its members see it: its name (set by a member; WeChat's own group
 * name is never stored), the listings posted to it, then what its known members have on sale.
 * Anyone else, and any unknown key, sees only 没有找到这个群.
 */
export default function GroupPage() {
  const { params } = useRouter()
  const groupKey = params.key ? decodeURIComponent(params.key) : ''
  const { status } = useSession()
  const [group, setGroup] = useState<GroupSummary | null>(null)
  const [posted, setPosted] = useState<ListingCard[]>([])
  const [phase, setPhase] = useState<Phase>('loading')
  const [editing, setEditing] = useState(false)
  const [label, setLabel] = useState('')
  const [saving, setSaving] = useState(false)
  const [now, setNow] = useState(() => Date.now())

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await api.share.group({ groupKey, cursor, limit: 20 })
      if (!cursor) {
        setGroup(page.group)
        setPosted(page.posted)
        setPhase('ready')
      }
      // Posted listings are shown above; the members' list does not repeat them.
      const shown = new Set(page.posted.map((p) => p.id))
      return { items: page.items.filter((i) => !shown.has(i.id)), nextCursor: page.nextCursor }
    },
    [groupKey],
  )
  const list = usePagedList<ListingCard>(fetchPage)
  const { reload } = list

  useEffect(() => {
    if (status === 'unknown' || status === 'signing-in') return
    if (status === 'signed-out') return setPhase('missing')
    setNow(Date.now())
    void reload()
  }, [reload, status])
  useEffect(() => {
    if (list.status !== 'error' || phase !== 'loading') return
    const e = list.error
    if (isServiceError(e) && ['SHARE.GROUP_NOT_FOUND', 'COMMON.VALIDATION'].includes(e.code))
      setPhase('missing')
    else {
      setPhase('failed')
      reportError(e, '加载失败，请稍后重试')
    }
  }, [list.status, list.error, phase])
  usePullDownRefresh(async () => {
    if (phase === 'ready') await reload('refreshing')
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    if (phase === 'ready' && list.status === 'idle') void list.loadMore()
  })

  const saveLabel = async () => {
    if (!group) return
    setSaving(true)
    try {
      const named = await api.share.setGroupLabel(group.groupKey, label.trim() || null)
      setGroup({ ...group, label: named.label })
      setEditing(false)
      toast(named.label ? '群名称已保存' : '已清除群名称', 'success')
    } catch (e) {
      reportError(e, '保存失败，请稍后再试')
    } finally {
      setSaving(false)
    }
  }

  if (phase === 'missing')
    return (
      <View style={{ paddingTop: '80px' }} id='group-missing'>
        <EmptyState
          title='没有找到这个群'
          description={
            status === 'signed-out'
              ? '登录后才能看到你所在群的群闲置'
              : '在群聊里点开过邻圈的卡片，才能看到这个群的群闲置'
          }
          action={
            status === 'signed-out'
              ? { text: '去登录', onClick: () => goLogin() }
              : { text: '我的群闲置', onClick: () => Taro.redirectTo({ url: Routes.myGroups }) }
          }
        />
      </View>
    )
  if (phase === 'failed')
    return (
      <View style={{ paddingTop: '80px' }}>
        <EmptyState
          title='加载失败'
          description='网络或服务开小差了'
          action={{ text: '重新加载', onClick: () => (setPhase('loading'), void reload()) }}
        />
      </View>
    )

  const open = (c: ListingCard) => navigateOnce(Routes.detail(c.id))
  return (
    <View className='share-page' id='group-page' data-key={groupKey}>
      <View className='share-head'>
        {group ? (
          <>
            <View className='share-head__row'>
              <Text className='share-head__avatar'>群</Text>
              <View className='share-head__names'>
                <Text className='share-head__title' id='group-name'>
                  {group.label ?? '未命名的群'}
                </Text>
                <Text className='share-head__sub' id='group-counts'>
                  {group.memberCount} 位群成员在邻圈 · {group.postedCount} 件发到群里的闲置
                </Text>
              </View>
              <Button
                id='group-label-edit'
                size='small'
                fill='outline'
                type='primary'
                onClick={() => (setLabel(group.label ?? ''), setEditing(true))}
              >
                {group.label ? '改群名' : '设置群名'}
              </Button>
            </View>
            <Text className='share-head__note'>
              只有在这个群里点开过邻圈卡片的群成员能看到这里，群成员名单不会公开
            </Text>
          </>
        ) : (
          <Skeleton rows={2} avatar animated visible={false} />
        )}
      </View>

      {posted.length > 0 && (
        <>
          <Text className='share-section'>发到群里的</Text>
          <ListingWaterfall id='group-posted' cards={posted} now={now} onOpen={open} />
        </>
      )}
      <Text className='share-section'>群成员在卖</Text>
      {list.loaded && list.items.length === 0 && list.status !== 'error' ? (
        <EmptyState
          id='group-items-empty'
          title='群成员还没有在卖的宝贝'
          description='把你的闲置分享到群里，邻居们就能在这里看到'
          action={{ text: '去发布', onClick: () => Taro.switchTab({ url: Routes.publishTab }) }}
        />
      ) : (
        <ListingWaterfall
          id='group-items'
          cards={list.items}
          now={now}
          loading={!list.loaded}
          onOpen={open}
        />
      )}
      <ListFooter list={list} />

      <Popup
        visible={editing}
        position='bottom'
        round
        closeable
        title='群名称'
        onClose={() => setEditing(false)}
      >
        <View className='share-label' id='group-label-sheet'>
          <Text className='share-label__hint'>
            邻圈不会读取微信群的名字。起一个群成员都认得的名字吧，所有群成员都会看到
          </Text>
          <Input
            className='share-label__input'
            placeholder='例如：阳光花园业主群'
            value={label}
            maxLength={SHARE_LIMITS.labelMax}
            onChange={(v) => setLabel(v)}
          />
          <Button id='group-label-save' type='primary' block loading={saving} onClick={saveLabel}>
            保存
          </Button>
        </View>
      </Popup>
    </View>
  )
}
