import { Image, Text, View } from '@tarojs/components'
import type { Evidence } from '@shared/contracts/dispute.contract'
import { dateTimeText } from '../order-text'

const FROM = { buyer: '买家', seller: '卖家', platform: '平台' } as const

/** One side's evidence: the text, photos, picked chat lines and the parcels' courier trace. */
export function EvidenceView({ evidence, id }: { evidence: Evidence; id: string }) {
  return (
    <View className='dispute-evidence' id={id}>
      {evidence.text && <Text className='dispute-evidence__text'>{evidence.text}</Text>}
      {evidence.photoUrls.length > 0 && (
        <View className='dispute-evidence__photos'>
          {evidence.photoUrls.map((url) => (
            <Image key={url} className='dispute-evidence__photo' src={url} mode='aspectFill' />
          ))}
        </View>
      )}
      {evidence.messages.map((m, i) => (
        <Text key={`${m.at}-${i}`} className='dispute-evidence__message muted'>
          聊天 · {FROM[m.from]}：{m.text}
        </Text>
      ))}
      {evidence.tracking.map((t) => (
        <View key={t.leg} className='dispute-evidence__tracking'>
          <Text className='muted'>
            {t.leg === 'return' ? '退货' : '发货'} · {t.company} {t.waybillNo}
          </Text>
          {t.events.slice(-3).map((e) => (
            <Text key={e.at} className='muted'>
              {dateTimeText(e.at)} {e.context}
            </Text>
          ))}
        </View>
      ))}
      <Text className='muted'>提交于 {dateTimeText(evidence.submittedAt)}</Text>
    </View>
  )
}
