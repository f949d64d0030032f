import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { Conversation } from '@shared/contracts/chat.contract'
import { api } from '@/services'
import { reportError, toast } from '@/utils/feedback'
import { Routes } from '@/utils/routes'

export const BLOCK_CONFIRM = '屏蔽后双方都不能再发消息，聊天记录会保留'

export const REPORT_ITEM = '举报对方'

/**
 * ··· for the conversation: 屏蔽对方 (after a confirmation) or 解除屏蔽, then the conversation
 * again so the page shows the blocked notice or the composer; or 举报对方, which opens the report
 * form with this conversation's lines to pick from. Answers whether the block state changed.
 */
export const openChatMenu = async (
  c: Pick<Conversation, 'id' | 'role' | 'blockedByMe' | 'other'>,
  onChanged: () => Promise<void>,
): Promise<boolean> => {
  if (c.role === 'operator') return false
  const item = c.blockedByMe ? '解除屏蔽' : '屏蔽对方'
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: [item, REPORT_ITEM] })
    if (tapIndex === 1) {
      void Taro.navigateTo({
        url: Routes.report(
          { kind: 'user', id: c.other.id },
          { label: c.other.nickname, conversationId: c.id },
        ),
      })
      return false
    }
    if (tapIndex !== 0) return false
  } catch {
    return false // dismissed
  }
  if (!c.blockedByMe) {
    const r = await Taro.showModal({
      title: '屏蔽对方？',
      content: BLOCK_CONFIRM,
      confirmText: '屏蔽',
      confirmColor: '#fa2c19',
      cancelText: '取消',
    })
    if (!r.confirm) return false
  }
  try {
    if (c.blockedByMe) await api.chat.unblock(c.id)
    else await api.chat.block(c.id)
  } catch (e) {
    reportError(e, '操作失败，请稍后重试')
    return false
  }
  toast(c.blockedByMe ? '已解除屏蔽' : '已屏蔽', 'success')
  await onChanged()
  return true
}

/** The ··· button at the right of the pinned card; none for an operator reading a report. */
export function ChatMenu({
  conversation,
  onChanged,
}: {
  conversation: Conversation
  onChanged: () => Promise<void>
}) {
  if (conversation.role === 'operator') return null
  return (
    <Text
      className='chat__more'
      id='chat-more'
      onClick={() => void openChatMenu(conversation, onChanged)}
    >
      ···
    </Text>
  )
}
