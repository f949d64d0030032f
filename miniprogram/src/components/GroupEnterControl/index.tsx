import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Popup/style/css'
import { type SandboxGroup, sandboxGroupEnter, sandboxGroups } from '@/services'
import { toast } from '@/utils/feedback'
import './group-enter-control.scss'

export interface GroupEnterControlProps {
  /** The page's share token: the control only shows on a page opened from a share. */
  token: string | null
  /** useShareArrival's openInGroup: share.open again with the group's cloudID. */
  onEnter: (groupCloudId: string) => Promise<unknown>
}

/**
 * H5 dev control 从群聊打开: the browser is never inside a WeChat group chat, so this plays it.
 * It asks the WeChat API sandbox for a group's cloudID (what wx.getGroupEnterInfo would answer
 * this demo user) and sends it with the open, as the weapp does when a card is tapped in a group.
 * Nothing renders in the weapp build or without a token.
 */
export function GroupEnterControl({ token, onEnter }: GroupEnterControlProps) {
  const [groups, setGroups] = useState<SandboxGroup[] | null>(null)
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  if (process.env.TARO_ENV !== 'h5' || !token) return null

  const show = async () => {
    setOpen(true)
    if (!groups) setGroups(await sandboxGroups())
  }
  const enter = async (g: SandboxGroup) => {
    setBusy(g.id)
    try {
      const cloudId = await sandboxGroupEnter(g.id)
      if (!cloudId) return toast('沙箱没有给出群信息，请先登录')
      await onEnter(cloudId)
      setOpen(false)
      toast(`已模拟从「${g.name}」打开`)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='group-enter' id='group-enter-control'>
      <Text className='group-enter__tag'>开发沙箱</Text>
      <Text className='group-enter__hint'>浏览器里没有微信群，可以模拟从群聊卡片打开</Text>
      <Text className='group-enter__button' id='group-enter-open' onClick={show}>
        从群聊打开
      </Text>
      <Popup
        visible={open}
        position='bottom'
        round
        closeable
        title='从哪个群聊打开？（沙箱）'
        onClose={() => setOpen(false)}
      >
        <View className='group-enter__list' id='group-enter-list'>
          {groups === null && <Text className='muted'>加载中…</Text>}
          {groups?.length === 0 && <Text className='muted'>没有连上微信接口沙箱</Text>}
          {groups?.map((g) => (
            <View
              key={g.id}
              className='group-enter__item'
              id={`group-enter-${g.id}`}
              onClick={() => busy === null && void enter(g)}
            >
              <Text className='group-enter__avatar'>群</Text>
              <Text className='group-enter__name'>{g.name}</Text>
              <Text className='muted'>{busy === g.id ? '打开中…' : '›'}</Text>
            </View>
          ))}
        </View>
      </Popup>
    </View>
  )
}
