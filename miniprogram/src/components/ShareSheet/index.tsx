import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Button/style/css'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import type { GroupSummary, ShareCreated } from '@shared/contracts/share.contract'
import { SHARES_BY_LINK, api } from '@/services'
import { goLogin, reportError, toast } from '@/utils/feedback'
import { groupName } from '@/utils/share-arrival'
import { Routes } from '@/utils/routes'
import './share-sheet.scss'

export interface ShareSheetProps {
  visible: boolean
  onClose: () => void
  /** The listing's share (null for a guest: 生成海报 asks them to sign in). */
  created: ShareCreated | null
  listingId: string
  /** The seller's own listing on sale: 发到群闲置 is offered. */
  canPostToGroups: boolean
  /** H5: copies the link (useShareCard's copyLink). */
  onCopyLink: () => Promise<void>
}

/**
 * 分享 a listing: 发给朋友/群 (WeChat's share sheet; a copied link in the browser), 生成海报 for
 * 朋友圈 and saving, and for the seller 发到群闲置 in the group circles they are known in.
 */
export function ShareSheet(props: ShareSheetProps) {
  const { visible, onClose, created, listingId, canPostToGroups, onCopyLink } = props
  const [groups, setGroups] = useState<GroupSummary[] | null>(null)
  const [posted, setPosted] = useState<string[]>([])
  const [busy, setBusy] = useState<string | null>(null)

  useEffect(() => {
    if (!visible || !canPostToGroups || groups) return
    api.share.myGroups().then(
      (r) => setGroups(r.items),
      () => setGroups([]),
    )
  }, [visible, canPostToGroups, groups])

  const poster = () => {
    if (!created) return goLogin()
    onClose()
    void Taro.navigateTo({ url: Routes.poster(created.token) })
  }
  const post = async (g: GroupSummary) => {
    setBusy(g.groupKey)
    try {
      await api.share.postToGroup(g.groupKey, listingId)
      setPosted((p) => [...p, g.groupKey])
      toast(`已发到${groupName(g.label)}的群闲置`, 'success')
    } catch (e) {
      reportError(e, '发送失败，请稍后再试')
    } finally {
      setBusy(null)
    }
  }

  return (
    <Popup visible={visible} position='bottom' round closeable title='分享给邻居' onClose={onClose}>
      <View className='share-sheet' id='share-sheet'>
        <View className='share-sheet__ways'>
          {SHARES_BY_LINK ? (
            <View
              className='share-sheet__way'
              id='share-sheet-link'
              onClick={() => void onCopyLink().then(onClose)}
            >
              <Text className='share-sheet__icon share-sheet__icon--wechat'>链</Text>
              <Text className='share-sheet__label'>复制链接</Text>
            </View>
          ) : (
            <Button
              className='share-sheet__way share-sheet__native'
              id='share-button'
              openType='share'
            >
              <Text className='share-sheet__icon share-sheet__icon--wechat'>微</Text>
              <Text className='share-sheet__label'>发给朋友/群</Text>
            </Button>
          )}
          <View className='share-sheet__way' id='share-sheet-poster' onClick={poster}>
            <Text className='share-sheet__icon share-sheet__icon--poster'>图</Text>
            <Text className='share-sheet__label'>生成海报</Text>
          </View>
        </View>

        {canPostToGroups && (
          <View className='share-sheet__groups' id='share-sheet-groups'>
            <Text className='share-sheet__heading'>发到群闲置</Text>
            {groups === null && <Text className='muted share-sheet__hint'>加载中…</Text>}
            {groups?.length === 0 && (
              <Text className='muted share-sheet__hint'>
                把宝贝发到微信群，你自己在群里点开卡片后，这个群就会出现在这里
              </Text>
            )}
            {groups?.map((g) => (
              <View
                key={g.groupKey}
                className='share-sheet__group'
                id={`share-group-${g.groupKey}`}
              >
                <View className='share-sheet__group-who'>
                  <Text className='share-sheet__group-name'>{g.label ?? '未命名的群'}</Text>
                  <Text className='muted share-sheet__group-sub'>
                    {g.memberCount} 位邻居 · {g.postedCount} 件群闲置
                  </Text>
                </View>
                <Button
                  size='small'
                  type='primary'
                  fill='outline'
                  loading={busy === g.groupKey}
                  disabled={posted.includes(g.groupKey)}
                  onClick={() => void post(g)}
                >
                  {posted.includes(g.groupKey) ? '已发送' : '发到这个群'}
                </Button>
              </View>
            ))}
          </View>
        )}
      </View>
    </Popup>
  )
}
