import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { REPORT_LIMITS } from '@shared/domain/report'
import { api } from '@/services'
import { toast } from '@/utils/feedback'

/** One chat line the reporter may attach: its MessageRef, who said it, what it says. */
export interface PickableMessage {
  id: string
  who: string
  text: string
}

/** Where the lines come from: a conversation the caller is in, or an order's own conversation. */
export type MessageSource = { conversationId: string; meId: string | null } | { orderId: string }

const SIDE = { buyer: '买家', seller: '卖家' } as const
const SHOWN = 20

/** The latest text lines of the source, oldest first (as the chat reads). */
export const loadPickable = async (source: MessageSource): Promise<PickableMessage[]> => {
  if ('orderId' in source) {
    const r = await api.dispute.chatMessages(source.orderId)
    return r.items
      .filter((m) => m.from !== 'platform' && m.text)
      .slice(-SHOWN)
      .map((m) => ({ id: m.id, who: SIDE[m.from as 'buyer' | 'seller'], text: m.text }))
  }
  const r = await api.chat.history({ conversationId: source.conversationId, limit: 30 })
  return r.items
    .filter((m) => m.senderId !== null && m.kind === 'text' && m.text)
    .slice(0, SHOWN)
    .reverse()
    .map((m) => ({ id: m.id, who: m.senderId === source.meId ? '我' : '对方', text: m.text! }))
}

/**
 * 选择聊天记录: the latest lines of the conversation, each ticked on or off; at most
 * REPORT_LIMITS.messages. Shows nothing when there is nothing to pick (or it failed to load).
 */
export function MessagePicker({
  source,
  picked,
  onChange,
}: {
  source: MessageSource
  picked: string[]
  onChange: (ids: string[]) => void
}) {
  const [messages, setMessages] = useState<PickableMessage[]>([])
  const key = 'orderId' in source ? source.orderId : source.conversationId
  useEffect(() => {
    let live = true
    loadPickable(source).then(
      (m) => live && setMessages(m),
      () => live && setMessages([]),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the source is named by its key
  }, [key])
  if (messages.length === 0) return null
  const toggle = (id: string) => {
    if (picked.includes(id)) return onChange(picked.filter((x) => x !== id))
    if (picked.length >= REPORT_LIMITS.messages)
      return toast(`最多选 ${REPORT_LIMITS.messages} 条聊天记录`)
    onChange([...picked, id])
  }
  return (
    <View className='report-form__messages' id='report-messages'>
      <Text className='report-form__label'>
        附上聊天记录（选填，已选 {picked.length}/{REPORT_LIMITS.messages}）
      </Text>
      {messages.map((m) => (
        <View
          key={m.id}
          className={`report-form__message ${picked.includes(m.id) ? 'is-on' : ''}`}
          data-id={m.id}
          onClick={() => toggle(m.id)}
        >
          <Text className='report-form__tick'>{picked.includes(m.id) ? '☑' : '☐'}</Text>
          <Text className='report-form__line'>
            {m.who}：{m.text}
          </Text>
        </View>
      ))}
    </View>
  )
}
