import { Text, View } from '@tarojs/components'
import { Progress } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/esm/Progress/style/css'
import './quality-panel.scss'

export interface QualityPanelProps {
  score: number
  hints: string[]
  /** How many hints to show; the first are the most valuable. */
  maxHints?: number
  idPrefix?: string
}

export const qualityVerdict = (score: number) =>
  score >= 85
    ? '很棒，买家一看就懂'
    : score >= 60
      ? '不错，再完善一点更好卖'
      : '信息偏少，买家可能会犹豫'

/** The listing quality score with what to do next (shared/domain/listing-quality). */
export function QualityPanel({ score, hints, maxHints = 3, idPrefix = '' }: QualityPanelProps) {
  const level = score >= 85 ? 'good' : score >= 60 ? 'ok' : 'low'
  return (
    <View className={`quality-panel quality-panel--${level}`} id={`${idPrefix}quality`}>
      <View className='quality-panel__head'>
        <Text className='quality-panel__label'>宝贝质量分</Text>
        <Text className='quality-panel__score' id={`${idPrefix}quality-score`}>
          {score}
        </Text>
        <Text className='quality-panel__verdict'>{qualityVerdict(score)}</Text>
      </View>
      <Progress
        percent={score}
        strokeWidth='4'
        color={level === 'good' ? '#27ae60' : level === 'ok' ? '#ff9f1a' : '#ff4d2e'}
        showText={false}
      />
      {hints.slice(0, maxHints).map((h) => (
        <Text className='quality-hint' key={h}>
          · {h}
        </Text>
      ))}
    </View>
  )
}
